import { LitElement, html, nothing } from 'lit';
import { Router } from '@vaadin/router';
import type { AppServices } from '../services/services.js';
import { EventController } from '../components/event-controller.js';
import { leaveFullscreen } from '../components/fullscreen.js';
import { KeyboardShortcuts } from '../components/keyboard-shortcuts.js';
import '../components/stride-check-in.js';
import '../components/stride-metronome-button.js';
import '../components/stride-mute-button.js';
import '../components/stride-recording-controls.js';
import '../components/stride-program-strip.js';
import { sessionOf } from '../components/stride-program-strip.js';
import { formatBeltSpeed, testName } from '../components/program-format.js';
import { type DistanceUnit, formatDistanceIn, formatDuration, formatPace, paceSeconds, paceUnitLabel, speedPerHour, speedUnitLabel } from '../session/units.js';
import { shownZone, wholeSteps } from '../session/shown-cadence.js';
import { type ZoneId, zoneLabels } from '../session/zones.js';
import { liveFigures } from '../session/live-figures.js';
import { shownHeartRate } from '../session/shown-heart-rate.js';
import { timeName } from './live-figures-words.js';
import { treadmillStyles } from './treadmill-styles.js';

/** A shape for each zone, so the zone reads without its colour (the word carries the meaning). */
const zoneShapes: Readonly<Record<ZoneId, string>> = { low: '▼', building: '◆', target: '●', high: '▲' };

/** What the numbers count when they are not the run being recorded. */
const figuresOfWords = { connection: 'Not recording: times since the footpod connected.', 'saved-run': 'The run just saved.' } as const;

const duration = (id: string, seconds: number) => {
  const text = formatDuration(seconds);
  return html`<dd id=${id} class=${text.length > 5 ? 'long' : ''}>${text}</dd>`;
};

/**
 * The treadmill screen: the cadence as large as the screen allows, on its zone's colour with the
 * zone's word and shape, then pace, the run's moving time and distance, the lap's time, time in
 * the target zone and, with a strap, heart rate (before Start, the figures since the pod
 * connected, named so); the recording and coach controls. A check-in shows as a strip under the
 * cadence, which shrinks to make room rather than be covered, and goes by itself. Space, L, M, C
 * and Esc work here. During a treadmill workout its strip (loaded then) leads the side part, with
 * Stop always in view, and space pauses (while it starts, too) or resumes the workout instead of
 * the recording; Esc does not leave while the strip shows, and Leave goes to the Workouts page
 * (its "Running now" has Stop).
 *
 * The lap's number is shown and read out once, by the Lap figure: the recording controls are not
 * given the lap count here, so their status line does not repeat it.
 */
export class StrideTreadmillPage extends LitElement {
  static override properties = { services: { attribute: false } };
  declare services: AppServices | null;

  readonly #footpod = new EventController(this, ['change', 'sample', 'channels']);
  readonly #settings = new EventController(this, ['change']);
  readonly #recording = new EventController(this, ['change']);
  readonly #coach = new EventController(this, ['change']);
  readonly #sensors = new EventController(this, ['change']);
  readonly #program = new EventController(this, ['change']);
  readonly #workouts = new EventController(this, ['change']);
  /** The workout strip's module has loaded (it loads when a workout is first under way). */
  #stripLoaded = false;
  /** The finished workout's strip was put away (Close); the next workout under way brings it back. */
  #closed = false;

