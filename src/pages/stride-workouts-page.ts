import { LitElement, type PropertyValues, css, html, nothing } from 'lit';
import { Router } from '@vaadin/router';
import type { AppServices } from '../services/services.js';
import { EventController } from '../components/event-controller.js';
import { downloadFile } from '../components/download-file.js';
import { enterFullscreen, leaveFullscreen } from '../components/fullscreen.js';
import { filePickerStyles, formControlStyles } from '../components/form-control-styles.js';
import { beltSpeedText, paceText } from '../components/workout-format.js';
import { parseSpeed, speedBox } from '../components/workout-fields.js';
import '../components/stride-workout-editor.js';
import '../components/stride-workout-list.js';
import type { WorkoutActionDetail } from '../components/stride-workout-list.js';
import { MyWorkouts } from '../services/my-workouts.js';
import { type DistanceUnit, paceUnitLabel, speedUnitLabel } from '../session/units.js';
import { EASY_KMH, easyPaceFromHistory, libraryEasyKmh, libraryWorkouts } from '../workout/workout-library.js';
import { workoutProblems } from '../workout/workout-plan.js';
import type { Workout } from '../workout/workout-types.js';

/** What became of an action or a file, in words. */
interface Outcome {
  ok: boolean;
  message: string;
}

/** The workout just made or changed first. */
const newestFirst = (workouts: readonly Workout[]): Workout[] => [...workouts].sort((a, b) => b.updatedAt - a.updatedAt);

const blankWorkout = (): Workout => ({ id: crypto.randomUUID(), name: 'My workout', items: [], origin: 'mine', updatedAt: Date.now() });

/** The phases of a workout begun and not yet over: the treadmill screen has it. */
const begun = new Set(['confirm', 'starting', 'running', 'paused']);

/**
 * Treadmill workouts: the library (its speeds from the runner's easy pace, from their runs or
 * typed as a speed or a pace, kept in the workout settings), the runner's own and imported
 * workouts, the editor, FIT files in and out, and Start, which hands the workout to the workout
 * runner and opens the treadmill screen; a workout that cannot run stays here and says why. While
 * one runs, its card leads back to the treadmill screen and has Stop.
 */
export class StrideWorkoutsPage extends LitElement {
  static override properties = {
    services: { attribute: false }, loaded: { state: true }, editing: { state: true },
    typedEasyKmh: { state: true }, easyText: { state: true }, easyProblem: { state: true }, outcomes: { state: true }, problem: { state: true }, starting: { state: true },
  };
  declare services: AppServices | null;
  declare loaded: boolean;
  /** The workout in the editor (a new one, or a copy being changed). */
  declare editing: Workout | null;
  /** Easy pace typed by the runner just now (km/h), before the store has it back; undefined: the stored one. */
  declare typedEasyKmh: number | null | undefined;
  /** The words the easy pace was last typed as ("6:30"), kept in its box while they still say it. */
  declare easyText: string | null;
  declare easyProblem: string | null;
  /** What became of the last import or export, file by file. */
  declare outcomes: readonly Outcome[];
  declare problem: string | null;
  declare starting: boolean;

  readonly #history = new EventController(this, ['change']);
  readonly #settings = new EventController(this, ['change']);
  readonly #workouts = new EventController(this, ['change']);
  /** The runner's own workouts, read from the store when the page opens. */
  readonly #mine = new MyWorkouts();

