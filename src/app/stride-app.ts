import { LitElement, css, html, nothing } from 'lit';
import { Router } from '@vaadin/router';
import { EventController } from '../components/event-controller.js';
import { appRoutes } from './routes.js';
import type { AppServices } from './services.js';

/** The shell: header with navigation, and the outlet the router renders pages into. */
export class StrideApp extends LitElement {
  static override properties = { services: { attribute: false } };
  declare services: AppServices | null;
  #router: Router | null = null;
  readonly #data = new EventController(this, ['change']);

  constructor() {
    super();
    this.services = null;
  }

  static override styles = css`
    :host { display: block; }
    header { display: flex; align-items: baseline; gap: 1.5rem; padding: 0.75rem 1rem; border-bottom: 1px solid var(--divider); }
    .brand { font-weight: 800; font-size: 1.2rem; color: var(--accent); margin: 0; }
    nav { display: flex; gap: 1rem; }
    nav a { color: inherit; text-decoration: none; padding: 0.25rem 0; border-bottom: 2px solid transparent; }
    nav a:hover, nav a:focus-visible { border-bottom-color: var(--accent); }
    .problem { margin: 0; padding: 0.75rem 1rem; background: var(--alert-bg); color: var(--alert-text); }
  `;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) this.#data.target = this.services?.data ?? null;
  }

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
      ${this.services?.data.problem ? html`<p class="problem" role="alert">${this.services.data.problem}</p>` : nothing}
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
