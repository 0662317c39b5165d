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

  static override styles = css`
    :host { display: block; }
    .bar { display: flex; height: 14px; border-radius: 7px; overflow: hidden; background: var(--surface); }
    .bar span { display: block; height: 100%; }
    ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; margin: 0.4rem 0 0; font-size: 0.9rem; }
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
      <ul>
        ${zoneIds.map(
          (zone) => html`<li data-zone=${zone}>
            <span class="swatch zone-${zone}"></span>${zoneLabels[zone]}
            ${formatDuration(this.zoneTimes[zone])} (${percent[zone]}%)
          </li>`,
        )}
      </ul>`;
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
