import { LitElement, css, html } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';

/**
 * Starts or stops the metronome, named with the rate it plays ("Metronome 175"); aria-pressed
 * says whether it is playing. Fires 'toggle-metronome': the page must call the service from that
 * same event, because browsers start audio only from a user gesture.
 */
export class StrideMetronomeButton extends LitElement {
  static override properties = { on: { type: Boolean }, rateSpm: { type: Number } };
  declare on: boolean;
  declare rateSpm: number;

  constructor() {
    super();
    this.on = false;
    this.rateSpm = 175;
  }

  static override styles = [css`
    :host { display: inline-block; }
    button {
      font: inherit; padding: 0.5rem 1rem; border-radius: 8px; cursor: pointer;
      border: 1px solid var(--border); background: var(--surface-2); color: inherit;
    }
    button[aria-pressed='true'] { background: var(--accent); border-color: var(--accent); color: var(--on-accent); }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    kbd { font: inherit; font-size: 0.8em; border: 1px solid currentColor; border-radius: 4px; padding: 0 0.3em; margin-left: 0.3em; }
  `, touchTargetStyles];

  protected override render() {
    return html`<button id="metronome" aria-pressed=${String(this.on)} @click=${this.#toggle}>Metronome
      ${Math.round(this.rateSpm)} <kbd>M</kbd></button>`;
  }

  #toggle(): void {
    this.dispatchEvent(new Event('toggle-metronome', { bubbles: true, composed: true }));
  }
}
customElements.define('stride-metronome-button', StrideMetronomeButton);

declare global {
  interface HTMLElementTagNameMap {
    'stride-metronome-button': StrideMetronomeButton;
  }
}
