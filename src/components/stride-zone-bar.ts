import { LitElement, css, html } from 'lit';
import { zoneClasses } from './zone-classes.js';
import type { ZoneTimes } from '../session/time-in-zone.js';
import { zonePercentages } from '../session/zone-shares.js';
import { zoneIds, zoneLabels } from '../session/zones.js';
import { formatDuration } from '../session/units.js';

/** Time in each cadence zone as one stacked bar with a legend of durations and shares. */
export class StrideZoneBar extends LitElement {
  static override properties = { zoneTimes: { attribute: false } };
  declare zoneTimes: Readonly<ZoneTimes>;

  constructor() {
    super();
    this.zoneTimes = { low: 0, building: 0, target: 0, high: 0 };
  }

  // Comments stay out of the css literal. The durations change each second while a run is
  // recorded; contained, the bar (14 px high, as wide as the element) and the legend (as high as its
  // list, kept so by #legendSize) are laid out alone then, not the page around them.
  static override styles = css`
    :host { display: block; }
    .bar { display: flex; height: 14px; border-radius: 7px; overflow: hidden; background: var(--surface); contain: size layout; }
    .bar span { display: block; height: 100%; }
    .legend { margin-top: 0.4rem; }
    .legend.sized { contain: size layout; }
    ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; margin: 0; font-size: 0.9rem; }
    .swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.3em; }
    ${zoneClasses}
  `;

  protected override render() {
    const total = zoneIds.reduce((sum, zone) => sum + this.zoneTimes[zone], 0);
    const share = (zone: (typeof zoneIds)[number]) => (total > 0 ? this.zoneTimes[zone] / total : 0);
    // The legend's whole percentages add up to 100; the bar's widths stay exact.
    const percent = zonePercentages(this.zoneTimes);
    return html`<div class="bar" role="img" aria-label="Time in cadence zones">
        ${zoneIds.map(
          (zone) => html`<span class="zone-${zone}" data-share=${share(zone)}></span>`,
        )}
      </div>
      <div class="legend"><ul>
        ${zoneIds.map(
          (zone) => html`<li data-zone=${zone}>
            <span class="swatch zone-${zone}"></span>${zoneLabels[zone]}
            ${formatDuration(this.zoneTimes[zone])} (${percent[zone]}%)
          </li>`,
        )}
      </ul></div>`;
  }

  /** Holds the legend at its list's height, which changes only when the list wraps anew (the width, a longer duration). */
  #legendSize: ResizeObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#followLegend();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#legendSize?.disconnect();
    this.#legendSize = null;
  }

  protected override firstUpdated(): void {
    this.#followLegend();
  }

  /** Until the first measure the legend is laid out as any block; from then on at its list's height, contained. */
  #followLegend(): void {
    const legend = this.renderRoot.querySelector<HTMLElement>('.legend');
    const list = legend?.querySelector('ul');
    if (!legend || !list || this.#legendSize) return;
    this.#legendSize = new ResizeObserver(([entry]) => {
      const height = entry?.borderBoxSize[0]?.blockSize ?? list.getBoundingClientRect().height;
      legend.style.height = `${height}px`;
      legend.classList.add('sized');
    });
    this.#legendSize.observe(list);
  }

  protected override updated(): void {
    // Widths through CSSOM: the Content-Security-Policy blocks inline style attributes, which is
    // what lit's styleMap writes on first render.
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('.bar span')) {
      bar.style.width = `${Number(bar.dataset['share']) * 100}%`;
    }
  }
}
customElements.define('stride-zone-bar', StrideZoneBar);

declare global {
  interface HTMLElementTagNameMap {
    'stride-zone-bar': StrideZoneBar;
  }
}
