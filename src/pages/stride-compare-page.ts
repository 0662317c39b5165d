import { LitElement, type PropertyValues, css, html, nothing } from 'lit';
import { touchTargetStyles } from '../components/form-control-styles.js';
import type { RouterLocation } from '@vaadin/router';
import type { OpenedSession } from '../services/history-service.js';
import type { AppServices } from '../services/services.js';
import { type ChartX, type SessionChartData, type SessionChartKind, chartDataWithGaps } from '../charts/chart-data.js';
import { type HeartRateStats, averagePowerW, heartRateStats } from '../charts/session-channels.js';
import { EventController } from '../components/event-controller.js';
import { formatSessionDate, sessionTitle } from '../components/session-format.js';
import type { StrideSessionChart } from '../components/stride-session-chart.js';
import '../components/stride-session-chart.js';
import '../components/stride-session-summary.js';
import type { RecordedSession } from '../session/recorded-session.js';
import type { DistanceUnit } from '../session/units.js';

let pageCount = 0;

type Side = 'a' | 'b';

/**
 * Two sessions overlaid: cadence, stride and pace of both on the same charts, and heart rate
 * when either had a strap, lined up by elapsed time or by distance. Either session can be
 * swapped for another from the history.
 */
export class StrideComparePage extends LitElement {
  static override properties = {
    services: { attribute: false },
    sessionA: {},
    sessionB: {},
    x: { state: true },
    openedA: { state: true },
    openedB: { state: true },
  };
  declare services: AppServices | null;
  declare sessionA: string;
  declare sessionB: string;
  /** How the two are lined up: same elapsed second, or same metre. */
  declare x: ChartX;
  declare openedA: OpenedSession | null;
  declare openedB: OpenedSession | null;
  /** Set by the router when the page was reached through a route. */
  declare location: RouterLocation | undefined;

  readonly #history = new EventController(this, ['change']);
  readonly #settings = new EventController(this, ['change']);
  readonly syncKey = `stride-compare-page-${++pageCount}`;
  readonly #requests = { a: 0, b: 0 };
  #series: { a: RecordedSession; b: RecordedSession; x: ChartX; data: SessionChartData[] } | null = null;
  /** Heart rate of each session opened, worked out once: it reads every sample. */
  readonly #heartRates = new WeakMap<RecordedSession, HeartRateStats | null>();
  /** Average power of each, the same way: the session page's tile beside its heart rate. */
  readonly #powers = new WeakMap<RecordedSession, number | null>();

  constructor() {
    super();
    this.services = null;
    this.sessionA = '';
    this.sessionB = '';
    this.x = 'time';
    this.openedA = null;
    this.openedB = null;
  }

