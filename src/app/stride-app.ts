import { LitElement, css, html } from 'lit';
import { Router } from '@vaadin/router';
import { appRoutes } from './routes.js';
import type { AppServices } from './services.js';

/** The shell: header with navigation, and the outlet the router renders pages into. */
export class StrideApp extends LitElement {
  static override properties = { services: { attribute: false } };
  declare services: AppServices | null;
  #router: Router | null = null;

  constructor() {
    super();
    this.services = null;
  }

  static override styles = css`
    :host { display: block; }
    header { display: flex; align-items: baseline; gap: 1.5rem; padding: 0.75rem 1rem; border-bottom: 1px solid #1e293b; }
    .brand { font-weight: 800; font-size: 1.2rem; color: var(--accent, #34d399); margin: 0; }
    nav { display: flex; gap: 1rem; }
    nav a { color: inherit; text-decoration: none; padding: 0.25rem 0; border-bottom: 2px solid transparent; }
    nav a:hover, nav a:focus-visible { border-bottom-color: var(--accent, #34d399); }
  `;

  protected override render() {
    return html`
      <header>
        <p class="brand">Stridewise</p>
        <nav aria-label="Main">
          <a href="/">Live</a>
          <a href="/history">History</a>
          <a href="/weeks">Weeks</a>
          <a href="/settings">Settings</a>
        </nav>
      </header>
      <main id="outlet"></main>
    `;
  }

  protected override firstUpdated(): void {
    if (!this.services) return;
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
