import { LitElement, type PropertyValues, css, html, nothing } from 'lit';
import type { RunsExport } from '../services/export-runs.js';
import { countIsAnnounced } from './export-announcements.js';

const counted = (state: RunsExport): string => {
  const p = state.progress;
  const what = `the ${state.format.toUpperCase()} zip`;
  return p ? `Writing ${what}: ${p.done} of ${p.total} run${p.total === 1 ? '' : 's'}…` : `Reading the list of runs for ${what}…`;
};

/**
 * How the zip of runs is going ("Writing the FIT zip: 12 of 300 runs…") and then what it did. The
 * count on screen follows every run; the polite live region (always in the page) says the start,
 * a count at most every few seconds, and the end, so a screen reader is not kept talking.
 */
export class StrideRunsExportStatus extends LitElement {
  static override properties = { state: { attribute: false } };
  declare state: RunsExport | null;
  /** What the live region says now, and when its last count was said (null: none yet in this export). */
  #said = '';
  #countSaidAt: number | null = null;

  constructor() {
    super();
    this.state = null;
  }

  static override styles = css`
    :host { display: block; }
    p { margin: 0.5rem 0; overflow-wrap: anywhere; }
    p:empty { margin: 0; }
    .problem { color: var(--warn-text); }
    .hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    progress { display: block; width: 100%; height: 0.75rem; margin-top: 0.25rem; accent-color: var(--accent); }
  `;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('state')) return;
    const state = this.state;
    if (!state?.writing) {
      this.#said = state?.message ?? '';
      this.#countSaidAt = null;
    } else if (!state.progress) {
      // A new export: the last one's message goes, and its first count is said.
      this.#said = '';
      this.#countSaidAt = null;
    } else if (countIsAnnounced(this.#countSaidAt, performance.now())) {
      this.#said = counted(state);
      this.#countSaidAt = performance.now();
    }
  }

  protected override render() {
    const state = this.state;
    const writing = state?.writing === true;
    return html`${writing ? html`<p id="count" aria-hidden="true">${counted(state!)}</p>` : nothing}
      <p id="status" role="status" aria-live="polite" class=${writing ? 'hidden' : state && !state.ok ? 'problem' : ''}>${this.#said}</p>
      ${state?.progress ? html`<progress aria-hidden="true" max=${state.progress.total} .value=${state.progress.done}></progress>` : nothing}`;
  }
}

customElements.define('stride-runs-export-status', StrideRunsExportStatus);

declare global {
  interface HTMLElementTagNameMap {
    'stride-runs-export-status': StrideRunsExportStatus;
  }
}
