import { LitElement, css, html } from 'lit';
import type { Split } from '../session/splits.js';
import { type DistanceUnit, formatDuration, paceUnitLabel } from '../session/units.js';
import { formatAveragePace, formatCadence, formatDistance } from './session-format.js';

/** Splits (per km, per mile or per lap) as a table: time, distance, pace, cadence, stride. */
export class StrideSplitsTable extends LitElement {
  static override properties = {
    splits: { attribute: false },
    unit: {},
    caption: {},
  };
  declare splits: readonly Split[];
  declare unit: DistanceUnit;
  declare caption: string;

  constructor() {
    super();
    this.splits = [];
    this.unit = 'km';
    this.caption = 'Splits';
  }

  static override styles = css`
    :host { display: block; }
    .scroll { overflow-x: auto; }
    .scroll:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding: 0 0 0.35rem; }
    th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--divider); text-align: right; }
    th:first-child, td:first-child { text-align: left; }
  `;

  protected override render() {
    const unit = this.unit;
    // A narrow screen scrolls the table sideways; the region is focusable so keyboards can too.
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${this.caption}><table>
      <caption>${this.caption}</caption>
      <thead><tr>
        <th scope="col">Split</th><th scope="col">Time</th><th scope="col">Distance (${unit})</th>
        <th scope="col">Pace (${paceUnitLabel[unit]})</th><th scope="col">Cadence (steps/min)</th><th scope="col">Stride (m)</th>
      </tr></thead>
      <tbody>
        ${this.splits.map(
          (s) => html`<tr>
            <th scope="row">${s.label}</th>
            <td>${formatDuration(s.durationS)}</td>
            <td>${formatDistance(s.distanceM, unit)}</td>
            <td>${formatAveragePace(s.avgSpeedMps, unit)}</td>
            <td>${formatCadence(s.avgCadence)}</td>
            <td>${s.avgStrideM > 0 ? s.avgStrideM.toFixed(2) : '–'}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }
}
customElements.define('stride-splits-table', StrideSplitsTable);

declare global {
  interface HTMLElementTagNameMap {
    'stride-splits-table': StrideSplitsTable;
  }
}
