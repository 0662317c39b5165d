import { LitElement, css, html, nothing } from 'lit';
import type { FileOutcome } from '../services/data-files.js';
import type { FolderService } from '../services/folder-service.js';
import { formatDateTime } from '../session/date-format.js';
import { EventController } from './event-controller.js';
import { touchTargetStyles } from './form-control-styles.js';
// Defined here too, so a folder chosen in this visit can speak on the shell when it is lost.
import './stride-folder-notice.js';

const runs = (n: number): string => `${n} run${n === 1 ? '' : 's'}`;

/**
 * Settings → Your data → "Keep a copy in a folder": choose a folder (a cancelled picker says
 * nothing), see where and how much was written, change or stop (the files stay), and restore from
 * it. Where the browser has no File System Access API it says why and points at the one-file backup.
 */
export class StrideBackupFolder extends LitElement {
  static override properties = {
    folder: { attribute: false },
    outcomes: { state: true },
    busy: { state: true },
  };
  declare folder: FolderService | null;
  /** Files a restore could not read. */
  declare outcomes: readonly FileOutcome[];
  declare busy: boolean;
  readonly #folder = new EventController(this, ['change']);

  constructor() {
    super();
    this.folder = null;
    this.outcomes = [];
    this.busy = false;
  }

  static override styles = [
    css`
      :host { display: block; margin-top: 1rem; }
      h2 { font-size: 1rem; margin: 0 0 0.25rem; }
      p { margin: 0.25rem 0 0.5rem; }
      .hint { color: var(--muted); font-size: 0.9rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
      button { font: inherit; padding: 0.3rem 0.8rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; cursor: pointer; }
      button.primary { background: var(--primary-bg); border-color: var(--primary-bg); color: var(--on-strong); font-weight: 600; }
      button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
      button[disabled] { opacity: 0.6; cursor: default; }
      .problem { color: var(--warn-text); }
      ul { margin: 0.25rem 0; padding-left: 1.25rem; }
      .folder-name { font-weight: 600; overflow-wrap: anywhere; }
    `,
    touchTargetStyles,
  ];

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('folder')) this.#folder.target = this.folder;
  }

  async #run(work: (folder: FolderService) => Promise<unknown>): Promise<void> {
    if (!this.folder || this.busy) return;
    this.busy = true;
    try {
      await work(this.folder);
    } finally {
      this.busy = false;
    }
  }

  #choose = (): void => void this.#run((folder) => folder.choose());
  #forget = (): void => void this.#run((folder) => folder.forget());
  #allow = (): void => void this.#run((folder) => folder.allow());
  #restore = (): void =>
    void this.#run(async (folder) => {
      this.outcomes = [];
      this.outcomes = await folder.restore();
    });

  #describe(folder: FolderService) {
    const status = folder.status;
    const name = (text: string) => html`<span class="folder-name">“${text}”</span>`;
    switch (status.kind) {
      case 'unsupported':
        return html`<p class="hint" id="why">${status.why}</p>`;
      case 'none':
        return html`<p class="hint">
          Each finished run is written to a folder you choose as a FIT file named by its date and name, with a small
          index, after every save, import and edit. A folder your cloud drive syncs carries them to your other computers,
          where “Restore from the folder” brings them in.
        </p>`;
      case 'ready':
        return html`<p id="state">
          Keeping a copy in ${name(status.name)}: ${runs(status.written)} there${status.lastWrittenAt === null
            ? '.'
            : html`, last written ${formatDateTime(status.lastWrittenAt)}.`}
          ${folder.writing ? html`<span class="hint">Writing…</span>` : nothing}
        </p>`;
      case 'needs-permission':
        return html`<p id="state" class="problem">
          Stridewise needs your permission again to write to ${name(status.name)}. Your runs are safe in this browser and
          are written there once you allow it.
        </p>`;
      case 'unreachable':
        return html`<p id="state" class="problem">${status.message} Your runs are safe in this browser.</p>`;
    }
  }

  #actions(folder: FolderService) {
    const kind = folder.status.kind;
    if (kind === 'unsupported') return nothing;
    const busy = this.busy;
    return html`<div class="actions">
      ${kind === 'none'
        ? html`<button id="choose" class="primary" ?disabled=${busy} @click=${this.#choose}>Keep a copy in a folder</button>`
        : nothing}
      ${kind === 'needs-permission' ? html`<button id="allow" class="primary" ?disabled=${busy} @click=${this.#allow}>Allow</button>` : nothing}
      ${kind !== 'none' ? html`<button id="change" ?disabled=${busy} @click=${this.#choose}>Change folder</button>` : nothing}
      <button id="restore" ?disabled=${busy} @click=${this.#restore}>Restore from the folder</button>
      ${kind !== 'none' ? html`<button id="forget" ?disabled=${busy} @click=${this.#forget}>Stop keeping a copy</button>` : nothing}
    </div>`;
  }

  protected override render() {
    const folder = this.folder;
    return html`<h2>Keep a copy in a folder</h2>
      ${folder ? html`${this.#describe(folder)}${this.#actions(folder)}` : nothing}
      <div role="status" aria-live="polite" id="messages">
        ${folder?.message ? html`<p id="message">${folder.message}</p>` : nothing}
        ${this.outcomes.length
          ? html`<ul id="refusals">
              ${this.outcomes.map((o) => html`<li class="problem"><strong>${o.fileName}</strong>: ${o.message}</li>`)}
            </ul>`
          : nothing}
      </div>`;
  }
}
customElements.define('stride-backup-folder', StrideBackupFolder);

declare global {
  interface HTMLElementTagNameMap {
    'stride-backup-folder': StrideBackupFolder;
  }
}
