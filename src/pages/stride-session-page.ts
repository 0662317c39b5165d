import { LitElement, type PropertyValues, css, html, nothing } from 'lit';
import { touchTargetStyles } from '../components/form-control-styles.js';
import type { AppServices } from '../services/services.js';
import type { OpenedSession } from '../services/history-service.js';
import { type ChartX, type SessionChartData, type SessionChartKind, chartDataWithGaps, momentsAt } from '../charts/chart-data.js';
import { type PlannedStretch, plannedPace } from '../charts/planned-pace.js';
import { type HeartRateStats, type SessionChannels, averagePowerW, heartRateStats, sessionChannels } from '../charts/session-channels.js';
import { downloadFile } from '../components/download-file.js';
import { EventController } from '../components/event-controller.js';
import { formatSessionDate, importedFileName, sessionTitle } from '../components/session-format.js';
import type { StrideSessionChart } from '../components/stride-session-chart.js';
import '../components/stride-session-chart.js';
import '../components/stride-session-summary.js';
import '../components/stride-splits-table.js';
import '../components/stride-zone-bar.js';
import { hasFootpodData } from './stride-session-calibration.js';
import { gapTimeCounts } from '../session/gap-steps.js';
import type { CheckInMark, RecordedSession, SessionGap } from '../session/recorded-session.js';
import { rowAtOrAfter } from '../session/recorded-columns.js';
import { techniquePrompts } from '../coach/technique-prompts.js';
import { type Split, distanceSplits, lapSplits } from '../session/splits.js';
import { statedTotalsNotes } from '../session/stated-totals.js';
import { type DistanceUnit, formatDistanceIn, formatDuration } from '../session/units.js';

let pageCount = 0;

const gapReasons: Record<SessionGap['reason'], string> = {
  paused: 'paused',
  'link-lost': 'footpod link lost',
  'missing-records': 'no records in the file',
};

/** A check-in's title; one from a prompt this version no longer has is named plainly. */
const promptTitle = (id: string): string => techniquePrompts.find((p) => p.id === id)?.title ?? 'Technique check-in';

/** Why a break still counts: the counter ran through it, so its distance and time are in the run. */
const coveredNote = (gap: SessionGap, unit: DistanceUnit): string =>
  `; the ${gap.reason === 'link-lost' ? "footpod's" : "file's"} distance counter went on by ` +
  `${formatDistanceIn(gap.coveredM ?? 0, unit)} ${unit}, kept with its time as moving time`;
type ExportFormat = 'fit' | 'tcx' | 'csv';
const exportFormats: readonly { format: ExportFormat; label: string }[] = [
  { format: 'fit', label: 'Export FIT' },
  { format: 'tcx', label: 'Export TCX' },
  { format: 'csv', label: 'Export CSV' },
];

const statusNotes: Record<string, string> = {
  recording: 'This session is still being recorded, or was interrupted and not yet recovered.',
  recovered: 'Recovered after an interruption: it ends where the last saved samples end.',
};

interface Derived {
  session: RecordedSession;
  x: ChartX;
  unit: DistanceUnit;
  /** The one session's rows, as the charts take them (one array, so charts see no change on re-render). */
  series: SessionChartData[];
  /** Check-ins at the chart's x (seconds or metres). */
  markers: number[];
  /** Lap starts at the chart's x. */
  laps: number[];
  distanceSplits: Split[];
  lapSplits: Split[];
  /** Which other sensors' channels the run has: a chart appears only for those. */
  channels: SessionChannels;
  heartRate: HeartRateStats | null;
  powerW: number | null;
  /** A workout's planned pace, step by step, at the chart's x; empty for a run without one. */
  planned: PlannedStretch[];
}

/**
 * One recorded session: totals, time in each zone, cadence, stride and pace charts (drag to zoom,
 * all of them move together), heart rate, incline and the belt's pace when other sensors gave
 * them, the gaps in the recording, and splits per km or mile and per lap.
 */
export class StrideSessionPage extends LitElement {
  static override properties = {
    services: { attribute: false },
    sessionId: {},
    x: { state: true },
    opened: { state: true },
    exporting: { state: true },
    exportProblem: { state: true },
  };
  declare services: AppServices | null;
  declare sessionId: string;
  /** What the charts run along. */
  declare x: ChartX;
  /** The session once read, or why it could not be; null while reading. */
  declare opened: OpenedSession | null;
  /** The format being written, while a file is being made. */
  declare exporting: ExportFormat | null;
  /** Why the last export failed, in words; null when it did not. */
  declare exportProblem: string | null;

