import { LitElement, css, html } from 'lit';

/** One big number a runner can read from the treadmill: label, value, unit. */
export class StrideMetricTile extends LitElement {
  static override properties = {
    label: {},
    value: {},
    unit: {},
    detail: {},
    accent: {},
    wordy: { type: Boolean, reflect: true },
  };
  declare label: string;
  declare value: string;
  declare unit: string;
  declare detail: string;
  /** A colour for the left edge, e.g. the current zone's. */
  declare accent: string;
  /** The value is a word (a state, a zone), set smaller so it fits the tile. */
  declare wordy: boolean;

  constructor() {
    super();
    this.label = '';
    this.value = '–';
    this.unit = '';
    this.detail = '';
    this.accent = 'transparent';
    this.wordy = false;
  }

  static override styles = css`
    :host {
      display: block;
      background: var(--surface);
      color: var(--text);
      border-radius: 12px;
      padding: 0.75rem 1rem;
      border-left: 6px solid var(--tile-accent, transparent);
      min-width: 0;
    }
    .label { display: flex; justify-content: space-between; gap: 0.5rem; font-size: 0.85rem; color: var(--muted); }
    .name { text-transform: uppercase; letter-spacing: 0.05em; }
    .value { font-size: clamp(1.8rem, 4vw, 3rem); font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.15; white-space: nowrap; }
    /* Words wrap at spaces only ("Connect / ed" reads as two words): the page gives a wordy tile room for its longest word. */
    :host([wordy]) .value { font-size: clamp(1.2rem, 2vw, 1.6rem); line-height: 1.9; white-space: normal; overflow-wrap: normal; hyphens: manual; }
    /* A device name is not a word of the app's: a long one may break anywhere rather than leave the tile. */
    .detail { font-size: 0.85rem; color: var(--muted); min-height: 1.2em; overflow-wrap: anywhere; }
  `;

  protected override willUpdate(): void {
    this.style.setProperty('--tile-accent', this.accent);
  }

  protected override render() {
    // The unit sits on the label line: next to a treadmill-sized number it would not fit the tile.
    return html`<div class="label"><span class="name">${this.label}</span><span class="unit">${this.unit}</span></div>
      <div class="value" aria-live="off"><span class="number">${this.value}</span></div>
      <div class="detail">${this.detail}</div>`;
  }
}
customElements.define('stride-metric-tile', StrideMetricTile);

declare global {
  interface HTMLElementTagNameMap {
    'stride-metric-tile': StrideMetricTile;
  }
}
