import { LitElement, css, html } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';
import type { SessionSummary } from '../session/recorded-session.js';
import { formatDateTime } from '../session/date-format.js';
import { type DistanceUnit, formatDistanceIn, formatDuration } from '../session/units.js';

/**
 * Offers an unfinished run found at start-up (the tab closed or crashed mid-run): resume it or
 * save it as it is. Fires 'resume-unfinished' and 'save-unfinished'.
 */
export class StrideRecoveryPrompt extends LitElement {
  static override properties = { summary: { attribute: false }, unit: {} };
  declare summary: SessionSummary | null;
  /** The runner's distance unit, so the prompt agrees with History and the run's page. */
  declare unit: DistanceUnit;

  constructor() {
    super();
    this.summary = null;
    this.unit = 'km';
  }

  static override styles = [css`
    :host { display: block; background: var(--warn-bg); color: var(--warn-on-bg); border-radius: 10px; padding: 0.75rem 1rem; }
    p { margin: 0 0 0.5rem; }
    button { font: inherit; padding: 0.4rem 0.9rem; border-radius: 8px; border: 1px solid var(--warn-strong); background: var(--warn-strong); color: var(--on-strong); cursor: pointer; margin-right: 0.5rem; }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  `, touchTargetStyles];

  protected override render() {
    const s = this.summary;
    if (!s) return html``;
    const when = formatDateTime(s.startedAt);
    return html`<p role="alert">
        An unfinished run from ${when} (${formatDuration(s.movingS)}, ${formatDistanceIn(s.distanceM, this.unit)} ${this.unit}) was not saved when
        the page closed. Everything up to the last second is kept.
      </p>
      <button id="resume-unfinished" @click=${() => this.#fire('resume-unfinished')}>Resume it</button>
      <button id="save-unfinished" @click=${() => this.#fire('save-unfinished')}>Save it as it is</button>`;
  }

  #fire(name: string): void {
    this.dispatchEvent(new Event(name, { bubbles: true, composed: true }));
  }
}
customElements.define('stride-recovery-prompt', StrideRecoveryPrompt);

declare global {
  interface HTMLElementTagNameMap {
    'stride-recovery-prompt': StrideRecoveryPrompt;
  }
}