  readonly #settings = new EventController(this, ['change']);
  readonly syncKey = `stride-session-page-${++pageCount}`;
  #derived: Derived | null = null;
  #request = 0;

  constructor() {
    super();
    this.services = null;
    this.sessionId = '';
    this.x = 'time';
    this.opened = null;
    this.exporting = null;
    this.exportProblem = null;
  }

  static override styles = [css`
    :host { display: grid; gap: 1rem; padding: 1rem; }
    h1 { margin: 0; }
    h2 { font-size: 1rem; margin: 0 0 0.35rem; color: var(--muted); font-weight: 600; }
    section { min-width: 0; }
    /* A name, a note or a device name of one long word wraps inside the page rather than widen it. */
    header { min-width: 0; overflow-wrap: anywhere; }
    .meta, .hint { color: var(--muted); margin: 0.2rem 0 0; }
    .notes { white-space: pre-wrap; margin: 0.5rem 0 0; }
    .problem { color: var(--warn-text); }
    a { color: var(--link); }
    a[href='/history'] { display: inline-flex; align-items: center; min-height: 44px; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
    button { font: inherit; padding: 0.35rem 0.75rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; cursor: pointer; }
    button[aria-pressed='true'] { background: var(--border); border-color: var(--border-strong); }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .splits { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); }
    ul.gaps, ul.check-ins { margin: 0; padding-left: 1.2rem; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; margin: 0 0 0.35rem; padding: 0; font-size: 0.9rem; }
    .line { display: inline-block; width: 1.75rem; height: 0; vertical-align: middle; margin-right: 0.4rem; }
    .line.pod { border-top: 2px solid var(--series-pace); }
    .line.belt { border-top: 2px dashed var(--series-cadence); }
    .line.planned { border-top: 6px solid var(--accent); opacity: 0.4; }
  `, touchTargetStyles];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services')) this.#settings.target = this.services?.settings ?? null;
    if ((changed.has('services') || changed.has('sessionId')) && this.services) void this.#open(this.services, this.sessionId);
  }

  /** The charts of the page, in order cadence, stride, pace, then heart rate and incline when the run has them. */
  get charts(): StrideSessionChart[] {
    return [...this.renderRoot.querySelectorAll('stride-session-chart')];
  }

  /** Shows every chart's whole range again. */
  resetZoom(): void {
    for (const chart of this.charts) chart.resetZoom();
  }

  protected override render() {
    if (!this.services) return nothing;
    const back = html`<p><a href="/history">← All sessions</a></p>`;
    if (this.opened === null) return html`${back}<p class="hint" role="status">Opening the session…</p>`;
    if (this.opened.problem !== null) {
      return html`${back}<h1>Session not available</h1><p class="problem" role="alert">${this.opened.problem}</p>`;
    }
    const unit = this.services.settings.settings.distanceUnit;
    const derived = this.#derive(this.opened.session, unit);
    const { meta } = derived.session;
    const title = sessionTitle(meta);
    return html`
      ${back}
      <header>
        <h1>${title}</h1>
        <p class="meta">${formatSessionDate(meta.startedAt)}${meta.deviceName ? html` · <span class="device">${meta.deviceName}</span>` : nothing}${importedFileName(meta)
          ? html` · imported from <span class="file">${importedFileName(meta)}</span>`
          : nothing}</p>
        ${statusNotes[meta.status] ? html`<p class="hint">${statusNotes[meta.status]}</p>` : nothing}
        ${meta.notes ? html`<p class="notes">${meta.notes}</p>` : nothing}
      </header>
      <stride-session-summary .summary=${meta} .unit=${unit} .heartRate=${derived.heartRate} .powerW=${derived.powerW}></stride-session-summary>
      ${meta.statedTotals ? statedTotalsNotes(meta.statedTotals).map((note) => html`<p class="hint watch-totals">${note}</p>`) : nothing}
      <section aria-labelledby="zones-heading">
        <h2 id="zones-heading">Time in each zone (target ${meta.zones.targetFrom}–${meta.zones.targetTo} steps/min)</h2>
        <stride-zone-bar .zoneTimes=${meta.zoneTimes}></stride-zone-bar>
      </section>
      <div class="controls">
        <div role="group" aria-label="Charts run along">
          <button id="along-time" aria-pressed=${String(this.x === 'time')} @click=${() => (this.x = 'time')}>Over time</button>
          <button id="along-distance" aria-pressed=${String(this.x === 'distance')} @click=${() => (this.x = 'distance')}>Over distance</button>
        </div>
        <button id="reset-zoom" @click=${() => this.resetZoom()}>Reset zoom</button>
        <p class="hint">Drag across a chart to zoom in; the charts move together.</p>
      </div>
      ${this.#chart('cadence', 'Cadence (steps/min)', derived, meta.zones)}
      ${this.#chart('stride', 'Stride length (m)', derived, meta.zones)}
      ${this.#chart('pace', `Pace (min/${unit})`, derived, meta.zones)}
      ${derived.channels.heartRate ? this.#chart('heart-rate', 'Heart rate (bpm)', derived, meta.zones) : nothing}
      ${derived.channels.inclinePercent ? this.#chart('incline', 'Treadmill incline (%)', derived, meta.zones) : nothing}
      ${derived.channels.powerW ? this.#chart('power', 'Running power (W)', derived, meta.zones) : nothing}
      ${this.#renderCheckIns(meta.checkIns ?? [])}
      ${this.#renderGaps(meta.gaps, unit)}
      ${this.#renderExport(derived.session)}
      ${hasFootpodData(derived.session) ? html`<section aria-labelledby="calibrate-heading">
        <h2 id="calibrate-heading">Calibrate the footpod from this run</h2>
        <stride-session-calibration .services=${this.services} .session=${derived.session}
          @session-changed=${() => void this.#open(this.services!, this.sessionId, true)}></stride-session-calibration>
      </section>` : nothing}
      <section class="splits" aria-label="Splits">
        <stride-splits-table id="distance-splits" .splits=${derived.distanceSplits} .unit=${unit}
          caption=${`Splits per ${unit === 'km' ? 'kilometre' : 'mile'}`}></stride-splits-table>
        ${derived.lapSplits.length > 1 || meta.laps.length > 0
          ? html`<stride-splits-table id="lap-splits" .splits=${derived.lapSplits} .unit=${unit} caption="Laps"></stride-splits-table>`
          : html`<p class="hint" id="no-laps">No laps were marked in this session.</p>`}
      </section>
    `;
  }

  #chart(kind: SessionChartKind, heading: string, derived: Derived, zones: RecordedSession['meta']['zones']) {
    // The belt's own speed beside the pod's pace shows at a glance how far off the pod reads.
    const belt = kind === 'pace' && derived.channels.treadmillSpeedMps;
    const planned = kind === 'pace' ? derived.planned : [];
    return html`<section aria-labelledby=${`${kind}-heading`}>
      <h2 id=${`${kind}-heading`}>${heading}</h2>
      ${belt || planned.length
        ? html`<ul class="legend" id="pace-legend" aria-label="Pace lines">
            <li><span class="line pod" aria-hidden="true"></span>Solid: footpod</li>
            ${belt ? html`<li><span class="line belt" aria-hidden="true"></span>Dashed: treadmill belt</li>` : nothing}
            ${planned.length
              ? html`<li id="planned-legend"><span class="line planned" aria-hidden="true"></span>Wide, pale: planned by “${derived.session.meta.workout?.name ?? 'the workout'}”</li>`
              : nothing}
          </ul>`
        : nothing}
      <stride-session-chart id=${`${kind}-chart`} kind=${kind} x=${derived.x} unit=${derived.unit} ?belt=${belt}
        .series=${derived.series} .labels=${[sessionTitle(derived.session.meta)]} .zones=${zones} .markers=${derived.markers}
        .laps=${derived.laps} .planned=${planned}
        syncKey=${this.syncKey}></stride-session-chart>
    </section>`;
  }

  #renderCheckIns(checkIns: readonly CheckInMark[]) {
    if (checkIns.length === 0) return nothing;
    return html`<section aria-labelledby="check-ins-heading">
      <h2 id="check-ins-heading">Technique check-ins (dashed lines on the charts)</h2>
      <ul class="check-ins">
        ${checkIns.map((mark) => html`<li>${formatDuration(mark.t)}: ${promptTitle(mark.promptId)}</li>`)}
      </ul>
    </section>`;
  }

  #renderGaps(gaps: readonly SessionGap[], unit: DistanceUnit) {
    if (gaps.length === 0) return nothing;
    return html`<section aria-labelledby="gaps-heading">
      <h2 id="gaps-heading">Breaks in the recording (no line is drawn across them)</h2>
      <ul class="gaps">
        ${gaps.map(
          (gap) => html`<li>${formatDuration(gap.fromT)} to ${formatDuration(gap.toT)}: ${gapReasons[gap.reason]}
            (${formatDuration(gap.toT - gap.fromT)})${gapTimeCounts(gap) ? coveredNote(gap, unit) : nothing}</li>`,
        )}
      </ul>
    </section>`;
  }

  #renderExport(session: RecordedSession) {
    return html`<section aria-labelledby="export-heading">
      <h2 id="export-heading">Export this session</h2>
      <div class="controls">
        ${exportFormats.map(
          ({ format, label }) => html`<button id=${`export-${format}`} ?disabled=${this.exporting !== null}
            @click=${() => void this.#export(session, format)}>${label}</button>`,
        )}
        <p class="hint">FIT and TCX open in Garmin Connect, Strava and other training apps; CSV opens in a spreadsheet.</p>
      </div>
      ${this.exporting ? html`<p class="hint" role="status">Writing the ${this.exporting.toUpperCase()} file…</p>` : nothing}
      ${this.exportProblem ? html`<p class="problem" role="alert">${this.exportProblem}</p>` : nothing}
    </section>`;
  }

  /** Hands the session to the browser as a file; the writers (and the FIT SDK) load only now. */
  async #export(session: RecordedSession, format: ExportFormat): Promise<void> {
    this.exporting = format;
    this.exportProblem = null;
    try {
      const { exportRunFile } = await import('../services/export-run.js');
      const { blob, fileName } = await exportRunFile(session, format);
      downloadFile(blob, fileName);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.exportProblem = `The ${format.toUpperCase()} file could not be written: ${why}`;
    } finally {
      this.exporting = null;
    }
  }

  /** Chart rows and splits, worked out once per session, axis and unit. */
  #derive(session: RecordedSession, unit: DistanceUnit): Derived {
    const d = this.#derived;
    if (d && d.session === session && d.x === this.x && d.unit === unit) return d;
    const { samples, meta } = session;
    const reuseSplits = d && d.session === session && d.unit === unit;
    const sameSession = d && d.session === session;
    this.#derived = {
      session,
      x: this.x,
      unit,
      series: [chartDataWithGaps(samples, meta.gaps, this.x)],
      markers: (meta.checkIns ?? []).map(({ t }) =>
        this.x === 'time' ? t : samples.distanceM[Math.min(rowAtOrAfter(samples.t, t), samples.t.length - 1)] ?? 0,
      ),
      laps: momentsAt(meta.laps, samples, this.x),
      distanceSplits: reuseSplits ? d.distanceSplits : distanceSplits(samples, unit, meta.gaps),
      lapSplits: reuseSplits ? d.lapSplits : lapSplits(samples, meta.laps, meta.gaps),
      channels: sameSession ? d.channels : sessionChannels(samples),
      heartRate: sameSession ? d.heartRate : heartRateStats(samples, meta.gaps, meta.statedTotals?.stated.avgHeartRate),
      powerW: sameSession ? d.powerW : averagePowerW(samples, meta.gaps, meta.statedTotals?.stated.avgPowerW),
      planned: meta.workout ? plannedPace(meta.workout, samples, this.x, unit) : [],
    };
    return this.#derived;
  }

  /** `refresh`: the same run changed in the store; the page keeps showing it while it is read again. */
  async #open(services: AppServices, id: string, refresh = false): Promise<void> {
    const request = ++this.#request;
    if (!refresh) this.opened = null;
    const opened = id
      ? await services.history.open(id)
      : ({ session: null, problem: 'No session was named in the address.' } as const);
    if (request === this.#request) this.opened = opened;
  }
}
customElements.define('stride-session-page', StrideSessionPage);

declare global {
  interface HTMLElementTagNameMap {
    'stride-session-page': StrideSessionPage;
  }
}
