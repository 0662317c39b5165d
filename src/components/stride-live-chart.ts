import { LitElement, css, html } from 'lit';
import uPlot from 'uplot';
import { type LiveChartKind, liveChartOptions } from '../charts/live-chart-options.js';
import type { SampleColumns } from '../session/sample-columns.js';
import { type CadenceZones, defaultCadenceZones } from '../session/zones.js';
import { uplotStyles } from './uplot-styles.js';

const HEIGHT = 220;

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

  #plot: uPlot | null = null;
  #resizeObserver: ResizeObserver | null = null;

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
    return this.#plot;
  }

  protected override render() {
    const label = this.kind === 'cadence' ? 'Cadence over time, with zone bands' : 'Stride length over time';
    return html`<div class="plot" role="img" aria-label=${label}></div>`;
  }

  protected override firstUpdated(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.plot')!;
    const width = Math.max(200, Math.floor(target.getBoundingClientRect().width));
    const options = liveChartOptions({ kind: this.kind, width, height: HEIGHT, zones: () => this.zones });
    this.#plot = new uPlot(options, this.#data(), target);
    this.#resizeObserver = new ResizeObserver(([entry]) => {
      const newWidth = Math.floor(entry?.contentRect.width ?? 0);
      if (this.#plot && newWidth > 0 && newWidth !== this.#plot.width) this.#plot.setSize({ width: newWidth, height: HEIGHT });
    });
    this.#resizeObserver.observe(target);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (!this.#plot || changed.size === 0) return;
    if (changed.has('zones') && !changed.has('revision')) this.#plot.redraw(false, false);
    else this.#plot.setData(this.#data());
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

  #data(): uPlot.AlignedData {
    const samples = this.samples;
    if (!samples || samples.length === 0) return [new Float64Array(0), new Float64Array(0)];
    const lastT = samples.at('t', samples.length - 1);
    const from = this.windowS > 0 ? samples.indexAtTime(lastT - this.windowS) : 0;
    const y = this.kind === 'cadence' ? samples.column('cadence', from) : samples.column('strideLengthM', from);
    return [samples.column('t', from), y];
  }
}
customElements.define('stride-live-chart', StrideLiveChart);

declare global {
  interface HTMLElementTagNameMap {
    'stride-live-chart': StrideLiveChart;
  }
}
