import { LitElement, css, html, nothing } from 'lit';
import type { AppUpdates, UpdateState } from '../app/app-updates.js';
import { EventController } from './event-controller.js';

/**
 * "New version ready — Reload", at the foot of the window. While a run is recorded or paused it
 * says the new version comes after the run and offers no Reload, so a run's code is never swapped.
 * ✕ puts the message away until there is something new to say (the run stopped, say), so it
 * does not sit over the tiles for a whole run.
 */
export class StrideUpdateBanner extends LitElement {
  static override properties = { updates: { attribute: false }, dismissed: { state: true } };
  declare updates: AppUpdates | null;
  /** The state whose message the runner put away. */
  declare dismissed: UpdateState | null;
  readonly #updates = new EventController(this, ['change']);

  constructor() {
    super();
    this.updates = null;
    this.dismissed = null;
  }

  static override styles = css`
    :host {
      position: fixed; z-index: 10; left: 50%; bottom: max(1rem, env(safe-area-inset-bottom));
      transform: translateX(-50%); width: max-content; max-width: calc(100vw - 2rem); box-sizing: border-box;
    }
    .banner {
      display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap;
      background: var(--surface-2); color: var(--text); border: 1px solid var(--border);
      border-radius: 10px; padding: 0.5rem 0.6rem 0.5rem 0.9rem; box-shadow: 0 6px 24px var(--shadow);
    }
    p { margin: 0; }
    button {
      font: inherit; min-height: 44px; min-width: 44px; padding: 0.35rem 0.8rem; border-radius: 6px; cursor: pointer;
      background: var(--field-bg); border: 1px solid var(--border); color: inherit;
    }
    #reload { font-weight: 600; padding: 0.35rem 1rem; background: var(--primary-bg); border-color: var(--primary-bg); color: var(--on-strong); }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  `;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('updates')) this.#updates.target = this.updates;
  }

  protected override render() {
    const shown = this.updates?.state ?? 'current';
    const state = shown === this.dismissed ? 'current' : shown;
    const message = {
      current: '',
      ready: 'New version ready',
      'after-run': this.updates?.runElsewhere ? 'New version ready after the run in your other tab' : 'New version ready after this run',
      reloading: 'Loading the new version…',
    }[state];
    // The status region stays in the page (empty while there is no news), so screen readers announce the message when it comes.
    return html`<div class=${state === 'current' ? 'quiet' : 'banner'}>
      <p role="status">${message}</p>
      ${state === 'ready' ? html`<button id="reload" @click=${() => this.updates?.reload()}>Reload</button>` : nothing}
      ${state === 'ready' || state === 'after-run'
        ? html`<button id="dismiss" aria-label="Dismiss" @click=${() => (this.dismissed = state)}>✕</button>`
        : nothing}
    </div>`;
  }
}
customElements.define('stride-update-banner', StrideUpdateBanner);

declare global {
  interface HTMLElementTagNameMap {
    'stride-update-banner': StrideUpdateBanner;
  }
}