  constructor() {
    super();
    this.services = null;
    // While the first-time question is open, every key is the dialog's (Esc cancels; space and
    // Enter press only a button the runner moved to, never one the question opened on).
    const unlessAsking = (action: () => boolean | void) => () => (this.services?.workouts.view.phase === 'confirm' ? false : action());
    new KeyboardShortcuts(this, {
      // During a workout space pauses or resumes it (and the belt); otherwise the recording.
      ' ': unlessAsking(() => {
        if (!this.#toggleWorkout()) this.services?.recording.toggle();
      }),
      l: unlessAsking(() => this.services?.recording.lap()),
      m: unlessAsking(() => {
        // A program run armed or going on has the metronome: none in a test, the program's in a session.
        if (!this.services?.program.active) void this.services?.coach.toggleMetronome();
      }),
      c: unlessAsking(() => this.#dismissCheckIn()),
      Enter: unlessAsking(() => this.#dismissCheckIn()),
      // The first Esc clears a check-in; with none showing, Esc leaves, but never while the
      // workout's strip (and its Stop) is on screen: a stray Esc must not take Stop away.
      Escape: unlessAsking(() => {
        if (this.#dismissCheckIn() === false && !this.#stripShown()) this.#leave();
      }),
    });
  }

  static override styles = treadmillStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    this.services?.coach.setTreadmillScreen(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services?.coach.setTreadmillScreen(false);
    leaveFullscreen();
  }

  #followServices(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('services')) return;
    const previous = changed.get('services') as AppServices | null | undefined;
    if (this.isConnected && previous !== this.services) {
      previous?.coach.setTreadmillScreen(false);
      this.services?.coach.setTreadmillScreen(true);
    }
    this.#footpod.target = this.services?.footpod ?? null;
    this.#settings.target = this.services?.settings ?? null;
    this.#recording.target = this.services?.recording ?? null;
    this.#coach.target = this.services?.coach ?? null;
    this.#sensors.target = this.services?.sensors ?? null;
    this.#program.target = this.services?.program ?? null;
    this.#workouts.target = this.services?.workouts ?? null;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    this.#followServices(changed);
    // Every change of the workout re-renders this page, so a new workout (the same one again,
    // too) is seen here under way before it can finish.
    if (this.services?.workouts.view.phase !== 'finished') this.#closed = false;
  }

  protected override updated(): void {
    if (this.#stripLoaded || (this.services?.workouts.view.phase ?? 'idle') === 'idle') return;
    void import('../components/stride-workout-strip.js').then(() => {
      this.#stripLoaded = true;
      this.requestUpdate();
    });
  }

  /** Pauses (while starting, too) or resumes a workout going on; false when there is none, so space keeps its usual meaning. */
  #toggleWorkout(): boolean {
    const workouts = this.services?.workouts;
    const phase = workouts?.view.phase;
    if (phase === 'running' || phase === 'starting') void workouts!.pause();
    else if (phase === 'paused') void workouts!.resume();
    else return false;
    return true;
  }

  /** A workout from the first press of Start to Close: its strip is (or is about to be) on screen. */
  #stripShown(): boolean {
    const phase = this.services?.workouts.view.phase ?? 'idle';
    return phase !== 'idle' && !(phase === 'finished' && this.#closed);
  }

  /** The workout's strip, once its module is in. */
  #workoutStrip(unit: DistanceUnit) {
    const workouts = this.services?.workouts;
    if (!workouts || !this.#stripShown() || !this.#stripLoaded) return nothing;
    return html`<stride-workout-strip .view=${workouts.view} unit=${unit}
      @stop=${() => void workouts.stop()} @pause=${() => void workouts.pause()} @resume=${() => void workouts.resume()}
      @skip=${() => void workouts.skip()} @confirm=${() => void workouts.confirm()} @cancel=${() => workouts.cancel()}
      @close=${() => { this.#closed = true; this.requestUpdate(); }}></stride-workout-strip>`;
  }

  /** A program test is armed or running: no metronome, and no rate that follows the hidden cadence. */
  #metronomeFree(): boolean {
    return this.services?.program.active?.kind === 'test';
  }

  /** A program session is armed or running: the program drives the metronome, at the block's target. */
  #programMetronome(): number | null {
    const program = this.services?.program;
    const active = program?.active;
    if (active?.kind !== 'session') return null;
    return program!.program?.blocks.find((b) => b.number === active.block)?.targetSpm ?? null;
  }

  /** The program run on now: its name, its target (a session's) and whether it is a cue-free test. */
  #programRun(): { name: string; targetSpm: number | null; test: boolean } | null {
    const program = this.services?.program;
    const active = program?.active;
    if (!program || !active) return null;
    if (active.kind === 'test') return { name: active.test ? testName(active.test) : 'Test', targetSpm: null, test: true };
    const block = program.program?.blocks.find((b) => b.number === active.block);
    return { name: sessionOf(active.n ?? 0), targetSpm: block?.targetSpm ?? null, test: program.moment?.cueFree ?? false };
  }

