import { LitElement, css, html } from 'lit';

/**
 * One big number a runner can read from the treadmill: label, value, unit. In a grid whose rows
 * it spans three at a time (label, value, detail), its parts sit on those rows as a subgrid, so the
 * values of a row of tiles start at one height even when one label wraps to two lines.
 */
export class StrideMetricTile extends LitElement {
  static override properties = {
    label: {},
    value: {},
    unit: {},
    detail: {},
    accent: {},
    wordy: { type: Boolean, reflect: true },
    big: { type: Boolean, reflect: true },
  };
  declare label: string;
  declare value: string;
  declare unit: string;
  declare detail: string;
  /** A colour for the left edge, e.g. the current zone's. */
  declare accent: string;
  /** The value is a word (a state, a zone), set smaller so it fits the tile. */
  declare wordy: boolean;
  /** The one number of the page that matters most (cadence), drawn as large as its tile allows. */
  declare big: boolean;

  constructor() {
    super();
    this.label = '';
    this.value = '–';
    this.unit = '';
    this.detail = '';
    this.accent = 'transparent';
    this.wordy = false;
    this.big = false;
  }

  // Comments stay out of the css literal, which ships as written. The tile is a subgrid (see the
  // class comment) and a unit that does not fit beside the name goes under it, at the right, inside
  // the padding. The number's size follows the tile's width (cqi of .value), so "1:02:45" fits a
  // phone's half-width tile; .value is the container rather than the tile, whose size containment
  // would undo its subgrid. A number is one line (nowrap), so its box is exactly one line high and
  // contained: a new value each second then lays out that box alone, not the tile, its row of
  // tiles and the page around them (a word may wrap, so a wordy tile's is not).
  static override styles = css`
    :host {
      display: grid;
      grid-row: span 3;
      grid-template-rows: subgrid;
      row-gap: 0;
      align-content: start;
      background: var(--surface);
      color: var(--text);
      border-radius: 12px;
      padding: 0.75rem 1rem;
      border-left: 6px solid var(--tile-accent, transparent);
      min-width: 0;
    }
    .label { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0 0.5rem; font-size: 0.85rem; color: var(--muted); min-width: 0; }
    .name { text-transform: uppercase; letter-spacing: 0.05em; }
    .unit { margin-left: auto; }
    .value { container-type: inline-size; }
    .number { display: block; font-size: clamp(1.5rem, 20cqi, 3rem); font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.15; white-space: nowrap; }
    :host(:not([wordy])) .number { height: 1lh; contain: size layout; }
    :host([big]) .number { font-size: min(6rem, max(4.5rem, 7vw), 40cqi); line-height: 1.05; }
    /* Words wrap at spaces only ("Connect / ed" reads as two words): the page gives a wordy tile room for its longest word. */
    :host([wordy]) .number { font-size: clamp(1.2rem, 2vw, 1.6rem); line-height: 1.9; white-space: normal; overflow-wrap: normal; hyphens: manual; }
    /* A device name is not a word of the app's: a long one may break anywhere rather than leave the tile. */
    .detail { font-size: 0.85rem; color: var(--muted); min-height: 1.2em; overflow-wrap: anywhere; }
    :host([big]) .detail { font-size: 1rem; }
  `;

  // Only when it changed: the other properties change each second, and an unchanged accent needs
  // no parse of its value nor a write to the host's style.
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('accent')) this.style.setProperty('--tile-accent', this.accent);
  }

  protected override render() {
    // The unit sits on the label line: next to a treadmill-sized number it would not fit the tile.
    // A page may put more than words in the detail line (the cadence's zone) through the slot.
    return html`<div class="label"><span class="name">${this.label}</span><span class="unit">${this.unit}</span></div>
      <div class="value" aria-live="off"><span class="number">${this.value}</span></div>
      <div class="detail"><slot name="detail">${this.detail}</slot></div>`;
  }
}
customElements.define('stride-metric-tile', StrideMetricTile);

declare global {
  interface HTMLElementTagNameMap {
    'stride-metric-tile': StrideMetricTile;
  }
}
