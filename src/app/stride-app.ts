import { LitElement, css, html, nothing } from 'lit';
import { Router } from '@vaadin/router';
import { EventController } from '../components/event-controller.js';
import { appRoutes } from './routes.js';
import type { AppServices } from '../services/services.js';
import type { AppUpdates } from './app-updates.js';

const navLinks = [
  { href: '/', text: 'Live' },
  { href: '/history', text: 'History' },
  { href: '/weeks', text: 'Weeks' },
  { href: '/program', text: 'Program' },
  { href: '/workouts', text: 'Workouts' },
  { href: '/settings', text: 'Settings' },
] as const;

/** A run's own page and a comparison belong to History; the treadmill screen to Live. */
function isCurrent(href: string, path: string): boolean {
  if (href === '/') return path === '/' || path === '/treadmill';
  if (href === '/history') return path.startsWith('/history') || path.startsWith('/compare');
  if (href === '/program') return path.startsWith('/program');
  return path === href;
}

/** The shell: header with navigation, and the outlet the router renders pages into. */
export class StrideApp extends LitElement {
  static override properties = { services: { attribute: false }, updates: { attribute: false } };
  declare services: AppServices | null;
  /** Set by main.ts once the service worker is registered (production build only); shows the update banner. */
  declare updates: AppUpdates | null;
  #router: Router | null = null;
  readonly #data = new EventController(this, ['change']);

  constructor() {
    super();
    this.services = null;
    this.updates = null;
    // Re-renders on every route change, so the link of the page shown is marked as the current one.
    new EventController(this, ['vaadin-router-location-changed'], window);
  }

  // Narrower than a 390 px phone the six links do not fit one row: two even rows of three, not five
  // and one (the last media rule). Comments inside css`` ship in the first load, so they are here.
  static override styles = css`
    :host { display: block; }
    header {
      display: flex; flex-wrap: wrap; align-items: center; gap: 0 1.5rem;
      padding: 0.25rem 1rem; border-bottom: 1px solid var(--divider);
    }
    .brand { font-weight: 800; font-size: 1.2rem; color: var(--accent); margin: 0; }
    nav { display: flex; flex-wrap: wrap; gap: 0 0.25rem; }
    /* 44 px tall links, underlined while hovered, focused or the page shown. */
    nav a {
      display: inline-flex; align-items: center; justify-content: center; min-height: 44px; min-width: 44px;
      padding: 0 0.6rem; box-sizing: border-box; color: inherit; text-decoration: none;
      border-bottom: 3px solid transparent;
    }
    nav a:hover, nav a:focus-visible, nav a[aria-current='page'] { border-bottom-color: var(--accent); }
    nav a[aria-current='page'] { font-weight: 600; }
    nav a:focus-visible { outline: 3px solid var(--focus); outline-offset: -3px; }
    /* A phone: the brand on its own line, the six links sharing the width below it like tabs,
       each as wide a target as a thumb could want: the room left over shared out, so a longer
       word (Workouts, Settings) is never cut, and the six fit one row at 390 px beside a scroll bar. */
    @media (max-width: 32rem) {
      header { padding: 0.25rem 0.5rem 0; }
      .brand { padding: 0.25rem 0.5rem 0; }
      nav { flex: 1 1 100%; gap: 0; }
      nav a { flex: 1 1 auto; padding: 0 0.1rem; font-size: 0.9375rem; }
    }
    @media (max-width: 23.75rem) {
      nav { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); }
    }
    /* Notices stack, newest last; a long file name with no space wraps rather than widening the page. */
    .problem { margin: 0; padding: 0.75rem 1rem; background: var(--alert-bg); color: var(--alert-text); overflow-wrap: anywhere; }
    .problem + .problem { border-top: 1px solid var(--divider); }
    .news { background: var(--accent-soft); color: var(--text); }
    .problem button { font: inherit; min-height: 2.75rem; margin-left: 0.5rem; padding: 0 0.9rem; border-radius: 6px; border: 1px solid currentColor; background: transparent; color: inherit; cursor: pointer; }
  `;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) this.#data.target = this.services?.data ?? null;
  }

  protected override render() {
    return html`
      <header>
        <p class="brand">Stridewise</p>
        <nav aria-label="Main">
          ${navLinks.map(
            ({ href, text }) => html`<a href=${href} aria-current=${isCurrent(href, location.pathname) ? 'page' : nothing}>${text}</a>`,
          )}
        </nav>
      </header>
      ${this.services?.data.problem ? html`<p class="problem" role="alert">${this.services.data.problem}</p>` : nothing}
      ${this.services?.data.notices.map(
        (notice) => html`<p class=${notice.news ? 'problem notice news' : 'problem notice'} role="status">${notice.text}
          <button @click=${() => this.services?.data.dismissNotice(notice)}>Dismiss</button></p>`,
      )}
      <stride-folder-notice .services=${this.services}></stride-folder-notice>
      <main id="outlet"></main>
      ${this.updates ? html`<stride-update-banner .updates=${this.updates}></stride-update-banner>` : nothing}
    `;
  }

  // The shell may be drawn before the services arrive (main.ts hands them over a task later).
  protected override updated(): void {
    if (!this.services || this.#router) return;
    this.#router = new Router(this.renderRoot.querySelector('#outlet'));
    void this.#router.setRoutes(appRoutes(this.services));
  }
}
customElements.define('stride-app', StrideApp);

declare global {
  interface HTMLElementTagNameMap {
    'stride-app': StrideApp;
  }
}