  constructor() {
    super();
    this.services = null;
    this.loaded = false;
    this.editing = null;
    this.typedEasyKmh = undefined;
    this.easyText = null;
    this.easyProblem = null;
    this.outcomes = [];
    this.problem = null;
    this.starting = false;
    new EventController(this, ['change'], this.#mine);
  }

  static override styles = [css`
    :host { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.25rem; padding: 1rem; max-width: 56rem; }
    h1 { margin: 0; }
    h2 { font-size: 1.1rem; margin: 0; }
    p { margin: 0; }
    a { color: var(--link); }
    section { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.6rem; min-width: 0; }
    .card { background: var(--surface); border: 1px solid var(--divider); border-radius: 12px; padding: 1rem; }
    .running { border: 2px solid var(--accent); }
    label.typed-pace { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
    button.stop { background: var(--alert-bg); color: var(--alert-text); border-color: var(--alert-text); font-weight: 700; }
    #easy-speed { width: 6rem; }
    ul.outcomes { margin: 0; padding-left: 1.2rem; }
    /* The picker under its words, so "No file chosen" never pushes past a phone's edge. */
    label.file { display: inline-flex; flex-direction: column; gap: 0.25rem; max-width: 100%; min-width: 0; }
  `, formControlStyles, filePickerStyles];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('services')) return;
    this.#history.target = this.services?.history ?? null;
    this.#settings.target = this.services?.settings ?? null;
    this.#workouts.target = this.services?.workouts ?? null;
    const services = this.services;
    if (!services) return;
    void services.history.load();
    void this.#mine.load().then(() => {
      this.loaded = true;
    });
  }

  /**
   * The easy pace the library's speeds come from: typed (now or before), else from the runner's
   * runs; null: ask. `kmh` is the one the library uses (held to EASY_KMH), `givenKmh` the runner's.
   */
  #easyKmh(): { kmh: number; givenKmh: number; typed: boolean } | null {
    const typed = this.typedEasyKmh === undefined ? (this.#mine.settings?.easyKmh ?? null) : this.typedEasyKmh;
    const history = this.services?.history;
    const given = typed ?? (history?.loaded ? easyPaceFromHistory([...history.sessions]) : null);
    return given === null ? null : { kmh: libraryEasyKmh(given), givenKmh: given, typed: typed !== null };
  }

  /** Said when the runner's pace was outside the paces the library is built for: the speeds shown are not theirs as such. */
  #easyLimited(easy: { kmh: number; givenKmh: number; typed: boolean }, unit: DistanceUnit): string | null {
    if (easy.kmh === easy.givenKmh) return null;
    const whose = easy.typed ? 'The pace you typed' : 'Your runs’ pace';
    const side = easy.givenKmh > easy.kmh ? 'faster' : 'slower';
    return `${whose}, ${beltSpeedText(easy.givenKmh, unit)}, is ${side} than the library’s easy paces (${beltSpeedText(EASY_KMH.min, unit)} to ${beltSpeedText(EASY_KMH.max, unit)}), so it uses ${beltSpeedText(easy.kmh, unit)}.`;
  }

  /** A speed ("9.5") or a pace ("6:20"), kept in the workout settings; an empty box goes back to the runs' pace. */
  async #typeEasy(event: Event): Promise<void> {
    event.preventDefault();
    const unit = this.services!.settings.settings.distanceUnit;
    const text = this.renderRoot.querySelector<HTMLInputElement>('#easy-speed')!.value.trim();
    // The box as it was shown, pressed again: the easy pace stays exactly as it is, not moved to
    // the tenth the box shows it to.
    if (text !== '' && text === this.#easyBox(unit)) {
      this.easyProblem = null;
      return;
    }
    const parsed = parseSpeed(text, text.includes(':') ? 'pace' : 'speed', unit);
    if (!parsed.ok || (parsed.value !== null && (parsed.value < EASY_KMH.min || parsed.value > EASY_KMH.max))) {
      this.easyProblem = `Type the speed you run easily, in ${speedUnitLabel[unit]}, for example ${unit === 'km' ? '9.5' : '6.0'}, or its pace in ${paceUnitLabel[unit]}, for example ${unit === 'km' ? '6:20' : '10:00'} (between ${beltSpeedText(EASY_KMH.min, unit)} and ${beltSpeedText(EASY_KMH.max, unit)}).`;
      return;
    }
    this.easyProblem = null;
    this.typedEasyKmh = parsed.value;
    this.easyText = text === '' ? null : text;
    // Not kept: it still holds on this page, and the store's words say why.
    if (!(await this.#mine.saveSettings({ easyKmh: parsed.value }))) this.easyProblem = this.#mine.message;
  }

  /** What the easy box shows: the words it was typed as while they still read as the easy pace, else its speed. */
  #easyBox(unit: DistanceUnit): string {
    const easy = this.#easyKmh();
    if (!easy) return '';
    if (this.easyText !== null && easy.typed) {
      const typed = parseSpeed(this.easyText, this.easyText.includes(':') ? 'pace' : 'speed', unit);
      if (typed.ok && typed.value === easy.kmh) return this.easyText;
    }
    return speedBox(easy.kmh, 'speed', unit);
  }

  async #start(workout: Workout): Promise<void> {
    const workouts = this.services?.workouts;
    if (!workouts || this.starting) return;
    // Said here, where the runner can change it, rather than on a treadmill screen with nothing to run.
    const problems = workoutProblems(workout, this.services!.settings.settings.distanceUnit);
    if (problems.length > 0) {
      this.problem = `This workout cannot run: ${problems.join(' ')}`;
      return;
    }
    // Fullscreen is granted only inside the tap, before anything is awaited.
    enterFullscreen();
    this.starting = true;
    try {
      await workouts.start(workout);
      if (begun.has(workouts.view.phase) && workouts.view.workout === workout) Router.go('/treadmill');
      else {
        leaveFullscreen();
        this.problem = workouts.view.message ?? 'The workout could not start.';
      }
    } catch (error) {
      leaveFullscreen();
      this.problem = `The workout could not start: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.starting = false;
    }
  }

  async #act({ action, workout }: WorkoutActionDetail): Promise<void> {
    this.problem = null;
    if (action === 'start') return this.#start(workout);
    if (action === 'edit') return this.#edit(workout);
    if (action === 'copy') return this.#edit({ ...structuredClone(workout), id: crypto.randomUUID(), origin: 'mine', name: `${workout.name} (mine)` });
    if (action === 'export') {
      const file = await this.#mine.exportFit(workout);
      if (file) downloadFile(file.blob, file.fileName);
      this.outcomes = [file
        ? { ok: true, message: [`Saved as ${file.fileName}.`, ...file.notes].join(' ') }
        : { ok: false, message: this.#mine.message ?? `“${workout.name}” could not be exported.` }];
      return;
    }
    const ok = await this.#mine.remove(workout);
    this.outcomes = [{ ok, message: this.#mine.message ?? '' }];
    await this.#focus('#mine-heading');
  }

  async #edit(workout: Workout): Promise<void> {
    this.editing = workout;
    await this.#focus('#editor-heading');
  }

  async #save(workout: Workout): Promise<void> {
    const ok = await this.#mine.save(workout);
    this.outcomes = [{ ok, message: this.#mine.message ?? '' }];
    if (!ok) return;
    this.editing = null;
    await this.#focus('#mine-heading');
  }

  /** Each file read and saved in turn; one outcome per file, in words. */
  async #import(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const outcomes: Outcome[] = [];
    for (const file of files) {
      const workout = await this.#mine.importFit(file);
      const message = this.#mine.message ?? '';
      outcomes.push({ ok: workout !== null, message: message.startsWith(`${file.name}: `) ? message : `${file.name}: ${message}` });
    }
    this.outcomes = outcomes;
  }

  /** Moves focus to what an action brought up, so a keyboard or screen reader user is not left on a button that went away. */
  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    if (!target) return;
    if (!target.matches('button, a[href], input')) target.tabIndex = -1;
    target.focus();
  }

  protected override render() {
    if (!this.services) return nothing;
    const unit = this.services.settings.settings.distanceUnit;
    const view = this.services.workouts.view;
    const running = view.phase !== 'idle' && view.phase !== 'finished';
    return html`<h1>Treadmill workouts</h1>
      ${this.problem ? html`<p class="problem" role="alert" id="page-problem">${this.problem}</p>` : nothing}
      ${running
        ? html`<section class="card running" id="running" aria-labelledby="running-heading">
            <h2 id="running-heading">Running now: ${view.workout?.name ?? 'a workout'}</h2>
            <div class="actions"><a class="button" href="/treadmill" id="to-treadmill">Treadmill screen</a>
              <button class="stop" id="running-stop" @click=${() => void this.services?.workouts.stop()}>${view.mode === 'belt' && view.phase !== 'confirm' ? 'Stop the belt' : 'Stop the workout'}</button></div>
          </section>`
        : nothing}
      ${this.editing
        ? html`<section class="card" aria-labelledby="editor-heading">
            <h2 id="editor-heading">Edit “${this.editing.name}”</h2>
            <stride-workout-editor .workout=${this.editing} .unit=${unit}
              @save=${(e: CustomEvent<Workout>) => void this.#save(e.detail)}
              @cancel=${() => { this.editing = null; void this.#focus('#mine-heading'); }}></stride-workout-editor>
          </section>`
        : nothing}
      ${this.#library(running)}
      ${this.#mineSection(running)}`;
  }

  #library(running: boolean) {
    const unit = this.services!.settings.settings.distanceUnit;
    const easy = this.#easyKmh();
    return html`<section aria-labelledby="library-heading">
      <h2 id="library-heading">Library</h2>
      ${easy
        ? html`<p id="easy-pace">Speeds from your easy pace: ${beltSpeedText(easy.kmh, unit)} (${paceText(easy.kmh, unit)}), ${easy.typed ? 'as you typed it' : 'from your recent runs'}.</p>
            ${this.#easyLimited(easy, unit) ? html`<p class="hint" id="easy-limited">${this.#easyLimited(easy, unit)}</p>` : nothing}
            ${easy.typed ? html`<p class="hint" id="easy-hint">Empty the box and press “Use this” to take it from your runs again.</p>` : nothing}`
        : html`<p id="easy-pace">No runs to take your easy pace from yet: type the speed you run easily, and the library's speeds follow from it.</p>`}
      <form @submit=${(e: Event) => void this.#typeEasy(e)} novalidate class="actions">
        <label class="typed-pace">Easy speed or pace <input id="easy-speed" inputmode="decimal" autocomplete="off"
          .value=${this.#easyBox(unit)}
          aria-invalid=${this.easyProblem ? 'true' : 'false'} aria-describedby=${this.easyProblem ? 'easy-problem' : nothing} /> ${speedUnitLabel[unit]} or ${paceUnitLabel[unit]}</label>
        <button type="submit" id="use-easy">Use this</button>
      </form>
      ${this.easyProblem ? html`<p class="problem" id="easy-problem" role="alert">${this.easyProblem}</p>` : nothing}
      ${easy
        ? html`<stride-workout-list id="library" .workouts=${libraryWorkouts(easy.kmh)} .unit=${unit} .actions=${running ? ['copy'] : ['start', 'copy']}
            ?busy=${this.starting} @workout-action=${(e: CustomEvent<WorkoutActionDetail>) => void this.#act(e.detail)}></stride-workout-list>`
        : nothing}
    </section>`;
  }

  #mineSection(running: boolean) {
    const unit = this.services!.settings.settings.distanceUnit;
    return html`<section aria-labelledby="mine-heading">
      <h2 id="mine-heading">My workouts</h2>
      ${this.#mine.problems.map((p) => html`<p class="problem" role="alert">${p}</p>`)}
      ${this.#mine.damaged > 0
        ? html`<div class="actions"><button id="discard-damaged" @click=${() => void this.#mine.discardDamaged()}>Discard what cannot be read</button></div>`
        : nothing}
      ${!this.loaded
        ? html`<p class="hint" role="status">Reading your workouts…</p>`
        : this.#mine.workouts.length
          ? html`<stride-workout-list id="mine" .workouts=${newestFirst(this.#mine.workouts)} .unit=${unit}
              .actions=${running ? ['edit', 'export', 'delete'] : ['start', 'edit', 'export', 'delete']} ?busy=${this.starting}
              @workout-action=${(e: CustomEvent<WorkoutActionDetail>) => void this.#act(e.detail)}></stride-workout-list>`
          : html`<p class="hint" id="none-mine">None yet: make one, copy one from the library, or import a FIT workout file from a watch.</p>`}
      <div class="actions">
        <button id="new-workout" @click=${() => void this.#edit(blankWorkout())}>New workout</button>
        <label class="file">Import FIT workout files <input type="file" id="import" accept=".fit" multiple @change=${(e: Event) => void this.#import(e)} /></label>
      </div>
      <div role="status" aria-live="polite">
        ${this.outcomes.length
          ? html`<ul class="outcomes" id="outcomes">${this.outcomes.map((o) => html`<li class=${o.ok ? 'ok' : 'problem'}>${o.message}</li>`)}</ul>`
          : nothing}
      </div>
    </section>`;
  }
}
customElements.define('stride-workouts-page', StrideWorkoutsPage);

declare global {
  interface HTMLElementTagNameMap {
    'stride-workouts-page': StrideWorkoutsPage;
  }
}
