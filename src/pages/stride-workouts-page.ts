import { LitElement, type PropertyValues, css, html, nothing } from 'lit';
import { Router } from '@vaadin/router';
import type { AppServices } from '../services/services.js';
import { EventController } from '../components/event-controller.js';
import { downloadFile } from '../components/download-file.js';
import { enterFullscreen } from '../components/fullscreen.js';
import { filePickerStyles, formControlStyles } from '../components/form-control-styles.js';
import { beltSpeedText, paceText } from '../components/workout-format.js';
import { parseSpeed } from '../components/workout-fields.js';
import '../components/stride-workout-editor.js';
import '../components/stride-workout-list.js';
import type { WorkoutActionDetail } from '../components/stride-workout-list.js';
import { type FileOutcome, deleteMyWorkout, importWorkoutFiles, loadMyWorkouts, saveMyWorkout, workoutFitFile } from '../services/workout-files.js';
import { speedUnitLabel } from '../session/units.js';
import { EASY_KMH, easyPaceFromHistory, libraryWorkouts } from '../workout/workout-library.js';
import type { Workout } from '../workout/workout-types.js';

const blankWorkout = (): Workout => ({ id: crypto.randomUUID(), name: 'My workout', items: [], origin: 'mine', updatedAt: Date.now() });

/**
 * Treadmill workouts: the library (its speeds from the runner's easy pace, from their runs or
 * typed), the runner's own and imported workouts, the editor, FIT files in and out, and Start,
 * which hands the workout to the workout runner and opens the treadmill screen.
 */
export class StrideWorkoutsPage extends LitElement {
  static override properties = {
    services: { attribute: false }, mine: { state: true }, loaded: { state: true }, editing: { state: true },
    typedEasyKmh: { state: true }, storeProblems: { state: true }, easyProblem: { state: true }, outcomes: { state: true }, problem: { state: true }, starting: { state: true },
  };
  declare services: AppServices | null;
  declare mine: readonly Workout[];
  declare loaded: boolean;
  /** The workout in the editor (a new one, or a copy being changed). */
  declare editing: Workout | null;
  /** Easy pace typed by the runner (km/h); used over the one from their runs. */
  declare typedEasyKmh: number | null;
  declare easyProblem: string | null;
  /** What became of the last import or export, file by file. */
  declare outcomes: readonly FileOutcome[];
  declare problem: string | null;
  /** Workouts the store could not read, each in a sentence. */
  declare storeProblems: readonly string[];
  declare starting: boolean;

  readonly #history = new EventController(this, ['change']);
  readonly #settings = new EventController(this, ['change']);
  readonly #workouts = new EventController(this, ['change']);

  constructor() {
    super();
    this.services = null;
    this.mine = [];
    this.loaded = false;
    this.editing = null;
    this.typedEasyKmh = null;
    this.easyProblem = null;
    this.outcomes = [];
    this.problem = null;
    this.storeProblems = [];
    this.starting = false;
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
    void loadMyWorkouts().then(({ workouts, problems }) => {
      if (this.services !== services) return;
      this.mine = workouts;
      this.storeProblems = problems;
      this.loaded = true;
    });
  }

