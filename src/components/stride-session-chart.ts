import { LitElement, css, html } from 'lit';
import uPlot from 'uplot';
import { type ChartX, type SessionChartData, type SessionChartKind, alignedChartData } from '../charts/chart-data.js';
import { sessionChartOptions } from '../charts/session-chart-options.js';
import type { DistanceUnit } from '../session/units.js';
import { type CadenceZones, defaultCadenceZones } from '../session/zones.js';
import { uplotStyles } from './uplot-styles.js';

const HEIGHT = 220;

const descriptions: Record<SessionChartKind, string> = {
  cadence: 'Cadence, with zone bands',
  stride: 'Stride length',
  pace: 'Pace',
};

/**
 * One uPlot chart of a recorded session (or two overlaid): cadence, stride or pace over elapsed
 * time or distance. Created once; new rows go in with setData. Options that change the chart's
 * shape (kind, x, unit, number of sessions, sync key) build it again. Drag across it to zoom;
 * charts with the same `syncKey` move and zoom together.
 */
export class StrideSessionChart extends LitElement {
  static override properties = {
    kind: {},
    x: {},
    unit: {},
    series: { attribute: false },
    labels: { attribute: false },
    zones: { attribute: false },
    syncKey: {},
  };
  declare kind: SessionChartKind;
  declare x: ChartX;
  declare unit: DistanceUnit;
  /** One entry per session drawn, from chartDataWithGaps. */
  declare series: readonly SessionChartData[];
  /** Names of the sessions in `series`, in the same order. */
  declare labels: readonly string[];
  declare zones: CadenceZones;
  declare syncKey: string;

  #plot: uPlot | null = null;
  #builtLabels = '';
  #resizeObserver: ResizeObserver | null = null;

  constructor() {
    super();
    this.kind = 'cadence';
    this.x = 'time';
    this.unit = 'km';
    this.series = [];
    this.labels = [];
    this.zones = defaultCadenceZones;
    this.syncKey = 'stride-session';
  }

  static override styles = [
    uplotStyles,
    css`
      :host { display: block; min-width: 0; }
      .plot { width: 100%; min-height: ${HEIGHT}px; }
    `,
  ];

  get plot(): uPlot | null {
    return this.#plot;
  }

  /** Shows the whole x range again; charts in the same sync group follow. */
  resetZoom(): void {
    const plot = this.#plot;
    const xs = plot?.data[0];
    if (!plot || !xs || xs.length === 0) return;
    plot.setScale('x', { min: xs[0]!, max: xs[xs.length - 1]! });
  }

  protected override render() {
    const over = this.x === 'time' ? 'elapsed time' : 'distance';
    return html`<div class="plot" role="img" aria-label=${`${descriptions[this.kind]} over ${over}`}></div>`;
  }

  protected override firstUpdated(): void {
    this.#build();
    const target = this.renderRoot.querySelector<HTMLElement>('.plot')!;
    this.#resizeObserver = new ResizeObserver(([entry]) => {
      const newWidth = Math.floor(entry?.contentRect.width ?? 0);
      if (this.#plot && newWidth > 0 && newWidth !== this.#plot.width) this.#plot.setSize({ width: newWidth, height: HEIGHT });
    });
    this.#resizeObserver.observe(target);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (!this.#plot || changed.size === 0) return;
    const shape = ['kind', 'x', 'unit', 'syncKey'].some((key) => changed.has(key)) ||
      this.#labelsKey() !== this.#builtLabels ||
      this.#plot.series.length - 1 !== Math.max(1, this.series.length);
    if (shape) this.#build();
    else if (changed.has('series')) this.#plot.setData(this.#data());
    else if (changed.has('zones')) this.#plot.redraw(false, false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    this.#plot?.destroy();
    this.#plot = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after leaving the DOM (e.g. a route change and back): build the chart again.
    if (this.hasUpdated && !this.#plot) this.firstUpdated();
  }

  #build(): void {
    this.#plot?.destroy();
    const target = this.renderRoot.querySelector<HTMLElement>('.plot')!;
    const width = Math.max(200, Math.floor(target.getBoundingClientRect().width));
    this.#builtLabels = this.#labelsKey();
    const options = sessionChartOptions({
      kind: this.kind,
      x: this.x,
      unit: this.unit,
      width,
      height: HEIGHT,
      zones: () => this.zones,
      syncKey: this.syncKey,
      seriesLabels: this.#seriesLabels(),
    });
    this.#plot = new uPlot(options, this.#data(), target);
  }

  /** A name for every series drawn (at least one, so an empty chart still has a y column). */
  #seriesLabels(): string[] {
    const count = Math.max(1, this.series.length);
    return Array.from({ length: count }, (_, i) => this.labels[i] ?? `Session ${i + 1}`);
  }

  #labelsKey(): string {
    return this.#seriesLabels().join('\n');
  }

  #data(): uPlot.AlignedData {
    const data = alignedChartData(this.series, this.kind, this.unit);
    // A chart built before its sessions arrive still needs one (empty) y column.
    return data.length > 1 ? data : [[], []];
  }
}
customElements.define('stride-session-chart', StrideSessionChart);

declare global {
  interface HTMLElementTagNameMap {
    'stride-session-chart': StrideSessionChart;
  }
}
