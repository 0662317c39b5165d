import { LitElement, css, html } from 'lit';

export interface PageSection {
  /** The id of the section in the page beside this list. */
  id: string;
  title: string;
}

/**
 * A list of a long page's sections, at its top: each link scrolls to its section and moves the
 * focus there. The sections sit in the page's shadow root, where the browser's own #fragment
 * scroll cannot find them, and the click must not reach the router as a navigation.
 */
export class StrideSectionLinks extends LitElement {
  static override properties = {
    sections: { attribute: false },
    label: {},
  };
  declare sections: readonly PageSection[];
  declare label: string;

  constructor() {
    super();
    this.sections = [];
    this.label = 'Sections';
  }

  static override styles = css`
    :host { display: block; }
    ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; padding: 0; margin: 0 0 1rem; }
    a { display: inline-flex; align-items: center; min-height: 44px; box-sizing: border-box; padding: 0 0.75rem; border-radius: 999px;
      border: 1px solid var(--border); background: var(--surface-2); color: inherit; text-decoration: none; }
    a:hover { border-color: var(--accent); }
    a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  `;

  protected override render() {
    return html`<nav aria-label=${this.label}><ul>
      ${this.sections.map(({ id, title }) => html`<li><a href=${`#${id}`} @click=${(e: Event) => this.#jumpTo(e, id)}>${title}</a></li>`)}
    </ul></nav>`;
  }

  #jumpTo(event: Event, id: string): void {
    event.preventDefault();
    const root = this.getRootNode() as Document | ShadowRoot;
    const section = root.getElementById(id);
    if (!section) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    section.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
    if (!section.hasAttribute('tabindex')) section.setAttribute('tabindex', '-1');
    section.focus({ preventScroll: true });
  }
}
customElements.define('stride-section-links', StrideSectionLinks);

declare global {
  interface HTMLElementTagNameMap {
    'stride-section-links': StrideSectionLinks;
  }
}
