import { LitElement, css, html } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';

export interface SensorsToggleDetail {
  open: boolean;
}

/**
 * The live page's "Sensors" section: one status line while closed, the panels the page slots in
 * (treadmill, strap, calibration) once opened. It stays below the run's numbers and controls, so
 * opening it never pushes them off the screen. Fires 'sensors-toggle' (CustomEvent<SensorsToggleDetail>)
 * when the runner opens or closes it; the page remembers that and sets `open`.
 */
export class StrideSensorsSection extends LitElement {
  static override properties = { open: { type: Boolean }, status: {} };
  declare open: boolean;
  declare status: string;

  constructor() {
    super();
    this.open = false;
    this.status = '';
  }

  static override styles = [css`
    :host { display: block; background: var(--surface); border-radius: 12px; }
    summary { padding-inline: 1rem; display: list-item; }
    summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 12px; }
    .title { font-weight: 600; margin-right: 0.75rem; }
    .status { color: var(--muted); }
    .body { padding: 0 1rem 1rem; }
  `, touchTargetStyles];

  protected override render() {
    return html`<details ?open=${this.open} @toggle=${this.#toggled}>
      <summary><span class="title">Sensors</span><span class="status" id="status">${this.status}</span></summary>
      <div class="body"><slot></slot></div>
    </details>`;
  }

  /** Also fires when `open` was set from outside; only the runner's own change is news. */
  #toggled(event: Event): void {
    const open = (event.target as HTMLDetailsElement).open;
    if (open === this.open) return;
    this.open = open;
    this.dispatchEvent(new CustomEvent<SensorsToggleDetail>('sensors-toggle', { detail: { open }, bubbles: true, composed: true }));
  }
}
customElements.define('stride-sensors-section', StrideSensorsSection);

declare global {
  interface HTMLElementTagNameMap {
    'stride-sensors-section': StrideSensorsSection;
  }
}
