import { LitElement, css, html, nothing } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';
import { busyButtonStyles } from './busy-button-styles.js';
import type { ZipFormat } from '../export/runs-zip.js';

const runs = (n: number): string => `${n} run${n === 1 ? '' : 's'}`;

/**
 * History's bar while runs are picked for export: how many are picked, select all (or none), export
 * them as a FIT or a TCX zip, cancel. Events: 'select-all' (detail: true to pick every run, false
 * for none), 'export-runs' (detail: the format), 'cancel'. Focus goes to its first button.
 */
export class StrideRunsExportBar extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = { chosen: { type: Number }, total: { type: Number }, busy: { type: Boolean } };
  declare chosen: number;
  /** Runs that can be picked. */
  declare total: number;
  /**
   * A zip is being written: nothing else starts meanwhile. The buttons say so with aria-disabled
   * rather than disabled, so the one pressed keeps the focus (a disabled one drops it to the body).
   */
  declare busy: boolean;

  constructor() {
    super();
    this.chosen = 0;
    this.total = 0;
    this.busy = false;
  }

  static override styles = [css`
    :host { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; }
    button { font: inherit; font-size: 0.9rem; padding: 0.2rem 0.7rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; cursor: pointer; }
    button.export { background: var(--primary-bg); color: var(--on-strong); border-color: transparent; font-weight: 600; }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .count { font-weight: 600; }
    .hint { color: var(--muted); margin: 0; flex-basis: 100%; }
  `, touchTargetStyles, busyButtonStyles];

  protected override render() {
    const all = this.total > 0 && this.chosen === this.total;
    const none = this.chosen === 0;
    const fire = (type: string, detail?: unknown) => this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    const unlessBusy = (type: string, detail?: unknown) => () => {
      if (!this.busy) fire(type, detail);
    };
    const exportButton = (format: ZipFormat) => html`<button class="export" id=${`export-${format}-zip`} ?disabled=${none}
      aria-disabled=${this.busy ? 'true' : nothing} aria-describedby=${none ? 'none-picked' : 'count'}
      @click=${unlessBusy('export-runs', format)}>Export selected as ${format.toUpperCase()} zip</button>`;
    return html`<span class="count" id="count">${runs(this.chosen)} of ${this.total} selected</span>
      <button id="select-all" aria-disabled=${this.busy ? 'true' : nothing} @click=${unlessBusy('select-all', !all)}>${all ? 'Select none' : 'Select all'}</button>
      ${exportButton('fit')}${exportButton('tcx')}
      <button id="cancel" @click=${() => fire('cancel')}>Cancel</button>
      ${none ? html`<p class="hint" id="none-picked">Tick the runs to put in the zip, or select all. Esc cancels.</p>` : html`<p class="hint">One file per run, for a bulk upload. Esc cancels.</p>`}`;
  }
}

customElements.define('stride-runs-export-bar', StrideRunsExportBar);

declare global {
  interface HTMLElementTagNameMap {
    'stride-runs-export-bar': StrideRunsExportBar;
  }
}
