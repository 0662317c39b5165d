// The Weeks page's two tables: totals week by week, and cadence at matched pace week by week.
// Weeks without runs are one row ("No runs, weeks of … – …"), not a row of zeros each. On a narrow
// screen each row is a card with every value labelled: no table scrolls sideways on a phone.
// Rendered into the page's own shadow root (plain templates, not an element).

import { type TemplateResult, css, html } from 'lit';
import { formatCadence, formatDistance, formatShare, formatShortDate } from '../components/session-format.js';
import { type DistanceUnit, formatDuration } from '../session/units.js';
import { type WeekGroup, type WeekRow, speedBandLabel } from '../session/weekly-trends.js';

/** The column's name, and the words the hint above the table uses for it: one wording. */
export const TOWARD_TARGET = 'Toward target';
export const TOWARD_TARGET_HEADER = `${TOWARD_TARGET} (matched pace)`;

/** Words (and an arrow) for a week's move against the target zone: never colour alone. */
export const towardTargetLabels: Record<NonNullable<WeekRow['towardTarget']>, { arrow: string; text: string }> = {
  closer: { arrow: '↑', text: 'closer to target' },
  further: { arrow: '↓', text: 'further from target' },
  same: { arrow: '=', text: 'about the same' },
};

/** Why a week with runs has no move to show, in words: a blank cell reads as a fault. */
const hasPace = (row: WeekRow): boolean => Object.values(row.cadenceByBand).some((c) => c !== null);
export const noTrendWords = (row: WeekRow): string => (hasPace(row) ? 'no earlier week at these paces' : 'under a minute at any one pace');

/** Cards below this width of the table's section; a table above it. */
export const CARDS_BELOW_REM = 44;

export const weeksTableStyles = css`
  .table { container-type: inline-size; }
  /* Its own width in the section's grid, not stretched: columns as wide as their numbers. */
  table { border-collapse: collapse; font-variant-numeric: tabular-nums; justify-self: start; max-width: 100%; }
  th, td { padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--divider); text-align: right; }
  td { white-space: nowrap; }
  /* Long headers wrap at 1280 px rather than push the last column out of the page. */
  thead th { font-weight: 600; vertical-align: bottom; white-space: normal; }
  th:first-child, td:first-child { text-align: left; }
  tbody th { font-weight: 400; white-space: nowrap; }
  tr.no-runs th { color: var(--muted); white-space: normal; }
  th .program { display: block; font-size: 0.85rem; color: var(--muted); white-space: normal; max-width: 14rem; }
  .closer { color: var(--ok-text); font-weight: 600; }
  .further { color: var(--danger-text); }
  .same, .none { color: var(--muted); }
  .arrow { display: inline-block; width: 1.1em; }

  @container (max-width: ${CARDS_BELOW_REM}rem) {
    table, tbody, tr, th, td { display: block; }
    table { width: 100%; }
    /* The headers stay for screen readers; each card labels its own values. */
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    tbody { display: grid; gap: 0.5rem; }
    tbody tr { background: var(--surface); border: 1px solid var(--divider); border-radius: 10px; padding: 0.4rem 0.75rem; }
    tbody th { font-weight: 600; border: 0; padding: 0.2rem 0; }
    tbody td { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; padding: 0.2rem 0; border: 0; white-space: normal; text-align: right; }
    tbody td::before { content: attr(data-label); color: var(--muted); text-align: left; }
    tr.no-runs { background: none; border-style: dashed; }
  }
`;

function trend(row: WeekRow): TemplateResult {
  if (row.towardTarget === null) return html`<span class="none">${row.sessions > 0 ? noTrendWords(row) : '–'}</span>`;
  const label = towardTargetLabels[row.towardTarget];
  return html`<span class=${row.towardTarget}><span class="arrow" aria-hidden="true">${label.arrow}</span>${label.text}</span>`;
}

/** "No runs, weeks of 21 Sep – 30 Nov": the Mondays of a stretch without runs. */
export function noRunsText(group: Extract<WeekGroup, { kind: 'no-runs' }>): string {
  return group.weeks === 1
    ? `No runs, week of ${formatShortDate(group.from)}`
    : `No runs, weeks of ${formatShortDate(group.from)} – ${formatShortDate(group.to)}`;
}

function noRunsRow(group: Extract<WeekGroup, { kind: 'no-runs' }>, columns: number): TemplateResult {
  return html`<tr class="no-runs" data-from=${group.from} data-to=${group.to}><th scope="row" colspan=${columns}>${noRunsText(group)}</th></tr>`;
}

/** The week's date, and under it the program runs it held (weeks-program.ts). */
function weekHeader(row: WeekRow, program: ReadonlyMap<number, readonly string[]>): TemplateResult {
  const runs = program.get(row.weekStart);
  return html`<th scope="row">${formatShortDate(row.weekStart)}${runs ? html`<span class="program">${runs.join(', ')}</span>` : ''}</th>`;
}

export function totalsTable(groups: readonly WeekGroup[], unit: DistanceUnit, program: ReadonlyMap<number, readonly string[]> = new Map()): TemplateResult {
  const labels = ['Runs', `Distance (${unit})`, 'Time', 'Average cadence (steps/min)', 'In target zone', 'Share in target', TOWARD_TARGET_HEADER];
  const cell = (i: number, value: unknown, cls = '') => html`<td class=${cls} data-label=${labels[i]!}>${value}</td>`;
  return html`<table id="totals">
    <thead><tr><th scope="col">Week of</th>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
    <tbody>
      ${groups.map((group) => {
        if (group.kind === 'no-runs') return noRunsRow(group, labels.length + 1);
        const row = group.row;
        return html`<tr data-week=${row.weekStart}>
          ${weekHeader(row, program)}
          ${cell(0, row.sessions)}
          ${cell(1, formatDistance(row.distanceM, unit))}
          ${cell(2, formatDuration(row.movingS))}
          ${cell(3, formatCadence(row.avgCadence))}
          ${cell(4, formatDuration(row.targetZoneS))}
          ${cell(5, row.targetShare === null ? '–' : formatShare(row.targetShare))}
          ${cell(6, trend(row), 'trend')}
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/** Weeks as rows, one column per pace band worth comparing, and the week's move toward the target. */
export function matchedTable(groups: readonly WeekGroup[], bands: readonly number[], unit: DistanceUnit): TemplateResult {
  const bandLabels = bands.map((band) => speedBandLabel(band, unit));
  return html`<table id="matched">
    <thead><tr>
      <th scope="col">Week of</th>
      ${bands.map((band, i) => html`<th scope="col" data-band=${band}>${bandLabels[i]}</th>`)}
      <th scope="col">${TOWARD_TARGET_HEADER}</th>
    </tr></thead>
    <tbody>
      ${groups.map((group) => {
        if (group.kind === 'no-runs') return noRunsRow(group, bands.length + 2);
        const row = group.row;
        return html`<tr data-week=${row.weekStart}>
          <th scope="row">${formatShortDate(row.weekStart)}</th>
          ${bands.map((band, i) => html`<td data-label=${bandLabels[i]!}>${formatCadence(row.cadenceByBand[band] ?? null)}</td>`)}
          <td class="trend" data-label=${TOWARD_TARGET_HEADER}>${trend(row)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
