import { LitElement, css, html } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';

/**
 * Mutes or unmutes the coach's sounds, speech and vibration. A toggle: the name stays
 * "Mute coach" and aria-pressed says whether it is muted. Fires 'toggle-mute'; the page decides.
 */
export class StrideMuteButton extends LitElement {
  static override properties = { muted: { type: Boolean } };
  declare muted: boolean;

  constructor() {
    super();
    this.muted = false;
  }

  static override styles = [css`
    :host { display: inline-block; }
    button {
      font: inherit; padding: 0.5rem 1rem; border-radius: 8px; cursor: pointer;
      border: 1px solid var(--border); background: var(--surface-2); color: inherit;
    }
    button[aria-pressed='true'] { background: var(--warn-text); border-color: var(--warn-text); color: var(--on-accent); }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .state { font-size: 0.85em; }
  `, touchTargetStyles];

  protected override render() {
    return html`<button id="mute" aria-pressed=${String(this.muted)} @click=${this.#toggle}>Mute coach
      <span class="state" aria-hidden="true">(${this.muted ? 'muted' : 'sound on'})</span></button>`;
  }

  #toggle(): void {
    this.dispatchEvent(new Event('toggle-mute', { bubbles: true, composed: true }));
  }
}
customElements.define('stride-mute-button', StrideMuteButton);

declare global {
  interface HTMLElementTagNameMap {
    'stride-mute-button': StrideMuteButton;
  }
}
