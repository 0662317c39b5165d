import { LitElement, type PropertyValues, css, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { Router } from '@vaadin/router';
import type { AppServices } from '../services/services.js';
import { EventController } from '../components/event-controller.js';
import { downloadFile } from '../components/download-file.js';
import { enterFullscreen } from '../components/fullscreen.js';
import { formControlStyles } from '../components/form-control-styles.js';
import { itemSentence } from '../components/program-format.js';
import '../components/stride-program-answers.js';
import '../components/stride-program-results.js';
import '../components/stride-program-schedule.js';
import '../components/stride-program-speed.js';
import '../components/stride-program-target.js';
import type { ProgramAnswersDetail } from '../components/stride-program-answers.js';
import type { StartBlockDetail } from '../components/stride-program-target.js';
import type { TestSpeedDetail } from '../components/stride-program-speed.js';
import { runsLookedAt, usualBand } from '../coach/usual-pace.js';
import { dayStart } from '../program/program-schedule.js';
import { needsNewBaseline } from '../program/program-state.js';
import { blockSource, canStartBlock } from '../program/program-state.js';
import { DEFAULT_TARGET_PERCENT, type ProgramState } from '../program/program-types.js';
import { formatDate } from '../session/date-format.js';
import { SPEED_BAND_MPS } from '../session/recorded-session.js';
import { latestUnanswered, newBaselineReason, programNextBlock, programReveal } from './program-sections.js';

/**
 * The cadence retraining program: what it is and Begin; the test speed; after a run, the two taps
 * or the revealed test result; the target after a baseline; today's item in one sentence with
 * Start; the effort rule's suggestion; the next block once a retention test held; the schedule,
 * the results, pause and resume, the calendar file and the way to "Why this works".
 */
export class StrideProgramPage extends LitElement {
  static override properties = {
    services: { attribute: false }, loaded: { state: true }, ending: { state: true }, starting: { state: true }, answered: { state: true },
  };
  declare services: AppServices | null;
  /** The program was read (until then the page says so rather than offer Begin). */
  declare loaded: boolean;
  /** The runner pressed "End the program" and is asked to confirm. */
  declare ending: boolean;
  /** A block is being started: its buttons are off, so a double tap starts one block, not two. */
  declare starting: boolean;
  /** The session whose two taps were just given: the thank-you that takes focus. */
  declare answered: number | null;

  readonly #program = new EventController(this, ['change']);
  readonly #settings = new EventController(this, ['change']);
  readonly #history = new EventController(this, ['change']);

  constructor() {
    super();
    this.services = null;
    this.loaded = false;
    this.ending = false;
    this.starting = false;
    this.answered = null;
  }

  static override styles = [css`
    :host { display: grid; gap: 1.25rem; padding: 1rem; max-width: 56rem; }
    h1 { margin: 0; }
    h2 { font-size: 1.1rem; margin: 0; }
    p { margin: 0; }
    a { color: var(--link); }
    section { display: grid; gap: 0.6rem; min-width: 0; }
    .card { background: var(--surface); border: 1px solid var(--divider); border-radius: 12px; padding: 1rem; }
    .today { border: 2px solid var(--accent); }
    .sentence { font-size: 1.2rem; font-weight: 600; }
    .lead { max-width: 44rem; }
    .why-link { font-weight: 600; display: inline-flex; align-items: center; min-height: 44px; }
    a.button { display: inline-flex; align-items: center; min-height: 44px; }
  `, formControlStyles];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('services')) return;
    this.#program.target = this.services?.program ?? null;
    this.#settings.target = this.services?.settings ?? null;
    this.#history.target = this.services?.history ?? null;
    this.loaded = false;
    const services = this.services;
    if (!services) return;
    void services.history.load();
    void services.program.load().then(() => {
      if (this.services === services) this.loaded = true;
    });
  }

  /** The service's clock: what is due today is the service's today. */
  #now(): number {
    return Date.now();
  }

  /** The middle of the runner's usual speed band, for the test speed; null without runs at a pace. */
  #suggestedSpeed(): number | null {
    const history = this.services?.history;
    if (!history?.loaded) return null;
    const band = usualBand(runsLookedAt(history.sessions, this.#now()).runs);
    return band === null ? null : (band + 0.5) * SPEED_BAND_MPS;
  }

  async #start(): Promise<void> {
    const program = this.services?.program;
    if (!program) return;
    // Fullscreen is granted only inside the tap, before anything is awaited.
    enterFullscreen();
    await program.startNext();
    if (program.active) Router.go('/treadmill');
  }

  async #startBlock(percent: StartBlockDetail): Promise<void> {
    const program = this.services?.program;
    if (!program || this.starting) return;
    this.starting = true;
    try {
      await program.startBlock(percent);
    } finally {
      this.starting = false;
    }
    await this.#focus('#today-heading');
  }

  /**
   * Moves focus to what an action brought up (a heading or a question), so a keyboard or screen
   * reader user is not left on a button that went away.
   */
  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    const target = this.shadowRoot?.querySelector<HTMLElement>(selector);
    if (!target) return;
    if (!target.matches('button, a[href], input')) target.tabIndex = -1;
    target.focus();
  }

  async #setSpeed(speedMps: number): Promise<void> {
    await this.services?.program.setTestSpeed(speedMps);
    await this.#focus('#today-heading');
  }

  async #answer(block: number, index: number, answers: ProgramAnswersDetail): Promise<void> {
    const n = this.services?.program.program?.blocks.find((b) => b.number === block)?.sessions[index]?.n ?? null;
    await this.services?.program.answer(block, index, answers);
    this.answered = n;
    await this.#focus('#answered');
  }

  #downloadCalendar(): void {
    const program = this.services?.program;
    if (!program) return;
    downloadFile(new Blob([program.calendar()], { type: 'text/calendar' }), 'stridewise-cadence-program.ics');
  }

  async #end(): Promise<void> {
    await this.services?.program.reset();
    this.ending = false;
    await this.#focus('#intro-heading');
  }

  #askEnd(ending: boolean): void {
    this.ending = ending;
    void this.#focus(ending ? '#end-confirm' : '#end');
  }

  protected override render() {
    if (!this.services) return nothing;
    const { program } = this.services;
    const header = html`<h1>Cadence program</h1>
      ${program.problem ? html`<p class="problem" role="alert">${program.problem}</p>` : nothing}`;
    if (!this.loaded) return html`${header}<p class="hint" role="status">Loading the program…</p>`;
    const state = program.program;
    if (!state) return html`${header}${this.#intro()}`;
    return html`${header}
      ${this.#justFinished()}
      ${state.testSpeedMps === null ? this.#speed() : this.#plan(state)}
      ${this.#footer(state)}`;
  }

  #intro() {
    return html`<section class="card" aria-labelledby="intro-heading">
      <h2 id="intro-heading">Retrain your cadence, in small steps</h2>
      <p class="lead" id="intro">A cue-free test on the treadmill measures your own cadence at one easy speed; then eight sessions
        over two to four weeks at a target a few percent above it, with the metronome faded out over the last four. The same test
        after the block, a week later and four weeks later shows whether the new rhythm held.</p>
      <div class="actions">
        <button class="primary" id="begin" @click=${() => void this.services?.program.begin()}>Begin</button>
        <a href="/program/why" class="why-link">Why this works</a>
      </div>
    </section>`;
  }

  #speed() {
    return html`<section class="card" aria-labelledby="speed-heading">
      <h2 id="speed-heading">Choose your test speed</h2>
      <stride-program-speed .unit=${this.services!.settings.settings.distanceUnit} .suggestedMps=${this.#suggestedSpeed()}
        @test-speed=${(e: CustomEvent<TestSpeedDetail>) => void this.#setSpeed(e.detail)}></stride-program-speed>
    </section>`;
  }

  /**
   * The two taps for the latest session of the current block still without them (just run, or
   * stopped and reloaded before the taps), and after a test the revealed result.
   */
  #justFinished() {
    const program = this.services!.program;
    const finished = program.justFinished;
    const state = program.program;
    const answered = this.answered;
    const unanswered = state && !state.active ? latestUnanswered(state) : null;
    return html`${unanswered
      ? keyed(`${unanswered.block}-${unanswered.index}`, html`<stride-program-answers id="answers" .session=${unanswered.n}
          @program-answers=${(e: CustomEvent<ProgramAnswersDetail>) => void this.#answer(unanswered.block, unanswered.index, e.detail)}></stride-program-answers>`)
      : answered
        ? html`<p class="card" id="answered" role="status">Session ${answered} rated, thank you.</p>`
        : nothing}
      ${finished?.kind === 'test' ? programReveal(finished, this.services!.settings.settings.distanceUnit) : nothing}`;
  }

  #plan(state: ProgramState) {
    const program = this.services!.program;
    const unit = this.services!.settings.settings.distanceUnit;
    const now = this.#now();
    const paused = state.pauses.at(-1)?.toMs === null ? state.pauses.at(-1)! : null;
    const block = state.blocks.at(-1) ?? null;
    return html`
      ${paused
        ? html`<section class="card" id="paused" aria-labelledby="paused-heading">
            <h2 id="paused-heading">Paused since ${formatDate(paused.fromMs)}</h2>
            <p>Nothing is due while the program is paused. When you resume, the dates start again from that day.</p>
            <div class="actions"><button class="primary" id="resume" @click=${() => void program.resume()}>Resume the program</button></div>
          </section>`
        : nothing}
      ${canStartBlock(state, now) && blockSource(state)?.lastTargetSpm === null
        ? html`<section class="card" id="choose-target" aria-labelledby="target-heading">
            <h2 id="target-heading">Choose your target</h2>
            <stride-program-target .baseline=${blockSource(state)!.from} .unit=${unit} ?busy=${this.starting}
              @start-block=${(e: CustomEvent<StartBlockDetail>) => void this.#startBlock(e.detail)}></stride-program-target>
          </section>`
        : nothing}
      ${programNextBlock(state, canStartBlock(state, now), this.starting, () => void this.#startBlock(block?.targetPercent ?? DEFAULT_TARGET_PERCENT))}
      ${program.suggestion && block?.repeatChosen === null && !paused
        ? html`<section class="card" id="suggestion" aria-labelledby="suggestion-heading">
            <h2 id="suggestion-heading">Repeat a session?</h2>
            <p id="suggestion-why">${program.suggestion.why}</p>
            <div class="actions">
              <button class="primary" id="repeat" @click=${() => void program.chooseRepeat(true)}>Repeat session ${program.suggestion.repeat}</button>
              <button id="move-on" @click=${() => void program.chooseRepeat(false)}>Move on</button>
            </div>
          </section>`
        : nothing}
      ${paused ? nothing : this.#today(state, now)}
      <section aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">Schedule</h2>
        <stride-program-schedule .items=${program.schedule} .next=${program.next} .unit=${unit}></stride-program-schedule>
      </section>
      ${state.blocks.length
        ? html`<section aria-labelledby="results-heading">
            <h2 id="results-heading">Test results</h2>
            <stride-program-results .blocks=${state.blocks} .unit=${unit}></stride-program-results>
          </section>`
        : nothing}`;
  }

  #today(state: ProgramState, now: number) {
    const program = this.services!.program;
    const unit = this.services!.settings.settings.distanceUnit;
    if (state.active) {
      return html`<section class="card today" id="today" aria-labelledby="today-heading">
        <h2 id="today-heading">Running now</h2>
        <p class="sentence" id="today-sentence">${program.next ? itemSentence(program.next, unit) : 'A program run is going.'}</p>
        <div class="actions">
          <a class="button primary" href="/treadmill" id="to-treadmill">Treadmill screen</a>
          <button id="cancel-run" @click=${() => void program.cancelRun()}>Cancel this run</button>
        </div>
      </section>`;
    }
    const next = program.next;
    if (!next) return nothing;
    const due = next.dayMs <= dayStart(now);
    const newBaseline = next.kind === 'test' && next.test === 'baseline' && state.blocks.length > 0 && needsNewBaseline(state, now);
    return html`<section class="card today" id="today" aria-labelledby="today-heading">
      <h2 id="today-heading">${due ? 'Today' : `Next, on ${formatDate(next.dayMs)}`}</h2>
      ${newBaseline ? html`<p id="new-baseline">${newBaselineReason(state)}: a new baseline comes first, so the next target starts from where you are now.</p>` : nothing}
      <p class="sentence" id="today-sentence">${itemSentence(next, unit)}</p>
      ${!due
        ? html`<p class="hint" id="rest">${next.kind === 'session'
            ? 'A rest day between two sessions lets the new rhythm settle.'
            : 'The tests are spaced so they show what stays: come back on that day.'}</p>`
        : program.suggestion && state.blocks.at(-1)?.repeatChosen === null
          ? html`<p class="hint" id="choose-first">Choose above whether to repeat a session or move on, then start.</p>`
          : html`<div class="actions"><button class="primary" id="start" @click=${() => void this.#start()}>Start</button></div>`}
    </section>`;
  }

  #footer(state: ProgramState) {
    const program = this.services!.program;
    const paused = state.pauses.at(-1)?.toMs === null;
    return html`<section aria-labelledby="more-heading">
      <h2 id="more-heading">More</h2>
      <div class="actions">
        ${paused ? nothing : html`<button id="pause" @click=${() => void program.pause()}>Pause the program</button>`}
        ${program.schedule.length ? html`<button id="calendar" @click=${() => this.#downloadCalendar()}>Download calendar (.ics)</button>` : nothing}
        <a href="/program/why" class="why-link" id="why">Why this works</a>
      </div>
      ${this.ending
        ? html`<div class="actions" role="group" aria-labelledby="end-question">
            <p id="end-question">End the program? Its schedule and test results go; your runs stay in History.</p>
            <button id="end-confirm" @click=${() => void this.#end()}>End the program</button>
            <button id="end-keep" @click=${() => this.#askEnd(false)}>Keep it</button>
          </div>`
        : html`<div class="actions"><button id="end" @click=${() => this.#askEnd(true)}>End the program…</button></div>`}
    </section>`;
  }
}
customElements.define('stride-program-page', StrideProgramPage);

declare global {
  interface HTMLElementTagNameMap {
    'stride-program-page': StrideProgramPage;
  }
}
