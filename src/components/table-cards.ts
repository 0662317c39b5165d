// Tables that turn each row into a card on a narrow screen, so that no column hides behind a
// sideways scroll on a phone. The markup stays a table, with explicit roles (changing `display`
// costs a table its semantics in some browsers), so a screen reader still hears each value with its
// column header; the label drawn beside a value in a card is hidden from it, not heard twice.
import { type CSSResult, css, html, unsafeCSS } from 'lit';

/** The name of the container whose width decides between table and cards. */
export const CARDS_CONTAINER = 'cards';

/** A value's label, drawn only while rows are cards. */
export const cardLabel = (text: string) => html`<span class="card-label" aria-hidden="true">${text}</span>`;

/**
 * Shows the labels while the `cards` container is narrower than `width` (a CSS length); the
 * element lays its cards out in the same query.
 */
export function cardLabelStyles(width: string): CSSResult {
  return css`
    .card-label { display: none; }
    @container ${unsafeCSS(CARDS_CONTAINER)} (width < ${unsafeCSS(width)}) {
      .card-label { display: block; font-size: 0.8rem; font-weight: 400; color: var(--muted); overflow-wrap: anywhere; }
    }
  `;
}
