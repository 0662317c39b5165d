// A stored (or restored, or hand-edited) workout checked field by field before the app believes
// it: the shape (a number where a number goes, a length above zero), and repeats within the
// editor's limits (1-50 times, at least one step), since a repeat beyond them is no workout anyone
// made and could cost the page every time it is planned. Whether a speed is sensible is the rules'
// call (workoutProblems), so an odd workout still opens in the editor, which says what is wrong
// with it; a broken one is refused here, in words.

import { REPEAT_TIMES } from '../workout/workout-plan.js';
import { type StepIntensity, type Workout, type WorkoutItem, type WorkoutStep, stepIntensities } from '../workout/workout-types.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isFinite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const positive = (value: unknown): value is number => isFinite(value) && value > 0;
const nullOr = (value: unknown, ok: (v: unknown) => boolean): boolean => value === null || ok(value);
const origins: readonly Workout['origin'][] = ['library', 'mine', 'imported'];

/** What is wrong with a step ("has …"), or null. */
function stepProblem(value: unknown): string | null {
  if (!isRecord(value) || value['kind'] !== 'step') return 'is not a step';
  if (typeof value['name'] !== 'string') return 'has a name that is not text';
  if (!stepIntensities.includes(value['intensity'] as StepIntensity)) return 'has an unknown intensity';
  const length = value['length'];
  const lengthOk =
    isRecord(length) &&
    ((length['kind'] === 'time' && positive(length['seconds'])) || (length['kind'] === 'distance' && positive(length['metres'])));
  if (!lengthOk) return 'has no proper length (a time or distance above zero)';
  if (!nullOr(value['speedKmh'], positive)) return 'has a speed that is not a number above zero';
  if (!nullOr(value['inclinePercent'], isFinite)) return 'has an incline that is not a number';
  if (!nullOr(value['cadence'], positive)) return 'has a cadence that is not a number above zero';
  return null;
}

/** A step with exactly the fields of the shape (anything else stored beside them is left behind). */
function stepOf(value: Record<string, unknown>): WorkoutStep {
  const length = value['length'] as Record<string, unknown>;
  return {
    kind: 'step',
    name: value['name'] as string,
    intensity: value['intensity'] as StepIntensity,
    length: length['kind'] === 'time' ? { kind: 'time', seconds: length['seconds'] as number } : { kind: 'distance', metres: length['metres'] as number },
    speedKmh: value['speedKmh'] as number | null,
    inclinePercent: value['inclinePercent'] as number | null,
    cadence: value['cadence'] as number | null,
  };
}

function itemOf(value: unknown, at: string): { item: WorkoutItem } | { problem: string } {
  if (isRecord(value) && value['kind'] === 'repeat') {
    const { times, steps } = value;
    if (!Number.isInteger(times) || (times as number) < REPEAT_TIMES.min || (times as number) > REPEAT_TIMES.max) {
      return { problem: `${at} is a repeat without a proper number of times (${REPEAT_TIMES.min} to ${REPEAT_TIMES.max})` };
    }
    if (!Array.isArray(steps) || steps.length === 0) return { problem: `${at} is a repeat without steps` };
    const out: WorkoutStep[] = [];
    for (const [i, step] of steps.entries()) {
      const problem = stepProblem(step);
      if (problem !== null) return { problem: `step ${i + 1} of the repeat at ${at} ${problem}` };
      out.push(stepOf(step as Record<string, unknown>));
    }
    return { item: { kind: 'repeat', times: times as number, steps: out } };
  }
  const problem = stepProblem(value);
  return problem === null ? { item: stepOf(value as Record<string, unknown>) } : { problem: `${at} ${problem}` };
}

export type CheckedWorkout = { ok: true; workout: Workout } | { ok: false; problem: string };

/** The workout as the app's shape, or what is wrong with it (a phrase: "its step 2 has no proper length"). */
export function checkWorkout(value: unknown): CheckedWorkout {
  if (!isRecord(value)) return { ok: false, problem: 'it is not a workout' };
  const { id, name, items, origin, updatedAt } = value;
  if (typeof id !== 'string' || id === '') return { ok: false, problem: 'it has no id' };
  if (typeof name !== 'string') return { ok: false, problem: 'its name is not text' };
  if (!origins.includes(origin as Workout['origin'])) return { ok: false, problem: 'it has an unknown origin' };
  if (!isFinite(updatedAt)) return { ok: false, problem: 'it has no time of its last change' };
  if (!Array.isArray(items)) return { ok: false, problem: 'it has no list of steps' };
  const out: WorkoutItem[] = [];
  for (const [i, item] of items.entries()) {
    const checked = itemOf(item, `item ${i + 1}`);
    if ('problem' in checked) return { ok: false, problem: `its ${checked.problem}` };
    out.push(checked.item);
  }
  return { ok: true, workout: { id, name, items: out, origin: origin as Workout['origin'], updatedAt } };
}

/** How a stored workout is named in a message: its name when it has one that is text, else its place. */
export function workoutLabel(value: unknown, position: number): string {
  const name = isRecord(value) ? value['name'] : undefined;
  return typeof name === 'string' && name.trim() !== '' ? `“${name.trim()}”` : `number ${position}`;
}
