import { LitElement, type PropertyValues, type TemplateResult, css, html, nothing } from 'lit';
import { touchTargetStyles } from '../components/form-control-styles.js';
import type { AppServices } from '../services/services.js';
import { type CadencePlanOutcome, cadencePlan, isDeclined } from '../coach/cadence-plan.js';
import { EventController } from '../components/event-controller.js';
import '../components/stride-cadence-plan.js';
import '../components/stride-tap-cadence.js';
import '../components/stride-weeks-charts.js';
import type { WeeksPlanProposal } from '../charts/weeks-chart-options.js';
import { type WeekTestMark, weekTestMarks } from '../charts/weeks-chart-tests.js';
import type { TapBaselineDetail } from '../components/stride-tap-cadence.js';
import { acceptedTargets, withAccepted, withDeclined, withTapped } from '../session/plan-settings.js';
import type { SessionSummary } from '../session/recorded-session.js';
import type { AppSettings } from '../session/settings.js';
import { type WeekGroup, type WeekRow, groupEmptyWeeks, matchedBands, weekStart, weeklyTrends, weeksSinceFirstRun } from '../session/weekly-trends.js';
import type { CadenceZones } from '../session/zones.js';
import { TOWARD_TARGET, matchedTable, totalsTable, weeksTableStyles } from './weeks-tables.js';
import { programRunsByWeek } from './weeks-program.js';

export const weekChoices: readonly number[] = [4, 8, 12, 26, 52];
export const DEFAULT_WEEKS = 12;

/**
 * Week by week from the session summaries alone (one index read): totals and averages, and
 * cadence at matched pace, marking the weeks that moved the runner toward the target zone.
 */
export class StrideWeeksPage extends LitElement {
  static override properties = {
    services: { attribute: false },
    weeks: { state: true },
    now: { attribute: false },
  };
  declare services: AppServices | null;
  /** How many weeks back, this week included. */
  declare weeks: number;
  /** The moment "this week" is counted from; null for the clock's now (tests pin it). */
  declare now: number | null;

  readonly #history = new EventController(this, ['change']);
  readonly #settings = new EventController(this, ['change']);
  #trends: { from: readonly SessionSummary[]; weeks: number; week: number; zones: CadenceZones; rows: WeekRow[]; groups: WeekGroup[] } | null = null;
  #proposed: WeeksPlanProposal | null = null;
  #bands: { rows: WeekRow[]; bands: number[] } | null = null;
  #tests: { rows: WeekRow[]; from: readonly SessionSummary[]; marks: WeekTestMark[] } | null = null;
  #plan: { from: readonly SessionSummary[]; settings: Readonly<AppSettings>; now: number | null; outcome: CadencePlanOutcome } | null = null;

  constructor() {
    super();
    this.services = null;
    this.weeks = DEFAULT_WEEKS;
    this.now = null;
  }

