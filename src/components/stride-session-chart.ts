import { LitElement, type PropertyValues, css, html } from 'lit';
import type uPlot from 'uplot';
import { type ChartX, type SessionChartData, type SessionChartKind, alignedChartData } from '../charts/chart-data.js';
import { chartYLimits } from '../charts/chart-y-limits.js';
import { cursorReadout } from '../charts/cursor-readout.js';
import type { AxisLimits } from '../charts/robust-limits.js';
import { sessionChartOptions } from '../charts/session-chart-options.js';
import type { PlannedStretch } from '../charts/planned-pace.js';
import type { DistanceUnit } from '../session/units.js';
import { type CadenceZones, defaultCadenceZones } from '../session/zones.js';
import { UplotController } from './uplot-controller.js';
import { uplotInteractiveStyles } from './uplot-interactive-styles.js';
import { uplotStyles } from './uplot-styles.js';

const HEIGHT = 220;

const descriptions: Record<SessionChartKind, string> = {
  cadence: 'Cadence, with zone bands',
  stride: 'Stride length',
  pace: 'Pace',
  'heart-rate': 'Heart rate',
  incline: 'Treadmill incline',
  power: 'Running power',
};

/**
 * One uPlot chart of a recorded session (or two overlaid): cadence, stride, pace, heart rate or
 * incline over elapsed time or distance; a pace chart of one session can carry the treadmill
 * belt's pace as a second line. Created once; new rows go in with setData. Options that change the chart's
 * shape (kind, x, unit, number of sessions, sync key) build it again. Drag across it to zoom;
 * charts with the same `syncKey` move and zoom together. The y axis fits the running rows of every
 * session drawn, outliers clipped at the edge; above the plot, a readout gives the time, distance
 * and value of each session at the cursor.
 */
export class StrideSessionChart extends LitElement {
  static override properties = {
    kind: {},
    x: {},
    unit: {},
    series: { attribute: false },
    labels: { attribute: false },
    zones: { attribute: false },
    markers: { attribute: false },
    laps: { attribute: false },
    syncKey: {},
    belt: { type: Boolean },
    planned: { attribute: false },
  };
  declare kind: SessionChartKind;
  declare x: ChartX;
  declare unit: DistanceUnit;
  /** One entry per session drawn, from chartDataWithGaps. */
  declare series: readonly SessionChartData[];
  /** Names of the sessions in `series`, in the same order. */
  declare labels: readonly string[];
  declare zones: CadenceZones;
  /** x values (as the chart's x) of moments to mark: technique check-ins. */
  declare markers: readonly number[];
  /** x values (as the chart's x) where laps 2, 3… began. */
  declare laps: readonly number[];
  declare syncKey: string;
  /** Pace of one session only: also draw the treadmill belt's pace, dashed. */
  declare belt: boolean;
  /** Pace only: a workout's planned pace, step by step (empty: no workout). */
  declare planned: readonly PlannedStretch[];

  #builtLabels = '';
  /** The x under the cursor, here or on a synced chart; null when none. */
  #cursorX: number | null = null;
  /** Worked out once per data and zones: uPlot asks for the range on every zoom. */
  #limits: AxisLimits | null | undefined;
  readonly #chart = new UplotController(this, HEIGHT, (width) => {
    this.#builtLabels = this.#labelsKey();
    const options = sessionChartOptions({
      kind: this.kind,
      x: this.x,
      unit: this.unit,
      width,
      height: HEIGHT,
      zones: () => this.zones,
      markers: () => this.markers,
      laps: () => this.laps,
      yLimits: () => this.#yLimits(),
      onCursor: (x) => {
        if (x === this.#cursorX) return;
        this.#cursorX = x;
        this.requestUpdate();
      },
      syncKey: this.syncKey,
      seriesLabels: this.#seriesLabels(),
      belt: this.#drawsBelt(),
      planned: () => (this.kind === 'pace' ? this.planned : []),
    });
    return { options, data: this.#data() };
  });

  constructor() {
    super();
    this.kind = 'cadence';
    this.x = 'time';
    this.unit = 'km';
    this.series = [];
    this.labels = [];
    this.zones = defaultCadenceZones;
    this.markers = [];
    this.laps = [];
    this.syncKey = 'stride-session';
    this.belt = false;
    this.planned = [];
  }

  static override styles = [
    uplotStyles,
    uplotInteractiveStyles,
    css`
      :host { display: block; min-width: 0; }
      .plot { width: 100%; min-height: ${HEIGHT}px; }
      /* Above the plot, never over it; one line kept per session so the plot does not jump. */
      .readout { margin: 0 0 0.25rem; font-size: 0.85rem; font-variant-numeric: tabular-nums; min-height: 1.5em; }
      .readout.two { min-height: 3em; }
      /* On a phone the labels a value needs no label for are left to screen readers, so a session's
         line fits on one line ("12:34 2.31 km 172 steps/min") and two compared runs take two. */
      @media (max-width: 30rem) {
        .readout p { gap: 0 0.75rem; }
        /* Pod and belt side by side still wrap once. */
        .readout.wide { min-height: 3em; }
        .self-evident { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
      }
      .readout p { margin: 0; line-height: 1.5; display: flex; flex-wrap: wrap; gap: 0 1rem; }
      .label { color: var(--muted); }
      .who { font-weight: 600; }
    `,
  ];