  /** The easy pace the library's speeds come from: typed, else from the runner's runs; null: ask. */
  #easyKmh(): { kmh: number; typed: boolean } | null {
    if (this.typedEasyKmh !== null) return { kmh: this.typedEasyKmh, typed: true };
    const history = this.services?.history;
    const fromRuns = history?.loaded ? easyPaceFromHistory([...history.sessions]) : null;
    return fromRuns === null ? null : { kmh: fromRuns, typed: false };
  }

  #typeEasy(event: Event): void {
    event.preventDefault();
    const unit = this.services!.settings.settings.distanceUnit;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#easy-speed')!;
    const parsed = parseSpeed(input.value, 'speed', unit);
    if (!parsed.ok || parsed.value === null || parsed.value < EASY_KMH.min || parsed.value > EASY_KMH.max) {
      this.easyProblem = `Type the speed you run easily, in ${speedUnitLabel[unit]}, for example ${unit === 'km' ? '9.5' : '6.0'} (between ${beltSpeedText(EASY_KMH.min, unit)} and ${beltSpeedText(EASY_KMH.max, unit)}).`;
      return;
    }
    this.easyProblem = null;
    this.typedEasyKmh = parsed.value;
  }

  async #start(workout: Workout): Promise<void> {
    const workouts = this.services?.workouts;
    if (!workouts || this.starting) return;
    // Fullscreen is granted only inside the tap, before anything is awaited.
    enterFullscreen();
    this.starting = true;
    try {
      await workouts.start(workout);
      Router.go('/treadmill');
    } catch (error) {
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
      try {
        const file = await workoutFitFile(workout);
        downloadFile(file.blob, file.fileName);
        this.outcomes = [{ fileName: file.fileName, ok: true, message: ['Saved as a FIT workout file.', ...file.notes].join(' ') }];
      } catch (error) {
        this.outcomes = [{ fileName: '', ok: false, message: `“${workout.name}” could not be written as a FIT file: ${error instanceof Error ? error.message : String(error)}` }];
      }
      return;
    }
    const { workouts, problems, problem } = await deleteMyWorkout(workout.id);
    this.mine = workouts;
    this.storeProblems = problems;
    this.outcomes = [problem ? { fileName: '', ok: false, message: problem } : { fileName: '', ok: true, message: `Deleted “${workout.name}”.` }];
    await this.#focus('#mine-heading');
  }

  async #edit(workout: Workout): Promise<void> {
    this.editing = workout;
    await this.#focus('#editor-heading');
  }

  async #save(workout: Workout): Promise<void> {
    const { workouts, problems, problem } = await saveMyWorkout(workout);
    this.mine = workouts;
    this.storeProblems = problems;
    if (problem) {
      this.outcomes = [{ fileName: '', ok: false, message: problem }];
      return;
    }
    this.editing = null;
    this.outcomes = [{ fileName: '', ok: true, message: `Saved “${workout.name}”.` }];
    await this.#focus('#mine-heading');
  }

  async #import(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    const { outcomes, workouts, problems } = await importWorkoutFiles(files);
    this.outcomes = outcomes;
    this.mine = workouts;
    this.storeProblems = problems;
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
            <div class="actions"><a class="button" href="/treadmill" id="to-treadmill">Treadmill screen</a></div>
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
      ${this.#mine(running)}`;
  }

  #library(running: boolean) {
    const unit = this.services!.settings.settings.distanceUnit;
    const easy = this.#easyKmh();
    return html`<section aria-labelledby="library-heading">
      <h2 id="library-heading">Library</h2>
      ${easy
        ? html`<p id="easy-pace">Speeds from your easy pace: ${beltSpeedText(easy.kmh, unit)} (${paceText(easy.kmh, unit)}), ${easy.typed ? 'as you typed it' : 'from your recent runs'}.</p>`
        : html`<p id="easy-pace">No runs to take your easy pace from yet: type the speed you run easily, and the library's speeds follow from it.</p>`}
      <form @submit=${(e: Event) => this.#typeEasy(e)} novalidate class="actions">
        <label class="typed-pace">Easy speed <input id="easy-speed" inputmode="decimal" autocomplete="off"
          .value=${easy ? beltSpeedText(easy.kmh, unit).split(' ')[0]! : ''}
          aria-invalid=${this.easyProblem ? 'true' : 'false'} aria-describedby=${this.easyProblem ? 'easy-problem' : nothing} /> ${speedUnitLabel[unit]}</label>
        <button type="submit" id="use-easy">Use this speed</button>
      </form>
      ${this.easyProblem ? html`<p class="problem" id="easy-problem" role="alert">${this.easyProblem}</p>` : nothing}
      ${easy
        ? html`<stride-workout-list id="library" .workouts=${libraryWorkouts(easy.kmh)} .unit=${unit} .actions=${running ? ['copy'] : ['start', 'copy']}
            ?busy=${this.starting} @workout-action=${(e: CustomEvent<WorkoutActionDetail>) => void this.#act(e.detail)}></stride-workout-list>`
        : nothing}
    </section>`;
  }

  #mine(running: boolean) {
    const unit = this.services!.settings.settings.distanceUnit;
    return html`<section aria-labelledby="mine-heading">
      <h2 id="mine-heading">My workouts</h2>
      ${this.storeProblems.map((p) => html`<p class="problem" role="alert">${p}</p>`)}
      ${!this.loaded
        ? html`<p class="hint" role="status">Reading your workouts…</p>`
        : this.mine.length
          ? html`<stride-workout-list id="mine" .workouts=${this.mine} .unit=${unit}
              .actions=${running ? ['edit', 'export', 'delete'] : ['start', 'edit', 'export', 'delete']} ?busy=${this.starting}
              @workout-action=${(e: CustomEvent<WorkoutActionDetail>) => void this.#act(e.detail)}></stride-workout-list>`
          : html`<p class="hint" id="none-mine">None yet: make one, copy one from the library, or import a FIT workout file from a watch.</p>`}
      <div class="actions">
        <button id="new-workout" @click=${() => void this.#edit(blankWorkout())}>New workout</button>
        <label class="file">Import FIT workout files <input type="file" id="import" accept=".fit" multiple @change=${(e: Event) => void this.#import(e)} /></label>
      </div>
      <div role="status" aria-live="polite">
        ${this.outcomes.length
          ? html`<ul class="outcomes" id="outcomes">${this.outcomes.map((o) => html`<li class=${o.ok ? 'ok' : 'problem'}>${o.fileName ? `${o.fileName}: ` : ''}${o.message}</li>`)}</ul>`
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
