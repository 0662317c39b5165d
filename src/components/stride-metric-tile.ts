import { LitElement, css, html } from 'lit';

/** One big number a runner can read from the treadmill: label, value, unit. */
export class StrideMetricTile extends LitElement {
  static override properties = {
    label: {},
    value: {},
    unit: {},
    detail: {},
    accent: {},
  };
  declare label: string;
  declare value: string;
  declare unit: string;
  declare detail: string;
  /** A colour for the left edge, e.g. the current zone's. */
  declare accent: string;

  constructor() {
    super();
    this.label = '';
    this.value = '–';
    this.unit = '';
    this.detail = '';
    this.accent = 'transparent';
  }

  static override styles = css`
    :host {
      display: block;
      background: var(--surface, #111a2e);
      color: var(--text, #e5e7eb);
      border-radius: 12px;
      padding: 0.75rem 1rem;
      border-left: 6px solid var(--tile-accent, transparent);
      min-width: 0;
    }
    .label { font-size: 0.85rem; color: var(--muted, #9ca3af); text-transform: uppercase; letter-spacing: 0.05em; }
    .value { font-size: clamp(1.8rem, 5vw, 3.2rem); font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.1; }
    .unit { font-size: 1rem; color: var(--muted, #9ca3af); margin-left: 0.25rem; font-weight: 400; }
    .detail { font-size: 0.85rem; color: var(--muted, #9ca3af); min-height: 1.2em; }
  `;

  protected override willUpdate(): void {
    this.style.setProperty('--tile-accent', this.accent);
  }

  protected override render() {
    return html`<div class="label">${this.label}</div>
      <div class="value" aria-live="off"><span class="number">${this.value}</span><span class="unit">${this.unit}</span></div>
      <div class="detail">${this.detail}</div>`;
  }
}
customElements.define('stride-metric-tile', StrideMetricTile);

declare global {
  interface HTMLElementTagNameMap {
    'stride-metric-tile': StrideMetricTile;
  }
}
