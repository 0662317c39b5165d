import { LitElement, css, html } from 'lit';

/**
 * How far the import of a big watch file has come (Settings → Your data): the file's name and the
 * percent in words, and a bar the browser announces as a progress bar with its value.
 */
export class StrideImportProgress extends LitElement {
  static override properties = { fileName: {}, percent: { type: Number } };
  declare fileName: string;
  declare percent: number;

  constructor() {
    super();
    this.fileName = '';
    this.percent = 0;
  }

  static override styles = css`
    :host { display: block; margin: 0.5rem 0; }
    label { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 0.75rem; overflow-wrap: anywhere; }
    progress { display: block; width: 100%; height: 0.75rem; margin-top: 0.25rem; accent-color: var(--accent); }
  `;

  protected override render() {
    return html`<label for="bar"><span>Importing <strong>${this.fileName}</strong>…</span> <span>${this.percent} %</span></label>
      <progress id="bar" max="100" .value=${this.percent}></progress>`;
  }
}

customElements.define('stride-import-progress', StrideImportProgress);

declare global {
  interface HTMLElementTagNameMap {
    'stride-import-progress': StrideImportProgress;
  }
}
