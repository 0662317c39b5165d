import { LitElement, css, html, unsafeCSS } from 'lit';
import type { Split } from '../session/splits.js';
import { type DistanceUnit, formatDuration, paceUnitLabel } from '../session/units.js';
import { formatAveragePace, formatCadence, formatDistance } from './session-format.js';
import { CARDS_CONTAINER, cardLabel, cardLabelStyles } from './table-cards.js';

/** Under this width the six columns no longer fit side by side: each split becomes a card. */
const CARDS_BELOW = '37.5rem';

/**
 * Splits (per km, per mile or per lap) as a table: time, distance, pace, cadence, stride. On a
 * narrow screen each split is a card with every value labelled, nothing scrolled out of sight.
 */
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

  static override styles = [css`
    :host { display: block; container: ${unsafeCSS(CARDS_CONTAINER)} / inline-size; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding: 0 0 0.35rem; }
    th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--divider); text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    /* A card per split: its name, then the five values in three labelled columns. */
    @container ${unsafeCSS(CARDS_CONTAINER)} (width < ${unsafeCSS(CARDS_BELOW)}) {
      table, caption, tbody { display: block; }
      thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
      tbody tr {
        display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.1rem 0.5rem;
        padding: 0.4rem 0; border-bottom: 1px solid var(--divider);
      }
      tbody th, tbody td { display: block; padding: 0.15rem 0; border: 0; text-align: left; }
      tbody th { grid-column: 1 / -1; }
    }
  `, cardLabelStyles(CARDS_BELOW)];

  protected override render() {
    const unit = this.unit;
    const labels = {
      time: 'Time', distance: `Distance (${unit})`, pace: `Pace (${paceUnitLabel[unit]})`, cadence: 'Cadence (steps/min)', stride: 'Stride (m)',
    };
    // Explicit roles: the cards change the rows' display, which must not cost the table its semantics.
    return html`<table role="table">
      <caption>${this.caption}</caption>
      <thead role="rowgroup"><tr role="row">
        <th role="columnheader" scope="col">Split</th><th role="columnheader" scope="col">${labels.time}</th>
        <th role="columnheader" scope="col">${labels.distance}</th><th role="columnheader" scope="col">${labels.pace}</th>
        <th role="columnheader" scope="col">${labels.cadence}</th><th role="columnheader" scope="col">${labels.stride}</th>
      </tr></thead>
      <tbody role="rowgroup">
        ${this.splits.map(
          (s) => html`<tr role="row">
            <th role="rowheader" scope="row">${s.label}</th>
            <td role="cell">${cardLabel(labels.time)}${formatDuration(s.durationS)}</td>
            <td role="cell">${cardLabel(labels.distance)}${formatDistance(s.distanceM, unit)}</td>
            <td role="cell">${cardLabel(labels.pace)}${formatAveragePace(s.avgSpeedMps, unit)}</td>
            <td role="cell">${cardLabel(labels.cadence)}${formatCadence(s.avgCadence)}</td>
            <td role="cell">${cardLabel(labels.stride)}${s.avgStrideM > 0 ? s.avgStrideM.toFixed(2) : '–'}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
customElements.define('stride-splits-table', StrideSplitsTable);

declare global {
  interface HTMLElementTagNameMap {
    'stride-splits-table': StrideSplitsTable;
  }
}
