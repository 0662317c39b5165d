import { LitElement, type PropertyValues, css, html, nothing, svg } from 'lit';
import type uPlot from 'uplot';
import { type WeeksChartColors, fallbackWeeksChartColors } from '../charts/weeks-chart-colors.js';
import type { WeeksChartColumns } from '../charts/weeks-chart-data.js';
import {
  type WeeksChartConfig,
  type WeeksChartKind,
  type WeeksKeyEntry,
  type WeeksPlanProposal,
  weeksChartData,
  weeksChartKey,
  weeksChartOptions,
} from '../charts/weeks-chart-options.js';
import type { WeekTestMark } from '../charts/weeks-chart-tests.js';
import type { DistanceUnit } from '../session/units.js';
import { type CadenceZones, defaultCadenceZones } from '../session/zones.js';
import { UplotController } from './uplot-controller.js';
import { uplotInteractiveStyles } from './uplot-interactive-styles.js';
import { uplotStyles } from './uplot-styles.js';

export const WEEKS_CHART_HEIGHT = 180;

const descriptions: Record<WeeksChartKind, string> = {
  volume: 'Running time and distance per week, as bars',
  cadence: 'Cadence at matched pace per pace band, week by week, over the shaded target zone',
  share: 'Share of running time in the target zone per week, as bars',
};

/** Detail of `week-hover`: the index of the week under the pointer, or null when it left. */
export type WeekHoverDetail = number | null;

/** A key entry's mark drawn as on the chart: a bar, a (dashed) line or a shaded band. */
function keyMark(entry: WeeksKeyEntry) {
  const mark =
    entry.mark === 'line'
      ? svg`<line x1="0" y1="6" x2="24" y2="6" stroke=${entry.color} stroke-width="2.5" stroke-dasharray=${entry.dash ? entry.dash.join(' ') : nothing}></line>`
      : svg`<rect class=${entry.mark} x=${entry.mark === 'bar' ? 7 : 0} y="0" width=${entry.mark === 'bar' ? 10 : 24} height="12" fill=${entry.color}></rect>`;
  return html`<svg width="24" height="12" viewBox="0 0 24 12" aria-hidden="true">${mark}</svg>`;
}

/**
 * One uPlot chart of the weeks page (see weeksChartOptions), with its key drawn below the plot
 * box. Colours come from the page's custom properties (`colors`, read once for all three charts
 * by stride-weeks-charts). Emits `week-hover` as the pointer moves over a week; charts with the
 * same sync key point at the same week together.
 */
export class StrideWeeksChart extends LitElement {
  static override properties = {
    kind: {},
    columns: { attribute: false },
    unit: {},
    bandLabels: { attribute: false },
    zones: { attribute: false },
    proposal: { attribute: false },
    tests: { attribute: false },
    colors: { attribute: false },
  };
  declare kind: WeeksChartKind;
  declare columns: WeeksChartColumns;
  declare unit: DistanceUnit;
  declare bandLabels: readonly string[];
  declare zones: CadenceZones;
  declare proposal: WeeksPlanProposal | null;
  /** Weeks with a program test (the cadence chart marks them). */
  declare tests: readonly WeekTestMark[];
  /** Read from the page's custom properties by whoever holds the charts (one read for all of them). */
  declare colors: WeeksChartColors;

  #week: number | null = null;
  #firstBuild = true;
  readonly #chart = new UplotController(this, WEEKS_CHART_HEIGHT, (width) => {
    const options = weeksChartOptions(this.#config(width));
    return { options, data: weeksChartData(this.kind, this.columns) };
  });

  #config(width: number): WeeksChartConfig {
    return {
      kind: this.kind,
      columns: this.columns,
      width,
      height: WEEKS_CHART_HEIGHT,
      unit: this.unit,
      colors: this.colors,
      bandLabels: this.bandLabels,
      zones: () => this.zones,
      proposal: this.proposal,
      tests: this.tests,
      syncKey: 'stride-weeks',
      onWeek: (index: number | null) => this.#hover(index),
    };
  }

  constructor() {
    super();
    this.kind = 'volume';
    this.columns = { x: [], weekStarts: [], minutes: [], distance: [], bandCadence: [], bands: [], planTarget: [], targetPercent: [] };
    this.unit = 'km';
    this.bandLabels = [];
    this.zones = defaultCadenceZones;
    this.proposal = null;
    this.tests = [];
    this.colors = fallbackWeeksChartColors;
  }

  static override styles = [
    uplotStyles,
    uplotInteractiveStyles,
    css`
      :host { display: block; min-width: 0; }
      .plot { width: 100%; height: ${WEEKS_CHART_HEIGHT}px; }
      ul { list-style: none; margin: 0.25rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.15rem 1rem; font-size: 0.85rem; color: var(--muted); }
      li { display: flex; align-items: center; gap: 0.35rem; }
      .band { opacity: 0.35; }
    `,
  ];

  get plot(): uPlot | null {
    return this.#chart.plot;
  }

  protected override render() {
    const config = this.#config(0);
    const key = weeksChartKey(config, weeksChartOptions(config));
    return html`<div class="plot" role="img" aria-label=${descriptions[this.kind]}></div>
      ${key.length ? html`<ul class="key">${key.map((entry) => html`<li>${keyMark(entry)}${entry.label}</li>`)}</ul>` : nothing}`;
  }

  protected override firstUpdated(): void {
    this.#chart.build();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const plot = this.#chart.plot;
    // The first update's properties are the ones firstUpdated just built the chart with.
    if (!plot || changed.size === 0 || this.#firstBuild) {
      this.#firstBuild = false;
      return;
    }
    // The options read the columns (axis labels, ranges): new columns build the small chart again.
    if (changed.size === 1 && changed.has('zones')) plot.redraw(false, false);
    else this.#chart.build();
  }

  #hover(index: number | null): void {
    if (index === this.#week) return;
    this.#week = index;
    this.dispatchEvent(new CustomEvent<WeekHoverDetail>('week-hover', { detail: index, bubbles: true, composed: true }));
  }
}
customElements.define('stride-weeks-chart', StrideWeeksChart);

declare global {
  interface HTMLElementTagNameMap {
    'stride-weeks-chart': StrideWeeksChart;
  }
}
