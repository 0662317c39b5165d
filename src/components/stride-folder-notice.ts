import { LitElement, css, html, nothing } from 'lit';
import type { FolderService } from '../services/folder-service.js';
import type { AppServices } from '../services/services.js';
import { EventController } from './event-controller.js';

/**
 * The shell's word when the backup folder can no longer be written (permission taken back, the
 * folder moved or gone): said once, with "Allow" where the browser can give the permission back
 * (the click is the gesture requestPermission needs) and "Dismiss". Loaded at start only where a
 * folder was chosen (start-up.ts) or with Settings; its being drawn loads the folder's service,
 * which brings the folder up to date.
 */
export class StrideFolderNotice extends LitElement {
  static override properties = { services: { attribute: false }, folder: { state: true } };
  declare services: Pick<AppServices, 'folder'> | null;
  declare folder: FolderService | null;
  readonly #folder = new EventController(this, ['change']);

  constructor() {
    super();
    this.services = null;
    this.folder = null;
  }

  static override styles = css`
    :host { display: block; }
    .notice { margin: 0; padding: 0.6rem 1rem; background: var(--alert-bg); color: var(--alert-text); display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; }
    p { margin: 0; flex: 1 1 20rem; }
    button { font: inherit; min-height: 44px; min-width: 44px; padding: 0 0.9rem; border-radius: 6px; border: 1px solid currentColor; background: transparent; color: inherit; cursor: pointer; }
    #allow { font-weight: 600; }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  `;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services') && this.services) {
      void this.services.folder().then((folder) => {
        this.folder = folder;
      });
    }
    if (changed.has('folder')) this.#folder.target = this.folder;
  }

  protected override render() {
    const notice = this.folder?.notice ?? null;
    const canAllow = this.folder?.status.kind === 'needs-permission';
    // The status region stays in the page, empty while there is nothing to say, so the notice is announced when it comes.
    return html`<div role="status">
      ${notice === null
        ? nothing
        : html`<div class="notice" id="folder-notice">
            <p>${notice}</p>
            ${canAllow ? html`<button id="allow" @click=${() => void this.folder?.allow()}>Allow</button>` : nothing}
            <button id="dismiss" @click=${() => this.folder?.dismissNotice()}>Dismiss</button>
          </div>`}
    </div>`;
  }
}
customElements.define('stride-folder-notice', StrideFolderNotice);

declare global {
  interface HTMLElementTagNameMap {
    'stride-folder-notice': StrideFolderNotice;
  }
}