  /** During a test the cadence, its zone and target give way to the speed: the test measures the runner's own rhythm. */
  #testSpeed(speedMps: number | null, unit: DistanceUnit) {
    const testSpeed = this.services?.program.program?.testSpeedMps ?? null;
    return html`<p class="caption" id="speed-label">Speed <span class="unit">${speedUnitLabel[unit]}</span></p>
      <p class="number" id="speed">${speedMps === null ? '–' : speedPerHour(speedMps, unit).toFixed(1)}</p>
      <p class="zone" id="cadence-hidden">Cadence hidden during the test</p>
      ${testSpeed === null ? nothing : html`<p class="target">test speed ${formatBeltSpeed(testSpeed, unit)}</p>`}`;
  }

  protected override render() {
    if (!this.services) return nothing;
    const { footpod, settings, recording, coach, sensors } = this.services;
    const connected = footpod.source?.state === 'connected';
    const { distanceUnit: unit, smoothingS, zones } = settings.settings;
    const session = footpod.session;
    const shown = session?.latest ? session.displayed(smoothingS) : null;
    const zone = shown ? shownZone(shown.cadence, zones) : null;
    const cadence = zone === null ? null : wholeSteps(shown!.cadence);
    const figures = liveFigures(session, recording.recorder);
    const lap = figures.lap;
    const heartRate = shownHeartRate(session);
    const strap = heartRate !== null || sensors.source('heart-rate')?.state === 'connected';
    const programRun = this.#programRun();
    const hidden = programRun?.test === true;
    const shownZoneClass = hidden ? 'no-zone' : zone ? `zone-${zone}` : 'no-zone';

    return html`
      <div class="screen">
        <div class="main ${shownZoneClass}">
          <section class="cadence" aria-labelledby=${hidden ? 'speed-label' : 'cadence-label'}>
            ${hidden ? this.#testSpeed(shown?.speedMps ?? null, unit) : nothing}
            ${hidden ? nothing : html`<p class="caption" id="cadence-label">Cadence <span class="unit">steps/min</span></p>`}
            ${hidden ? nothing : connected || shown
              ? html`
                  <p class="number" id="cadence">${cadence === null ? '–' : cadence}</p>
                  <p class="zone" id="zone">
                    ${zone
                      ? html`<span class="shape" aria-hidden="true">${zoneShapes[zone]}</span>
                          <span class="word">${zoneLabels[zone]}</span>`
                      : html`<span class="word">Waiting for steps</span>`}
                  </p>
                  <p class="target">target ${zones.targetFrom}–${zones.targetTo}</p>`
              : html`<p class="no-pod" id="no-pod" role="status">No footpod connected.
                  <a href="/">Back to the live page</a> to pair one or try the simulated footpod.</p>`}
          </section>
          <stride-check-in strip .prompt=${coach.checkIn} .fadeAfterS=${settings.settings.coach.checkIns.fadeAfterS}
            @dismiss=${() => coach.dismissCheckIn()}></stride-check-in>
        </div>
        <div class="side">
          ${this.#workoutStrip(unit)}
          ${programRun
            ? html`<stride-program-strip .moment=${this.services.program.moment} name=${programRun.name} .targetSpm=${programRun.targetSpm}
                ?muted=${coach.muted} ?paused=${recording.state === 'paused'}></stride-program-strip>`
            : this.services.program.justFinished?.kind === 'test'
              ? html`<p class="note" id="program-after" role="status"><a href="/program">Test done: see your result</a></p>`
              : nothing}
          <dl class="stats">
            <div class="stat"><dt>Pace <span class="unit">${paceUnitLabel[unit]}</span></dt>
              <dd id="pace">${shown ? formatPace(paceSeconds(shown.speedMps, unit)) : '–:––'}</dd></div>
            <div class="stat"><dt id="elapsed-label">${timeName(figures)}</dt>${duration('elapsed', figures.timeS)}</div>
            <div class="stat"><dt>Distance <span class="unit">${unit}</span></dt>
              <dd id="distance">${figures.distanceM === null ? '–' : formatDistanceIn(figures.distanceM, unit)}</dd></div>
            <div class="stat"><dt id="lap-label" aria-live="polite">${lap ? `Lap ${lap.number}` : 'Lap'}</dt>
              ${lap ? duration('lap', lap.movingS) : html`<dd id="lap">–</dd>`}</div>
            ${hidden ? nothing : html`<div class="stat"><dt>In target</dt>${duration('in-target', figures.zoneTimes.target)}</div>`}
            ${strap
              ? html`<div class="stat"><dt>Heart rate <span class="unit">bpm</span></dt>
                  <dd id="heart-rate">${heartRate === null ? '–' : heartRate}</dd></div>`
              : nothing}
          </dl>
          ${figures.of === 'run' ? nothing : html`<p class="figures-of" id="figures-of">${figuresOfWords[figures.of]}</p>`}
          ${connected || !session?.latest ? nothing : html`<p class="note" role="status">Footpod link lost: reconnecting…</p>`}
          <stride-recording-controls .state=${recording.state} .canRecord=${recording.canRecord}
            .autoPaused=${recording.autoPaused}
            @start=${() => void recording.start()} @pause=${() => recording.pause()} @resume=${() => recording.resume()}
            @lap=${() => recording.lap()} @stop=${() => recording.stop()}></stride-recording-controls>
          <div class="coach">
            <stride-mute-button .muted=${coach.muted} @toggle-mute=${() => void coach.setMuted(!coach.muted)}></stride-mute-button>
            <stride-metronome-button .on=${coach.metronomeOn} .rateSpm=${this.#programMetronome() ?? coach.metronomeRateSpm} .beat=${coach.metronomeBeat}
              ?disabled=${this.#metronomeFree()} ?program=${this.services.program.active?.kind === 'session'}
              @nudge-metronome=${(e: CustomEvent<1 | -1>) => coach.nudgeMetronome(e.detail)}
              @toggle-metronome=${() => void coach.toggleMetronome()}></stride-metronome-button>
            <button id="leave" @click=${() => this.#leave()}>Leave${this.#stripShown() ? nothing : html` <kbd>Esc</kbd>`}</button>
          </div>
          ${coach.wakeLockMessage ? html`<p class="note" id="wake-lock">${coach.wakeLockMessage}</p>` : nothing}
        </div>
      </div>
    `;
  }

  /** False when there was no check-in to dismiss, so the key keeps its usual meaning. */
  #dismissCheckIn(): boolean {
    const coach = this.services?.coach;
    if (!coach?.checkIn) return false;
    coach.dismissCheckIn();
    return true;
  }

  /** To the live page; during a workout to the Workouts page, whose "Running now" has Stop. */
  #leave(): void {
    leaveFullscreen();
    const phase = this.services?.workouts.view.phase;
    Router.go(phase === 'starting' || phase === 'running' || phase === 'paused' ? '/workouts' : '/');
  }
}
customElements.define('stride-treadmill-page', StrideTreadmillPage);

declare global {
  interface HTMLElementTagNameMap {
    'stride-treadmill-page': StrideTreadmillPage;
  }
}
