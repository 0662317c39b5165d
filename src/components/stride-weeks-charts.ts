import { LitElement, type PropertyValues, css, html, nothing } from 'lit';
import { onThemeChange } from '../charts/theme-colors.js';
import { type WeeksChartColors, weeksChartColors } from '../charts/weeks-chart-colors.js';
import { type WeeksChartColumns, weeksChartColumns } from '../charts/weeks-chart-data.js';
import type { WeeksPlanProposal } from '../charts/weeks-chart-options.js';
import type { WeekTestMark } from '../charts/weeks-chart-tests.js';
import { testName } from './program-format.js';
import { type PlanSettings, defaultPlanSettings } from '../session/plan-settings.js';
import { type DistanceUnit, formatDuration } from '../session/units.js';
import { type WeekRow, speedBandLabel } from '../session/weekly-trends.js';
import { type CadenceZones, defaultCadenceZones } from '../session/zones.js';
import { formatCadence, formatDistance, formatShare, formatShortDate } from './session-format.js';
import './stride-weeks-chart.js';
import type { WeekHoverDetail } from './stride-weeks-chart.js';

const noTests: readonly WeekTestMark[] = [];

/**
 * The weeks page as pictures: running time and distance, cadence at matched pace per pace band
 * over the target zone (with the cadence plan), and the share of time in the target zone. Under
 * each chart a line of text gives the numbers of the week pointed at (the latest week with runs
 * until then); the page's tables keep every number for screen readers.
 */
export class StrideWeeksCharts extends LitElement {
  static override properties = {
    rows: { attribute: false },
    bands: { attribute: false },
    unit: {},
    zones: { attribute: false },
    plan: { attribute: false },
    proposal: { attribute: false },
    tests: { attribute: false },
    week: { state: true },
  };
  declare rows: readonly WeekRow[];
  /** Bands worth comparing (matchedBands of the rows), ascending. */
  declare bands: readonly number[];
  declare unit: DistanceUnit;
  declare zones: CadenceZones;
  declare plan: PlanSettings;
  /** A next target zone the plan proposes, or null. */
  declare proposal: WeeksPlanProposal | null;
  /** Weeks with a retraining program test: marked on the cadence chart and named in its readout. */
  declare tests: readonly WeekTestMark[];
  /** Index of the week pointed at; null for the latest week with runs. */
  declare week: number | null;

  #columns: WeeksChartColumns | null = null;
  #bandLabels: string[] = [];
  #colors: WeeksChartColors | null = null;
  #themeChanged = false;
  #stopWatchingTheme: (() => void) | null = null;

  constructor() {
    super();
    this.rows = [];
    this.bands = [];
    this.unit = 'km';
    this.zones = defaultCadenceZones;
    this.plan = defaultPlanSettings;
    this.proposal = null;
    this.tests = [];
    this.week = null;
  }

  static override styles = css`
    :host { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); min-width: 0; }
    figure { margin: 0; display: grid; gap: 0.25rem; min-width: 0; }
    figure.wide { grid-column: 1 / -1; }
    figcaption { font-weight: 600; }
    .readout { margin: 0; font-variant-numeric: tabular-nums; color: var(--text); min-height: 1.5em; overflow-wrap: anywhere; }
    .readout .when { color: var(--muted); }
  `;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const columnsChanged = changed.has('rows') || changed.has('bands') || changed.has('unit') || changed.has('plan') || !this.#columns;
    if (columnsChanged) {
      this.#columns = weeksChartColumns(this.rows, { bands: this.bands, unit: this.unit, plan: this.plan });
      this.#bandLabels = this.bands.map((band) => speedBandLabel(band, this.unit));
      if (this.week !== null && this.week >= this.rows.length) this.week = null;
    }
    // Canvas cannot read var(--…): the theme's colours are read here, once for all three charts,
    // when they are built again and when the theme changes.
    if (columnsChanged || this.#themeChanged) {
      const style = getComputedStyle(this);
      this.#colors = weeksChartColors((name) => style.getPropertyValue(name));
      this.#themeChanged = false;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopWatchingTheme = onThemeChange(() => {
      this.#themeChanged = true;
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingTheme?.();
    this.#stopWatchingTheme = null;
  }

