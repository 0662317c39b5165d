import { LitElement, css, html, nothing } from 'lit';
import type { RunsExport } from '../services/export-runs.js';

/**
 * How the zip of runs is going ("Writing the FIT zip: 12 of 300 runs…") and then what it did, in a
 * polite live region that is always in the page, so a screen reader hears each change of it.
 */
export class StrideRunsExportStatus extends LitElement {
  static override properties = { state: { attribute: false } };
  declare state: RunsExport | null;

  constructor() {
    super();
    this.state = null;
  }

  static override styles = css`
    :host { display: block; }
    p { margin: 0.5rem 0; overflow-wrap: anywhere; }
    p:empty { margin: 0; }
    .problem { color: var(--warn-text); }
    progress { display: block; width: 100%; height: 0.75rem; margin-top: 0.25rem; accent-color: var(--accent); }
  `;

  protected override render() {
    const state = this.state;
    const progress = state?.progress;
    return html`<p id="status" role="status" aria-live="polite" class=${state && !state.ok ? 'problem' : ''}>${progress
      ? `Writing the ${state!.format.toUpperCase()} zip: ${progress.done} of ${progress.total} runs…`
      : (state?.message ?? '')}</p>
      ${progress ? html`<progress aria-hidden="true" max=${progress.total} .value=${progress.done}></progress>` : nothing}`;
  }
}

customElements.define('stride-runs-export-status', StrideRunsExportStatus);

declare global {
  interface HTMLElementTagNameMap {
    'stride-runs-export-status': StrideRunsExportStatus;
  }
}