  static override styles = [css`
    :host { display: grid; gap: 1rem; padding: 1rem; }
    h1 { margin: 0; }
    h2 { font-size: 1rem; margin: 0 0 0.35rem; color: var(--muted); font-weight: 600; }
    section { min-width: 0; }
    a { color: var(--link); }
    a[href='/history'] { display: inline-flex; align-items: center; min-height: 44px; }
    .hint { color: var(--muted); margin: 0; }
    .problem { color: var(--warn-text); margin: 0; }
    .pickers { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr)); }
    /* A session name runs to 200 characters: the pickers shrink to the page (a select is as wide
       as its longest option otherwise) and show the start of it; the legend shows it whole. */
    .picker, label { min-width: 0; }
    .picker { display: grid; gap: 0.5rem; align-content: start; }
    label { display: grid; gap: 0.25rem; font-weight: 600; }
    select { min-width: 0; width: 100%; text-overflow: ellipsis; }
    .legend li, .hint, .problem { overflow-wrap: anywhere; }
    select, button { font: inherit; padding: 0.35rem 0.6rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; }
    button { cursor: pointer; }
    button[aria-pressed='true'] { background: var(--border); border-color: var(--border-strong); }
    button:focus-visible, select:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; list-style: none; margin: 0; padding: 0; }
    .line { display: inline-block; width: 2rem; height: 0; vertical-align: middle; margin-right: 0.4rem; border-top: 3px solid var(--series-cadence); }
    .line.b { border-top: 3px dashed var(--series-second); }
  `, touchTargetStyles];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services')) {
      this.#history.target = this.services?.history ?? null;
      this.#settings.target = this.services?.settings ?? null;
      // The pickers list every session: one index read.
      void this.services?.history.load();
    }
    if (!this.services) return;
    if (changed.has('services') || changed.has('sessionA')) void this.#open('a', this.services, this.sessionA);
    if (changed.has('services') || changed.has('sessionB')) void this.#open('b', this.services, this.sessionB);
  }

  get charts(): StrideSessionChart[] {
    return [...this.renderRoot.querySelectorAll('stride-session-chart')];
  }

  resetZoom(): void {
    for (const chart of this.charts) chart.resetZoom();
  }

  protected override render() {
    if (!this.services) return nothing;
    const unit = this.services.settings.settings.distanceUnit;
    const a = this.openedA?.session ?? null;
    const b = this.openedB?.session ?? null;
    const labels = a && b ? this.#labels(a, b) : ['', ''];
    return html`
      <p><a href="/history">← All sessions</a></p>
      <h1>Compare two sessions</h1>
      <div class="pickers">
        ${this.#picker('a', 'First session (solid line)', this.sessionA, this.openedA, unit)}
        ${this.#picker('b', 'Second session (dashed line)', this.sessionB, this.openedB, unit)}
      </div>
      ${a && b
        ? html`
            <ul class="legend" aria-label="Legend">
              <li><span class="line a" aria-hidden="true"></span>Solid: <span class="name-a">${labels[0]}</span></li>
              <li><span class="line b" aria-hidden="true"></span>Dashed: <span class="name-b">${labels[1]}</span></li>
            </ul>
            <div class="controls">
              <div role="group" aria-label="Line the sessions up by">
                <button id="align-time" aria-pressed=${String(this.x === 'time')} @click=${() => (this.x = 'time')}>Elapsed time</button>
                <button id="align-distance" aria-pressed=${String(this.x === 'distance')} @click=${() => (this.x = 'distance')}>Distance</button>
              </div>
              <button id="reset-zoom" @click=${() => this.resetZoom()}>Reset zoom</button>
              <p class="hint">Drag across a chart to zoom in; the others follow.</p>
            </div>
            ${this.#chart('cadence', 'Cadence (steps/min)', a, b, labels, unit)}
            ${this.#chart('stride', 'Stride length (m)', a, b, labels, unit)}
            ${this.#chart('pace', `Pace (min/${unit})`, a, b, labels, unit)}
            ${this.#renderHeartRate(a, b, labels, unit)}
          `
        : this.openedA === null || this.openedB === null
          ? html`<p class="hint" role="status">Opening the sessions…</p>`
          : html`<p class="hint">Pick two sessions that can be opened to see them together.</p>`}
    `;
  }

  #picker(side: Side, label: string, id: string, opened: OpenedSession | null, unit: DistanceUnit) {
    const sessions = this.services!.history.sessions;
    const listed = sessions.some((s) => s.id === id);
    return html`<div class="picker">
      <label>${label}
        <select id=${`pick-${side}`} @change=${(e: Event) => this.#pick(side, (e.target as HTMLSelectElement).value)}>
          ${listed ? nothing : html`<option value=${id} selected>${opened?.session ? sessionTitle(opened.session.meta) : 'Choose a session'}</option>`}
          ${sessions.map(
            (s) => html`<option value=${s.id} ?selected=${s.id === id}>${sessionTitle(s)} · ${formatSessionDate(s.startedAt)}</option>`,
          )}
        </select>
      </label>
      ${opened?.problem ? html`<p class="problem" role="alert">${opened.problem}</p>` : nothing}
      ${opened?.session
        ? html`<stride-session-summary id=${`summary-${side}`} .summary=${opened.session.meta} .unit=${unit}
            .heartRate=${this.#heartRate(opened.session)} .powerW=${this.#powerW(opened.session)}></stride-session-summary>`
        : nothing}
    </div>`;
  }

  /** Heart rate of both, when at least one wore a strap; a run without one draws no line. */
  #renderHeartRate(a: RecordedSession, b: RecordedSession, labels: string[], unit: DistanceUnit) {
    const [hasA, hasB] = [this.#heartRate(a) !== null, this.#heartRate(b) !== null];
    if (!hasA && !hasB) return nothing;
    const only = hasA && hasB ? null : hasA ? labels[0] : labels[1];
    const note = only === null ? nothing : html`<p class="hint" id="heart-rate-note">Only ${only} has a heart rate: the other was run without a strap.</p>`;
    return this.#chart('heart-rate', 'Heart rate (bpm)', a, b, labels, unit, note);
  }

  #heartRate(session: RecordedSession): HeartRateStats | null {
    if (!this.#heartRates.has(session)) this.#heartRates.set(session, heartRateStats(session.samples, session.meta.gaps, session.meta.statedTotals?.stated.avgHeartRate));
    return this.#heartRates.get(session)!;
  }

  #powerW(session: RecordedSession): number | null {
    if (!this.#powers.has(session)) this.#powers.set(session, averagePowerW(session.samples, session.meta.gaps, session.meta.statedTotals?.stated.avgPowerW));
    return this.#powers.get(session)!;
  }

  #chart(kind: SessionChartKind, heading: string, a: RecordedSession, b: RecordedSession, labels: string[], unit: DistanceUnit, note: unknown = nothing) {
    return html`<section aria-labelledby=${`${kind}-heading`}>
      <h2 id=${`${kind}-heading`}>${heading}</h2>
      ${note}
      <stride-session-chart id=${`${kind}-chart`} kind=${kind} x=${this.x} unit=${unit}
        .series=${this.#data(a, b)} .labels=${labels} .zones=${this.services!.settings.settings.zones}
        syncKey=${this.syncKey}></stride-session-chart>
    </section>`;
  }

  /** Names for the legend; the date tells apart two sessions of the same name. */
  #labels(a: RecordedSession, b: RecordedSession): string[] {
    const [ta, tb] = [sessionTitle(a.meta), sessionTitle(b.meta)];
    return ta === tb ? [`${ta}, ${formatSessionDate(a.meta.startedAt)}`, `${tb}, ${formatSessionDate(b.meta.startedAt)}`] : [ta, tb];
  }

  /** Rows of both sessions, worked out once per pair and alignment. */
  #data(a: RecordedSession, b: RecordedSession): SessionChartData[] {
    const cached = this.#series;
    if (cached && cached.a === a && cached.b === b && cached.x === this.x) return cached.data;
    const data = [chartDataWithGaps(a.samples, a.meta.gaps, this.x), chartDataWithGaps(b.samples, b.meta.gaps, this.x)];
    this.#series = { a, b, x: this.x, data };
    return data;
  }

  #pick(side: Side, id: string): void {
    if (side === 'a') this.sessionA = id;
    else this.sessionB = id;
    // Keep the address deep-linkable. Replacing the entry (rather than navigating) keeps this
    // page and the session already open on the other side.
    if (this.location) {
      const path = `/compare/${encodeURIComponent(this.sessionA)}/${encodeURIComponent(this.sessionB)}`;
      window.history.replaceState(window.history.state, '', path);
    }
  }

  async #open(side: Side, services: AppServices, id: string): Promise<void> {
    const request = ++this.#requests[side];
    if (side === 'a') this.openedA = null;
    else this.openedB = null;
    const opened = id
      ? await services.history.open(id)
      : ({ session: null, problem: 'Choose a session.' } as const);
    if (request !== this.#requests[side]) return;
    if (side === 'a') this.openedA = opened;
    else this.openedB = opened;
  }
}
customElements.define('stride-compare-page', StrideComparePage);

declare global {
  interface HTMLElementTagNameMap {
    'stride-compare-page': StrideComparePage;
  }
}