  static override styles = [css`
    :host { display: grid; gap: 1rem; padding: 1rem; }
    h1 { margin: 0; }
    h2 { font-size: 1.1rem; margin: 0; }
    a { color: var(--link); }
    .hint { color: var(--muted); margin: 0; max-width: 48rem; }
    .problem { color: var(--warn-text); }
    select, button { font: inherit; padding: 0.3rem 0.5rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; }
    .since { color: var(--muted); }
    section { display: grid; gap: 0.5rem; min-width: 0; }
    #plan { background: var(--surface); border: 1px solid var(--divider); border-radius: 12px; padding: 1rem; max-width: 48rem; }
    details { display: grid; gap: 0.5rem; }
    summary { cursor: pointer; color: var(--link); width: fit-content; }
    summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    details[open] > summary { margin-bottom: 0.5rem; }
  `, weeksTableStyles, touchTargetStyles];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services')) {
      this.#history.target = this.services?.history ?? null;
      this.#settings.target = this.services?.settings ?? null;
      void this.services?.history.load();
    }
  }

  /** The rows shown, oldest week first; worked out again only when their inputs changed. */
  get rows(): WeekRow[] {
    const sessions = this.services?.history.sessions ?? [];
    const zones = this.services?.settings.settings.zones;
    const now = this.now ?? Date.now();
    const t = this.#trends;
    if (!zones) return [];
    // Within one week, "now" moving on changes nothing; only a new week asks for new rows.
    const week = weekStart(now);
    if (t && t.from === sessions && t.weeks === this.weeks && t.zones === zones && t.week === week) return t.rows;
    // A new runner sees the weeks since their first run, not ten empty weeks before it.
    const rows = weeklyTrends(sessions, { weeks: weeksSinceFirstRun(sessions, this.weeks, now), now, zones });
    this.#trends = { from: sessions, weeks: this.weeks, week, zones, rows, groups: groupEmptyWeeks(rows) };
    return rows;
  }

  /** The rows with each stretch of weeks without runs as one. */
  get #groups(): WeekGroup[] {
    const rows = this.rows;
    return this.#trends?.rows === rows ? this.#trends.groups : groupEmptyWeeks(rows);
  }

  /** The same array while the rows are the same: the charts are built again only for new weeks. */
  #matchedBands(rows: WeekRow[]): number[] {
    if (this.#bands?.rows !== rows) this.#bands = { rows, bands: matchedBands(rows) };
    return this.#bands.bands;
  }

  /** Weeks with a program test; the same array while rows and runs are the same, so the charts are not built again. */
  get testWeeks(): WeekTestMark[] {
    const rows = this.rows;
    const sessions = this.services?.history.sessions ?? [];
    if (this.#tests?.rows !== rows || this.#tests.from !== sessions) this.#tests = { rows, from: sessions, marks: weekTestMarks(rows, sessions) };
    return this.#tests.marks;
  }

  /** The cadence plan's answer for today; worked out again only when runs or settings changed. */
  get plan(): CadencePlanOutcome | null {
    if (!this.services?.history.loaded) return null;
    const sessions = this.services.history.sessions;
    const settings = this.services.settings.settings;
    const p = this.#plan;
    if (p && p.from === sessions && p.settings === settings && p.now === this.now) return p.outcome;
    const outcome = cadencePlan(sessions, { zones: settings.zones, plan: settings.plan, unit: settings.distanceUnit, now: this.#now() });
    this.#plan = { from: sessions, settings, now: this.now, outcome };
    return outcome;
  }

  #now(): number {
    return this.now ?? Date.now();
  }

  #accept(): void {
    const outcome = this.plan;
    const settings = this.services?.settings;
    if (outcome?.kind !== 'step' || !settings) return;
    // The zones change everywhere (live page, cues, charts); the plan remembers the step.
    void settings.update({ zones: outcome.to, plan: withAccepted(settings.settings.plan, outcome.to, this.#now()) });
  }

  #decline(): void {
    const outcome = this.plan;
    const settings = this.services?.settings;
    if (outcome?.kind !== 'step' || !settings) return;
    void settings.update({ plan: withDeclined(settings.settings.plan, outcome.to, this.#now()) });
  }

  #useTapped(event: CustomEvent<TapBaselineDetail>): void {
    const settings = this.services?.settings;
    if (!settings) return;
    void settings.update({ plan: withTapped(settings.settings.plan, event.detail.spm, this.#now()) });
  }

  /** The step the plan proposes, to mark on the cadence chart; none once the runner said not now. */
  #proposal(): WeeksPlanProposal | null {
    const outcome = this.plan;
    const plan = this.services?.settings.settings.plan;
    if (outcome?.kind !== 'step' || !plan || isDeclined(outcome, plan)) return null;
    const last = this.#proposed;
    // The same object while the step is the same, so the charts are not built again for nothing.
    if (last && last.targetFrom === outcome.to.targetFrom && last.targetTo === outcome.to.targetTo) return last;
    this.#proposed = { targetFrom: outcome.to.targetFrom, targetTo: outcome.to.targetTo };
    return this.#proposed;
  }

  #renderPlan(noRuns: boolean) {
    const settings = this.services!.settings.settings;
    const outcome = this.plan;
    return html`<section aria-labelledby="plan-heading" id="plan">
      <h2 id="plan-heading">Cadence plan</h2>
      <stride-cadence-plan
        .outcome=${outcome}
        .accepted=${acceptedTargets(settings.plan)}
        ?declined=${outcome !== null && isDeclined(outcome, settings.plan)}
        @plan-accept=${() => this.#accept()}
        @plan-decline=${() => this.#decline()}
      ></stride-cadence-plan>
      <details id="tap-check" ?open=${noRuns}>
        <summary>No footpod? Tap along to check your cadence</summary>
        <stride-tap-cadence .saved=${settings.plan.tapped} @tap-baseline=${(e: CustomEvent<TapBaselineDetail>) => this.#useTapped(e)}></stride-tap-cadence>
      </details>
    </section>`;
  }

  protected override render() {
    if (!this.services) return nothing;
    const { history, settings } = this.services;
    const unit = settings.settings.distanceUnit;
    const { targetFrom, targetTo } = settings.settings.zones;
    const header = html`<h1>Weeks</h1>
      ${history.problem ? html`<p class="problem" role="alert">${history.problem}</p>` : nothing}`;
    if (!history.loaded) return html`${header}<p class="hint" role="status">Loading sessions…</p>`;
    if (history.sessions.length === 0) {
      return html`${header}${this.#renderPlan(true)}<p>No sessions yet. Runs you record on the live page are added up here week by week.</p>
        <p><a href="/">Go to the live page</a></p>`;
    }
    const rows = this.rows;
    const groups = this.#groups;
    const bands = this.#matchedBands(rows);
    const since = rows.length < this.weeks ? html` <span class="since" id="since-first">(${rows.length} since your first run)</span>` : nothing;
    return html`
      ${header}
      ${this.#renderPlan(false)}
      <section aria-labelledby="charts-heading" id="charts">
        <h2 id="charts-heading">Weeks at a glance</h2>
        <label>Show the last
          <select id="weeks" @change=${(e: Event) => (this.weeks = Number((e.target as HTMLSelectElement).value))}>
            ${weekChoices.map((n) => html`<option value=${n} ?selected=${n === this.weeks}>${n}</option>`)}
          </select>
          weeks</label>${since}
        <stride-weeks-charts .rows=${rows} .bands=${bands} .unit=${unit} .zones=${settings.settings.zones}
          .plan=${settings.settings.plan} .proposal=${this.#proposal()} .tests=${this.testWeeks}></stride-weeks-charts>
        <p class="hint">Point at a week for its numbers; the tables below hold every number.</p>
      </section>
      <section aria-labelledby="totals-heading" class="table">
        <h2 id="totals-heading">Week by week</h2>
        <p class="hint" id="totals-hint">Target zone: ${targetFrom}–${targetTo} steps/min. Time in target and share in target count running only (walks and pauses left out),
          against this target whatever zones a run was recorded with. “${TOWARD_TARGET}” compares cadence at matched pace with the nearest earlier week that shares a pace band, shown here or not.</p>
        ${estimatedNote(rows)}
        ${totalsTable(groups, unit, programRunsByWeek(rows, history.sessions))}
      </section>
      <section aria-labelledby="matched-heading" class="table">
        <h2 id="matched-heading">Cadence at matched pace (steps/min)</h2>
        <p class="hint" id="why-matched">Cadence rises with speed, so a faster week can look like better technique when it is not.
          Comparing cadence within the same pace band, week by week, shows a real change.</p>
        ${bands.length === 0
          ? html`<p class="hint" id="no-bands">Not enough yet: a pace band needs at least a minute of running in two of these weeks to be compared.</p>`
          : matchedTable(groups, bands, unit)}
      </section>
    `;
  }
}

/** Which weeks' time in target rests on estimates, in words: never a coarse number passed off as exact. */
function estimatedNote(rows: readonly WeekRow[]): TemplateResult | typeof nothing {
  const runs = rows.reduce((sum, row) => sum + row.estimatedRuns, 0);
  if (runs === 0) return nothing;
  const which = runs === 1 ? '1 run was' : `${runs} runs were`;
  return html`<p class="hint" id="estimated">${which} recorded before the app kept cadence second by second: time in target for
    ${runs === 1 ? 'it' : 'them'} is estimated from the average cadence at each pace.</p>`;
}

customElements.define('stride-weeks-page', StrideWeeksPage);

declare global {
  interface HTMLElementTagNameMap {
    'stride-weeks-page': StrideWeeksPage;
  }
}