  /** The week the readouts show: the one pointed at, or the latest with runs. */
  get shownWeek(): number | null {
    if (this.week !== null) return this.week;
    for (let i = this.rows.length - 1; i >= 0; i--) if (this.rows[i]!.sessions > 0) return i;
    return null;
  }

  #when(i: number) {
    const row = this.rows[i]!;
    const latest = this.week === null ? 'Latest week with runs, ' : '';
    return html`<span class="when">${latest}week of ${formatShortDate(row.weekStart)}:</span>`;
  }

  #volumeText(row: WeekRow): string {
    if (row.sessions === 0) return 'no runs';
    return `${row.sessions} run${row.sessions === 1 ? '' : 's'}, ${formatDuration(row.runningS)} running, ${formatDistance(row.distanceM, this.unit)} ${this.unit}`;
  }

  #cadenceText(row: WeekRow): string {
    const parts = this.bands.map((band, i) => `${this.#bandLabels[i]}: ${formatCadence(row.cadenceByBand[band] ?? null)}`);
    const planned = this.#columns!.planTarget[this.rows.indexOf(row)];
    if (planned !== null && planned !== undefined) parts.push(`plan target from ${planned}`);
    const text = parts.length ? `${parts.join('; ')} (steps/min)` : 'no cadence at matched pace';
    const tests = this.tests.find((t) => t.x === this.rows.indexOf(row))?.tests ?? [];
    return tests.length ? `${text}; ${tests.map(testName).join(', ')} this week` : text;
  }

  #shareText(row: WeekRow): string {
    return row.sessions === 0 || row.targetShare === null ? 'no time in zones' : `${formatShare(row.targetShare)} of running time in the target zone`;
  }

  #readout(id: string, text: (row: WeekRow) => string) {
    const i = this.shownWeek;
    return html`<p class="readout" id=${id}>${i === null ? 'No runs in these weeks.' : html`${this.#when(i)} ${text(this.rows[i]!)}`}</p>`;
  }

  protected override render() {
    const columns = this.#columns!;
    const { targetFrom, targetTo } = this.zones;
    const chart = (kind: 'volume' | 'cadence' | 'share') =>
      html`<stride-weeks-chart kind=${kind} .columns=${columns} .unit=${this.unit} .bandLabels=${this.#bandLabels}
        .zones=${this.zones} .proposal=${this.proposal} .tests=${kind === 'cadence' ? this.tests : noTests} .colors=${this.#colors!} @week-hover=${(e: CustomEvent<WeekHoverDetail>) => (this.week = e.detail)}></stride-weeks-chart>`;
    return html`
      <figure id="volume-figure">
        <figcaption>Running time and distance</figcaption>
        ${chart('volume')}
        ${this.#readout('volume-readout', (row) => this.#volumeText(row))}
      </figure>
      <figure id="share-figure">
        <figcaption>Share of running time in the target zone (${targetFrom}–${targetTo} steps/min)</figcaption>
        ${chart('share')}
        ${this.#readout('share-readout', (row) => this.#shareText(row))}
      </figure>
      ${this.bands.length > 0
        ? html`<figure id="cadence-figure" class="wide">
            <figcaption>Cadence at matched pace, target zone shaded${this.proposal ? ', next step of the plan dashed' : ''}${this.tests.length ? ', weeks with a program test marked' : ''}</figcaption>
            ${chart('cadence')}
            ${this.#readout('cadence-readout', (row) => this.#cadenceText(row))}
          </figure>`
        : nothing}
    `;
  }
}
customElements.define('stride-weeks-charts', StrideWeeksCharts);

declare global {
  interface HTMLElementTagNameMap {
    'stride-weeks-charts': StrideWeeksCharts;
  }
}
