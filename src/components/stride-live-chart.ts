import { LitElement, css, html } from 'lit';
import type uPlot from 'uplot';
import { type LiveChartKind, liveChartOptions } from '../charts/live-chart-options.js';
import type { MinMaxDecimation } from '../charts/min-max-decimation.js';
import { MAX_SAMPLE_STEP_S } from '../charts/time-gaps.js';
import type { SampleColumns } from '../session/sample-columns.js';
import { type CadenceZones, defaultCadenceZones } from '../session/zones.js';
import { UplotController } from './uplot-controller.js';
import { uplotStyles } from './uplot-styles.js';

const HEIGHT = 220;

/** Loaded the first time a run outgrows its chart's pixels: short runs never need it. */
let decimationModule: typeof import('../charts/min-max-decimation.js') | null = null;

/**
 * A live uPlot chart of cadence or stride length over elapsed time. The chart is created once;
 * each new sample only hands uPlot subarray views of the columns (no copies), so an update costs
 * the same after three hours as after three minutes when a window is shown.
 */
export class StrideLiveChart extends LitElement {
  static override properties = {
    kind: {},
    samples: { attribute: false },
    /** Seconds of recent data shown; 0 shows the whole run. */
    windowS: { type: Number },
    zones: { attribute: false },
    /** Bumped by the owner when samples were added, since the columns object stays the same. */
    revision: { type: Number },
  };
  declare kind: LiveChartKind;
  declare samples: SampleColumns | null;
  declare windowS: number;
  declare zones: CadenceZones;
  declare revision: number;

  readonly #chart = new UplotController(
    this,
    HEIGHT,
    (width) => ({
      options: liveChartOptions({ kind: this.kind, width, height: HEIGHT, zones: () => this.zones, maxStepS: () => this.#maxStepS() }),
      data: this.#data(),
    }),
    (plot) => plot.setData(this.#data()),
  );

  /** For the whole run once it has more samples than pixels; per samples object. */
  #decimation: { of: SampleColumns; series: MinMaxDecimation } | null = null;
  #decimating = false;

  constructor() {
    super();
    this.kind = 'cadence';
    this.samples = null;
    this.windowS = 300;
    this.zones = defaultCadenceZones;
    this.revision = 0;
  }

  static override styles = [
    uplotStyles,
    css`
      :host { display: block; min-width: 0; }
      .plot { width: 100%; min-height: ${HEIGHT}px; }
    `,
  ];

  get plot(): uPlot | null {
    return this.#chart.plot;
  }

  protected override render() {
    const label = this.kind === 'cadence' ? 'Cadence over time, with zone bands' : 'Stride length over time';
    return html`<div class="plot" role="img" aria-label=${label}></div>`;
  }

  protected override firstUpdated(): void {
    this.#chart.build();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    const plot = this.#chart.plot;
    if (!plot || changed.size === 0 || !this.#chart.shouldDraw()) return;
    if (changed.has('zones') && !changed.has('revision')) plot.redraw(false, false);
    else plot.setData(this.#data());
  }

  #data(): uPlot.AlignedData {
    const samples = this.samples;
    this.#decimating = false;
    if (!samples || samples.length === 0) return [new Float64Array(0), new Float64Array(0)];
    const lastT = samples.at('t', samples.length - 1);
    const from = this.windowS > 0 ? samples.indexAtTime(lastT - this.windowS) : 0;
    const t = samples.column('t', from);
    const y = this.kind === 'cadence' ? samples.column('cadence', from) : samples.column('strideLengthM', from);
    const pixels = this.#chart.plot?.bbox.width ?? 0;
    // A whole 3-hour run has ten samples per pixel; drawing each costs time and shows nothing more.
    if (this.windowS > 0 || pixels === 0 || t.length <= 2 * pixels) return [t, y];
    if (!decimationModule) {
      void import('../charts/min-max-decimation.js').then((module) => {
        decimationModule = module;
        this.requestUpdate('revision', -1);
      });
      return [t, y];
    }
    if (this.#decimation?.of !== samples) this.#decimation = { of: samples, series: new decimationModule.MinMaxDecimation() };
    this.#decimating = true;
    return this.#decimation.series.update(t, y, pixels);
  }

  /** Decimated points of one stretch lie up to two buckets apart; only longer steps are gaps. */
  #maxStepS(): number {
    const bucketS = this.#decimating ? (this.#decimation?.series.bucketS ?? 0) : 0;
    return bucketS > 1 ? 2 * bucketS + MAX_SAMPLE_STEP_S : MAX_SAMPLE_STEP_S;
  }
}
customElements.define('stride-live-chart', StrideLiveChart);

declare global {
  interface HTMLElementTagNameMap {
    'stride-live-chart': StrideLiveChart;
  }
}
