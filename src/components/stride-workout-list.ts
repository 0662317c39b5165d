import { LitElement, css, html, nothing } from 'lit';
import { formControlStyles } from './form-control-styles.js';
import { itemsSummary } from './workout-format.js';
import { type DistanceUnit, formatDistanceIn, formatDuration } from '../session/units.js';
import { planSteps, plannedTotals } from '../workout/workout-plan.js';
import type { Workout } from '../workout/workout-types.js';

/** What a runner can do with a workout of the list. */
export type WorkoutAction = 'start' | 'edit' | 'copy' | 'export' | 'delete';

/** Detail of `workout-action`. */
export interface WorkoutActionDetail {
  action: WorkoutAction;
  workout: Workout;
}

const actionLabels: Readonly<Record<WorkoutAction, string>> = {
  start: 'Start',
  edit: 'Edit',
  copy: 'Copy and edit',
  export: 'Export FIT',
  delete: 'Delete',
};

/**
 * "About 42 min, 7.30 km" as far as the plan knows: a distance step without a speed has no time.
 * A workout shorter than half a minute is "Under a minute", never "About 0 min".
 */
export function totalsWords(workout: Workout, unit: DistanceUnit): string {
  const totals = plannedTotals(planSteps(workout));
  const distance = totals.metres === null ? [] : [`${formatDistanceIn(totals.metres, unit)} ${unit}`];
  if (totals.seconds !== null && totals.seconds < 30) return ['Under a minute', ...distance].join(', ');
  const parts = [
    ...(totals.seconds === null ? [] : [totals.seconds >= 3600 ? formatDuration(totals.seconds) : `${Math.round(totals.seconds / 60)} min`]),
    ...distance,
  ];
  return parts.length ? `About ${parts.join(', ')}` : 'Length set by the belt';
}

/**
 * Workouts as a list of cards: each its name, its steps in a line, its length, and buttons for
 * the actions given (Start first). Names are the runner's or a file's words, shown as text.
 * Emits `workout-action` with the action and the workout.
 */
export class StrideWorkoutList extends LitElement {
  static override properties = { workouts: { attribute: false }, unit: {}, actions: { attribute: false }, busy: { type: Boolean } };
  declare workouts: readonly Workout[];
  declare unit: DistanceUnit;
  declare actions: readonly WorkoutAction[];
  /** A workout is starting: Start is off, so a double tap starts one workout. */
  declare busy: boolean;

  constructor() {
    super();
    this.workouts = [];
    this.unit = 'km';
    this.actions = ['start'];
    this.busy = false;
  }

  static override styles = [css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.6rem; }
    li { background: var(--surface); border: 1px solid var(--divider); border-radius: 10px; padding: 0.75rem 1rem; display: grid; gap: 0.4rem; min-width: 0; }
    h3 { margin: 0; font-size: 1.05rem; overflow-wrap: anywhere; }
    p { margin: 0; overflow-wrap: anywhere; }
    .summary { color: var(--muted); }
  `, formControlStyles];

  #act(action: WorkoutAction, workout: Workout): void {
    this.dispatchEvent(new CustomEvent<WorkoutActionDetail>('workout-action', { detail: { action, workout }, bubbles: true, composed: true }));
  }

  protected override render() {
    if (!this.workouts.length) return nothing;
    return html`<ul>${this.workouts.map((workout) => html`<li id="workout-${workout.id}">
      <h3>${workout.name}</h3>
      <p class="length">${totalsWords(workout, this.unit)}</p>
      <p class="summary">${itemsSummary(workout.items, this.unit)}</p>
      <div class="actions">${this.actions.map((action) => html`<button class=${action === 'start' ? 'primary' : ''} data-action=${action}
        ?disabled=${action === 'start' && this.busy} aria-label="${actionLabels[action]} ${workout.name}"
        @click=${() => this.#act(action, workout)}>${actionLabels[action]}</button>`)}</div>
    </li>`)}</ul>`;
  }
}
customElements.define('stride-workout-list', StrideWorkoutList);

declare global {
  interface HTMLElementTagNameMap {
    'stride-workout-list': StrideWorkoutList;
  }
}
