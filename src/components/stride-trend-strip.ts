import { LitElement, css, html, nothing, svg } from 'lit';
import { type TrendPoint, trendShape, trendText } from '../charts/cadence-trend.js';
import { type CadenceZones, defaultCadenceZones } from '../session/zones.js';

/** The SVG's own box; it stretches to the element's width (the line keeps its width). */
const WIDTH = 300;
const HEIGHT = 40;

/**
 * A small line of the last runs' average cadence over the shaded target zone (the newest run a
 * dot), with the same in words beside it: a plain SVG, lighter than a chart for a picture this small.
 */
export class StrideTrendStrip extends LitElement {
  static override properties = {
    points: { attribute: false },
    zones: { attribute: false },
  };
  /** Oldest first (cadenceTrend). */
  declare points: readonly TrendPoint[];
  declare zones: CadenceZones;

  constructor() {
    super();
    this.points = [];
    this.zones = defaultCadenceZones;
  }

  static override styles = css`
    :host { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; min-width: 0; }
    svg { flex: 1 1 10rem; max-width: 24rem; min-width: 0; height: 2.5rem; overflow: visible; }
    .band { fill: var(--zone-target); opacity: 0.2; }
    .line { fill: none; stroke: var(--text); stroke-width: 2; }
    .last { fill: var(--zone-target); }
    p { margin: 0; color: var(--muted); font-variant-numeric: tabular-nums; }
  `;

  protected override render() {
    if (this.points.length === 0) return nothing;
    const shape = trendShape(this.points, this.zones, WIDTH, HEIGHT);
    const last = shape.dots.length - 1;
    return html`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" aria-hidden="true">
        ${svg`<rect class="band" x="0" y=${shape.band.y} width=${WIDTH} height=${shape.band.height}></rect>
          <polyline class="line" points=${shape.line} vector-effect="non-scaling-stroke"></polyline>
          <circle class="last" cx=${shape.dots[last]!.x} cy=${shape.dots[last]!.y} r="3"></circle>`}
      </svg>
      <p id="trend-text">${trendText(this.points, this.zones)}</p>`;
  }
}
customElements.define('stride-trend-strip', StrideTrendStrip);

declare global {
  interface HTMLElementTagNameMap {
    'stride-trend-strip': StrideTrendStrip;
  }
}
