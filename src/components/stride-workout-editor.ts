import { LitElement, css, html, noChange, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { formControlStyles } from './form-control-styles.js';
import { intensityLabels } from './workout-format.js';
import {
  type SpeedForm, lengthBox, lengthUnitLabel, parseLength, parseOptional, parseSpeed, parseTimes, speedBox, speedUnitWords,
} from './workout-fields.js';
import type { DistanceUnit } from '../session/units.js';
import { workoutProblems } from '../workout/workout-plan.js';
import { type StepLength, type Workout, type WorkoutItem, type WorkoutStep, stepIntensities } from '../workout/workout-types.js';

/** Where a step sits: [item] for a step on its own, [item, step] inside a repeat. */
type StepPath = readonly [number] | readonly [number, number];

const newStep = (speedKmh: number | null): WorkoutStep => ({
  kind: 'step', name: 'Run', intensity: 'active', length: { kind: 'time', seconds: 300 }, speedKmh, inclinePercent: null, cadence: null,
});

/** The step a path points at, or null. */
function stepAt(items: readonly WorkoutItem[], path: StepPath): WorkoutStep | null {
  const item = items[path[0]];
  if (!item) return null;
  if (path.length === 1) return item.kind === 'step' ? item : null;
  return item.kind === 'repeat' ? item.steps[path[1]] ?? null : null;
}

function withStep(items: readonly WorkoutItem[], path: StepPath, change: (step: WorkoutStep) => WorkoutStep | null): WorkoutItem[] {
  return items.flatMap((item, i): WorkoutItem[] => {
    if (i !== path[0]) return [item];
    if (path.length === 1) {
      const changed = item.kind === 'step' ? change(item) : item;
      return changed ? [changed] : [];
    }
    if (item.kind !== 'repeat') return [item];
    return [{ ...item, steps: item.steps.flatMap((s, j) => (j === path[1] ? (change(s) ?? []) : [s])) }];
  });
}

/** Steps shown before an item: the rules' problems number steps this way ("Step 5"), so the legends do too. */
const stepsBefore = (items: readonly WorkoutItem[], index: number): number =>
  items.slice(0, index).reduce((n, item) => n + (item.kind === 'step' ? 1 : item.steps.length), 0);

/** "Repeat 2": repeats counted as shown. */
const repeatName = (items: readonly WorkoutItem[], index: number): string =>
  `Repeat ${items.slice(0, index + 1).filter((i) => i.kind === 'repeat').length}`;

/** "Step 3" on its own, "Step 5, in repeat 1" inside one: counted as shown, as the rules' problems count them. */
function stepName(items: readonly WorkoutItem[], path: StepPath): string {
  const number = stepsBefore(items, path[0]) + (path.length === 2 ? path[1] : 0) + 1;
  return path.length === 2 ? `Step ${number}, in ${repeatName(items, path[0]).toLowerCase()}` : `Step ${number}`;
}

const METRES_PER_MILE = 1609.344;

/** A distance near `metres` that reads round in the runner's unit; without one, 1 km or 1 mi. */
function roundDistance(metres: number | null, unit: DistanceUnit): number {
  if (unit === 'mi') {
    const quarters = metres === null ? 4 : Math.max(1, Math.round(metres / METRES_PER_MILE / 0.25));
    return quarters * 0.25 * METRES_PER_MILE;
  }
  if (metres === null) return 1000;
  const step = metres < 950 ? 100 : 500;
  return Math.max(100, Math.round(metres / step) * step);
}

/** Detail of `save`: the workout as edited, checked. */
export type SaveWorkoutDetail = Workout;

/**
 * Edits one workout: its name, and its steps (by time or distance; speed or pace in the runner's
 * unit, or left as the belt has it; incline; an optional cadence) and repeats of steps. A box
 * typed so it cannot be read says so beside it and keeps what was there; the rules' problems
 * (a step of 0 s, a speed no treadmill runs) are listed in words. Save emits `save` only for a
 * workout with no problem; Cancel emits `cancel`.
 */
export class StrideWorkoutEditor extends LitElement {
  static override properties = {
    workout: { attribute: false }, unit: {}, draft: { state: true }, form: { state: true }, boxProblems: { state: true }, tried: { state: true },
  };
  /** The workout to edit (a copy is edited; this one is never changed). */
  declare workout: Workout | null;
  declare unit: DistanceUnit;
  declare draft: Workout | null;
  declare form: SpeedForm;
  /** Boxes that could not be read, by box id, with what to type. */
  declare boxProblems: ReadonlyMap<string, string>;
  /** Save was pressed: the workout's problems are shown from then on. */
  declare tried: boolean;

  constructor() {
    super();
    this.workout = null;
    this.unit = 'km';
    this.draft = null;
    this.form = 'speed';
    this.boxProblems = new Map();
    this.tried = false;
  }

  static override styles = [css`
    :host { display: block; }
    form { display: grid; gap: 0.75rem; }
    p { margin: 0; }
    fieldset { border: 1px solid var(--border); border-radius: 8px; margin: 0; padding: 0.5rem 0.75rem 0.75rem; min-width: 0; display: grid; gap: 0.5rem; }
    fieldset.repeat { border-width: 2px; border-color: var(--accent); }
    legend { font-weight: 600; padding: 0 0.25rem; }
    /* Two boxes a row on a phone, five on a desktop; inputs on one line when a label wraps. */
    .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr)); gap: 0.5rem 0.75rem; align-items: end; }
    label.box { display: grid; gap: 0.15rem; font-size: 0.95rem; min-width: 0; }
    label.box input, label.box select { width: 100%; min-width: 0; }
    select { font: inherit; color: inherit; border-radius: 8px; border: 1px solid var(--border); background: var(--surface-2); padding: 0.3rem 0.5rem; }
    select:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .name-box { max-width: 24rem; }
    .form-choice { display: flex; flex-wrap: wrap; gap: 0 1rem; border: none; padding: 0; }
    .form-choice legend { padding: 0; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    ul.problems { margin: 0; padding-left: 1.2rem; color: var(--warn-text); }
  `, formControlStyles];

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('workout')) {
      this.draft = this.workout ? structuredClone(this.workout) : null;
      this.boxProblems = new Map();
      this.tried = false;
    }
  }

  /** What stands between the draft and Save, in words: the boxes first, then the rules' problems. */
  get problems(): string[] {
    if (!this.draft) return [];
    return [...this.boxProblems.values(), ...(this.draft.name.trim() === '' ? ['Give the workout a name.'] : []), ...workoutProblems(this.draft, this.unit)];
  }

  #box(id: string, problem: string | null): void {
    const next = new Map(this.boxProblems);
    if (problem === null) next.delete(id);
    else next.set(id, problem);
    this.boxProblems = next;
  }

  #setItems(items: WorkoutItem[]): void {
    if (this.draft) this.draft = { ...this.draft, items };
  }

  /** A box of a step was changed: read it, and keep the step as it was when it cannot be read. */
  #stepBox(path: StepPath, id: string, read: (step: WorkoutStep) => { ok: true; step: WorkoutStep } | { ok: false; problem: string }): void {
    const draft = this.draft;
    const step = draft && stepAt(draft.items, path);
    if (!draft || !step) return;
    const result = read(step);
    if (!result.ok) {
      this.#box(id, `${stepName(draft.items, path)}: ${result.problem}.`);
      return;
    }
    this.#box(id, null);
    this.#setItems(withStep(draft.items, path, () => result.step));
  }

  #value = (event: Event): string => (event.target as HTMLInputElement | HTMLSelectElement).value;

  /**
   * What a box shows: its step's value, put back whenever the box shows something else (a select
   * the runner picked in, a step moved into its place), except a box typed so it cannot be read,
   * which keeps the runner's words beside its problem.
   */
  #shown(box: string, value: string) {
    return this.boxProblems.has(box) ? noChange : live(value);
  }

  /** The speed boxes are drawn again from the steps' own speeds in the other form, so what could not be read in them is gone. */
  #setForm(form: SpeedForm): void {
    this.form = form;
    this.boxProblems = new Map([...this.boxProblems].filter(([id]) => !id.startsWith('speed-')));
  }

  #stepFields(step: WorkoutStep, path: StepPath) {
    const id = path.join('-');
    const unit = this.unit;
    const problemOf = (box: string) => this.boxProblems.get(`${box}-${id}`) ?? null;
    const invalid = (box: string) => (problemOf(box) ? 'true' : 'false');
    const lengthKind = step.length.kind;
    return html`<div class="fields">
      <label class="box">Name <input id="name-${id}" .value=${this.#shown(`name-${id}`, step.name)} autocomplete="off"
        @change=${(e: Event) => this.#stepBox(path, `name-${id}`, (s) => ({ ok: true, step: { ...s, name: this.#value(e).trim() } }))} /></label>
      <label class="box">Kind <select id="intensity-${id}"
        @change=${(e: Event) => this.#stepBox(path, `intensity-${id}`, (s) => ({ ok: true, step: { ...s, intensity: this.#value(e) as WorkoutStep['intensity'] } }))}>
        ${stepIntensities.map((i) => html`<option value=${i} .selected=${live(step.intensity === i)}>${intensityLabels[i]}</option>`)}
      </select></label>
      <label class="box">By <select id="by-${id}" @change=${(e: Event) => this.#lengthKind(path, this.#value(e) as StepLength['kind'])}>
        <option value="time" .selected=${live(lengthKind === 'time')}>Time</option>
        <option value="distance" .selected=${live(lengthKind === 'distance')}>Distance</option>
      </select></label>
      <label class="box">${lengthKind === 'time' ? 'Time' : 'Distance'} (${lengthUnitLabel(step.length, unit)})
        <input id="length-${id}" inputmode="decimal" autocomplete="off" .value=${this.#shown(`length-${id}`, lengthBox(step.length, unit))} aria-invalid=${invalid('length')}
          @change=${(e: Event) => this.#stepBox(path, `length-${id}`, (s) => {
            const parsed = parseLength(this.#value(e), s.length.kind, unit);
            return parsed.ok ? { ok: true, step: { ...s, length: parsed.value } } : parsed;
          })} /></label>
      <label class="box">${this.form === 'speed' ? 'Speed' : 'Pace'} (${speedUnitWords(this.form, unit)})
        <input id="speed-${id}" inputmode="decimal" autocomplete="off" placeholder="as it is" .value=${this.#shown(`speed-${id}`, speedBox(step.speedKmh, this.form, unit))}
          aria-invalid=${invalid('speed')}
          @change=${(e: Event) => this.#stepBox(path, `speed-${id}`, (s) => {
            const parsed = parseSpeed(this.#value(e), this.form, unit);
            return parsed.ok ? { ok: true, step: { ...s, speedKmh: parsed.value } } : parsed;
          })} /></label>
      <label class="box">Incline (%)
        <input id="incline-${id}" inputmode="decimal" autocomplete="off" placeholder="as it is" .value=${this.#shown(`incline-${id}`, step.inclinePercent === null ? '' : String(step.inclinePercent))}
          aria-invalid=${invalid('incline')}
          @change=${(e: Event) => this.#stepBox(path, `incline-${id}`, (s) => {
            const parsed = parseOptional(this.#value(e), 'incline');
            return parsed.ok ? { ok: true, step: { ...s, inclinePercent: parsed.value } } : parsed;
          })} /></label>
      <label class="box">Cadence (steps/min)
        <input id="cadence-${id}" inputmode="numeric" autocomplete="off" placeholder="none" .value=${this.#shown(`cadence-${id}`, step.cadence === null ? '' : String(step.cadence))}
          aria-invalid=${invalid('cadence')}
          @change=${(e: Event) => this.#stepBox(path, `cadence-${id}`, (s) => {
            const parsed = parseOptional(this.#value(e), 'cadence');
            return parsed.ok ? { ok: true, step: { ...s, cadence: parsed.value } } : parsed;
          })} /></label>
    </div>`;
  }

  /**
   * Time to distance or back: the step keeps about the same length at its speed (or a round
   * default without one), a round one in the runner's unit: 100 m under a km, then 0.5 km; a
   * quarter mile in miles (never 0.311 mi for 500 m).
   */
  #lengthKind(path: StepPath, kind: StepLength['kind']): void {
    const unit = this.unit;
    this.#stepBox(path, `length-${path.join('-')}`, (s) => {
      if (s.length.kind === kind) return { ok: true, step: s };
      const mps = (s.speedKmh ?? 0) / 3.6;
      const length: StepLength = kind === 'distance'
        ? { kind, metres: roundDistance(s.length.kind === 'time' && mps > 0 ? s.length.seconds * mps : null, unit) }
        : { kind, seconds: s.length.kind === 'distance' && mps > 0 ? Math.max(30, Math.round(s.length.metres / mps / 30) * 30) : 300 };
      return { ok: true, step: { ...s, length } };
    });
  }

  #lastSpeed(): number | null {
    const steps = this.draft?.items.flatMap((i) => (i.kind === 'step' ? [i] : i.steps)) ?? [];
    return steps.at(-1)?.speedKmh ?? null;
  }

  #add(kind: 'step' | 'repeat'): void {
    if (!this.draft) return;
    const speed = this.#lastSpeed();
    const item: WorkoutItem = kind === 'step' ? newStep(speed) : { kind: 'repeat', times: 4, steps: [{ ...newStep(speed), name: 'Hard', length: { kind: 'time', seconds: 60 } }, { ...newStep(speed), name: 'Easy', intensity: 'recovery', length: { kind: 'time', seconds: 60 } }] };
    this.#setItems([...this.draft.items, item]);
    void this.#focusLast();
  }

  async #focusLast(): Promise<void> {
    await this.updateComplete;
    const boxes = this.renderRoot.querySelectorAll<HTMLInputElement>('input[id^="name-"]');
    boxes[boxes.length - 1]?.focus();
  }

  /** The pressed button goes with its item: focus goes to the item now in its place (its first box), else to Add a step. */
  #removeItem(index: number): void {
    if (!this.draft) return;
    this.#clearBoxes(`${index}`);
    this.#setItems(this.draft.items.filter((_, i) => i !== index));
    void this.#focusFirst([`#name-${index}`, `#times-${index}`, '#add-step']);
  }

  async #focusFirst(selectors: readonly string[]): Promise<void> {
    await this.updateComplete;
    for (const selector of selectors) {
      const target = this.renderRoot.querySelector<HTMLButtonElement | HTMLInputElement>(selector);
      if (target && !target.disabled) {
        target.focus();
        return;
      }
    }
  }

  /** Box problems of removed steps go with them; later boxes' ids shift, so every box problem of that item and after goes. */
  #clearBoxes(from: string): void {
    const first = Number(from.split('-')[0]);
    this.boxProblems = new Map([...this.boxProblems].filter(([id]) => Number(id.split('-')[1]) < first));
  }

  /**
   * Items are drawn by position, so the pressed button now belongs to the item moved the other
   * way: focus follows the moved item to its own button, and pressed again moves it further
   * (the other direction's button once it reaches the end).
   */
  #move(index: number, by: -1 | 1): void {
    if (!this.draft) return;
    const items = [...this.draft.items];
    const to = index + by;
    if (to < 0 || to >= items.length) return;
    [items[index], items[to]] = [items[to]!, items[index]!];
    // Only the two swapped items' boxes change places; the others keep what was typed in them.
    this.boxProblems = new Map([...this.boxProblems].filter(([id]) => ![index, to].includes(Number(id.split('-')[1]))));
    this.#setItems(items);
    const [same, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
    void this.#focusFirst([`#${same}-${to}`, `#${other}-${to}`]);
  }

  #repeatTimes(index: number, text: string): void {
    const draft = this.draft;
    if (!draft) return;
    const parsed = parseTimes(text);
    const id = `times-${index}`;
    if (!parsed.ok) {
      this.#box(id, `${repeatName(draft.items, index)}: ${parsed.problem}.`);
      return;
    }
    this.#box(id, null);
    this.#setItems(draft.items.map((item, i) => (i === index && item.kind === 'repeat' ? { ...item, times: parsed.value } : item)));
  }

  /**
   * A step added at a repeat's end shifts no box, so every box keeps what was typed in it; a step
   * removed shifts only the steps after it in its repeat, whose box problems go with it (other
   * items' boxes, and their unreadable words, stay). Focus goes to the step now in its place.
   */
  #repeatStep(index: number, change: 'add' | number): void {
    const draft = this.draft;
    if (!draft) return;
    if (change !== 'add') {
      this.boxProblems = new Map([...this.boxProblems].filter(([id]) => {
        const [, item, step] = id.split('-').map(Number);
        return !(item === index && step !== undefined && step >= change);
      }));
    }
    this.#setItems(draft.items.map((item, i) => {
      if (i !== index || item.kind !== 'repeat') return item;
      return { ...item, steps: change === 'add' ? [...item.steps, newStep(item.steps.at(-1)?.speedKmh ?? null)] : item.steps.filter((_, j) => j !== change) };
    }));
    if (change !== 'add') void this.#focusFirst([`#name-${index}-${change}`, `#add-in-${index}`]);
  }

  #itemButtons(index: number, count: number, what: string) {
    return html`<div class="actions">
      <button type="button" id="up-${index}" ?disabled=${index === 0} @click=${() => this.#move(index, -1)}>Move up<span class="sr"> ${what}</span></button>
      <button type="button" id="down-${index}" ?disabled=${index === count - 1} @click=${() => this.#move(index, 1)}>Move down<span class="sr"> ${what}</span></button>
      <button type="button" id="remove-${index}" @click=${() => this.#removeItem(index)}>Remove ${what.toLowerCase()}</button>
    </div>`;
  }

  #save(event: Event): void {
    event.preventDefault();
    this.tried = true;
    const draft = this.draft;
    if (!draft || this.problems.length) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#problems')?.focus());
      return;
    }
    this.dispatchEvent(new CustomEvent<SaveWorkoutDetail>('save', { detail: { ...draft, name: draft.name.trim(), updatedAt: Date.now() }, bubbles: true, composed: true }));
  }

  protected override render() {
    const draft = this.draft;
    if (!draft) return nothing;
    const items = draft.items;
    // Box problems show at once; the rules' problems once Save was pressed (a workout being typed is not yet wrong).
    const problems = this.tried ? this.problems : [...this.boxProblems.values()];
    return html`<form @submit=${(e: Event) => this.#save(e)} novalidate aria-label="Edit workout">
      <label class="box name-box">Workout name <input id="workout-name" .value=${draft.name} autocomplete="off"
        @change=${(e: Event) => { this.draft = { ...draft, name: this.#value(e) }; }} /></label>
      <fieldset class="form-choice">
        <legend>Type speeds as</legend>
        <label><input type="radio" name="form" id="form-speed" ?checked=${this.form === 'speed'} @change=${() => this.#setForm('speed')} /> Speed (${speedUnitWords('speed', this.unit)})</label>
        <label><input type="radio" name="form" id="form-pace" ?checked=${this.form === 'pace'} @change=${() => this.#setForm('pace')} /> Pace (${speedUnitWords('pace', this.unit)})</label>
      </fieldset>
      ${items.map((item, i) => item.kind === 'step'
        ? html`<fieldset class="step" id="item-${i}"><legend>${stepName(items, [i])}</legend>
            ${this.#stepFields(item, [i])}${this.#itemButtons(i, items.length, stepName(items, [i]))}</fieldset>`
        : html`<fieldset class="repeat" id="item-${i}"><legend>${repeatName(items, i)}</legend>
            <label class="box name-box">Times <input id="times-${i}" inputmode="numeric" autocomplete="off" .value=${this.#shown(`times-${i}`, String(item.times))}
              aria-invalid=${this.boxProblems.has(`times-${i}`) ? 'true' : 'false'} @change=${(e: Event) => this.#repeatTimes(i, this.#value(e))} /></label>
            ${item.steps.map((step, j) => html`<fieldset class="step" id="item-${i}-${j}"><legend>${stepName(items, [i, j])}</legend>
              ${this.#stepFields(step, [i, j])}
              <div class="actions"><button type="button" id="remove-${i}-${j}" @click=${() => this.#repeatStep(i, j)}>Remove ${stepName(items, [i, j]).toLowerCase()}</button></div>
            </fieldset>`)}
            <div class="actions"><button type="button" id="add-in-${i}" @click=${() => this.#repeatStep(i, 'add')}>Add a step to this repeat</button></div>
            ${this.#itemButtons(i, items.length, repeatName(items, i))}
          </fieldset>`)}
      <div class="actions">
        <button type="button" id="add-step" @click=${() => this.#add('step')}>Add a step</button>
        <button type="button" id="add-repeat" @click=${() => this.#add('repeat')}>Add a repeat</button>
      </div>
      <div aria-live="polite">
        ${problems.length
          ? html`<ul class="problems" id="problems" tabindex="-1" aria-label="Problems to fix">${problems.map((p) => html`<li>${p}</li>`)}</ul>`
          : nothing}
      </div>
      <div class="actions">
        <button class="primary" type="submit" id="save">Save</button>
        <button type="button" id="cancel" @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }))}>Cancel</button>
      </div>
    </form>`;
  }
}
customElements.define('stride-workout-editor', StrideWorkoutEditor);

declare global {
  interface HTMLElementTagNameMap {
    'stride-workout-editor': StrideWorkoutEditor;
  }
}