  get plot(): uPlot | null {
    return this.#chart.plot;
  }

  /** Shows the whole x range again; charts in the same sync group follow. */
  resetZoom(): void {
    const plot = this.#chart.plot;
    const xs = plot?.data[0];
    if (!plot || !xs || xs.length === 0) return;
    plot.setScale('x', { min: xs[0]!, max: xs[xs.length - 1]! });
  }

  protected override render() {
    const over = this.x === 'time' ? 'elapsed time' : 'distance';
    const planned = this.kind === 'pace' && this.planned.length > 0;
    const what = this.#drawsBelt()
      ? `Pace of the footpod and of the treadmill's belt${planned ? ", with the workout's planned pace," : ''}`
      : `${descriptions[this.kind]}${planned ? ", with the workout's planned pace," : ''}`;
    return html`${this.#renderReadout()}<div class="plot" role="img" aria-label=${`${what} over ${over}`}></div>`;
  }

  #renderReadout() {
    // A class, not a style attribute: the app's Content Security Policy allows no inline styles.
    const lines = this.series.length > 1 ? 'readout two' : this.#drawsBelt() ? 'readout wide' : 'readout';
    if (this.#cursorX === null || this.series.length === 0) {
      return html`<div class=${lines}><p class="label">Point at the chart to read its values.</p></div>`;
    }
    const who = this.series.length > 1 ? ['Solid', 'Dashed'] : undefined;
    const readout = cursorReadout(this.series, this.kind, this.unit, this.#cursorX, { belt: this.#drawsBelt(), who });
    return html`<div class=${lines}>
      ${readout.map((line) => html`<p>${line.map((item) =>
        item.value === '' ? html`<span class="who">${item.label}</span> ` : html`<span><span class=${item.selfEvident ? 'label self-evident' : 'label'}>${item.label}</span> ${item.value}</span> `)}</p>`)}
    </div>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['series', 'kind', 'unit', 'zones', 'belt'].some((key) => changed.has(key as keyof StrideSessionChart))) this.#limits = undefined;
  }

  protected override firstUpdated(): void {
    this.#chart.build();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    const plot = this.#chart.plot;
    if (!plot || changed.size === 0) return;
    const shape = ['kind', 'x', 'unit', 'syncKey', 'belt'].some((key) => changed.has(key)) ||
      this.#labelsKey() !== this.#builtLabels ||
      plot.series.length - 1 !== Math.max(1, this.series.length) + (this.#drawsBelt() ? 1 : 0);
    if (shape) this.#chart.build();
    else if (changed.has('series')) plot.setData(this.#data());
    else if (changed.has('zones') && this.kind === 'cadence') this.#fitY(plot);
    else if (['zones', 'markers', 'laps', 'planned'].some((key) => changed.has(key))) plot.redraw(false, false);
  }

  #yLimits(): AxisLimits | null {
    return (this.#limits ??= chartYLimits(this.series, this.kind, this.unit, this.zones, this.#drawsBelt()));
  }

  /** New zones move the cadence axis's limits (the target zone stays in view): set them again, zoom kept. */
  #fitY(plot: uPlot): void {
    const limits = this.#yLimits();
    if (limits) plot.setScale('y', limits);
    else plot.redraw(false, false);
  }

  /** A name for every series drawn (at least one, so an empty chart still has a y column). */
  #seriesLabels(): string[] {
    const count = Math.max(1, this.series.length);
    return Array.from({ length: count }, (_, i) => this.labels[i] ?? `Session ${i + 1}`);
  }

  /** The belt line is drawn beside one session's pace; with two sessions it would be a third and fourth line. */
  #drawsBelt(): boolean {
    return this.belt && this.kind === 'pace' && this.series.length <= 1;
  }

  #labelsKey(): string {
    return this.#seriesLabels().join('\n');
  }

  #data(): uPlot.AlignedData {
    const belt = this.#drawsBelt();
    const data = alignedChartData(this.series, this.kind, this.unit, belt);
    // A chart built before its sessions arrive still needs its (empty) y columns.
    if (data.length > 1) return data;
    return belt ? [[], [], []] : [[], []];
  }
}
customElements.define('stride-session-chart', StrideSessionChart);

declare global {
  interface HTMLElementTagNameMap {
    'stride-session-chart': StrideSessionChart;
  }
}
