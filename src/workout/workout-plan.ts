// A workout as it runs: repeats expanded into one list of steps, what is wrong with a workout in
// words (the editor shows them, the runner refuses to start), and its planned time and distance.

import type { DistanceUnit } from '../session/units.js';
import type { PlannedStep, Workout, WorkoutStep } from './workout-types.js';

export const SPEED_KMH = { min: 1, max: 30 } as const;
export const INCLINE_PERCENT = { min: -10, max: 30 } as const;
export const CADENCE_SPM = { min: 100, max: 230 } as const;
export const REPEAT_TIMES = { min: 1, max: 50 } as const;
export const MAX_PLANNED_STEPS = 200;

/**
 * The steps in the order they run. A workout with problems (workoutProblems) is planned as far
 * as it goes sensibly: a repeat runs its whole number of times, and the list stops at
 * MAX_PLANNED_STEPS (and a repeat with no steps is passed over) so a repeat of a million times
 * cannot hang the page.
 */
export function planSteps(workout: Workout): PlannedStep[] {
  const planned: PlannedStep[] = [];
  const add = (step: WorkoutStep, round: PlannedStep['round']): void => {
    if (planned.length >= MAX_PLANNED_STEPS) return;
    const { kind: _kind, ...rest } = step;
    planned.push({ ...rest, index: planned.length, round });
  };
  for (const item of workout.items) {
    if (item.kind === 'step') {
      add(item, null);
      continue;
    }
    // A repeat with no steps adds nothing however often it runs: counting its rounds could hang the page.
    if (item.steps.length === 0) continue;
    const times = wholeTimes(item.times);
    for (let n = 1; n <= times && planned.length < MAX_PLANNED_STEPS; n++) {
      for (const step of item.steps) add(step, { n, of: times });
    }
  }
  return planned;
}

const wholeTimes = (times: number): number => (Number.isFinite(times) ? Math.max(0, Math.floor(times)) : 0);

const outside = (value: number, range: { min: number; max: number }): boolean =>
  !Number.isFinite(value) || value < range.min || value > range.max;

/**
 * The speeds a step may ask for, in the runner's unit: in mph the range's ends are rounded inwards
 * to a tenth (0.7 to 18.6 mph), so any speed the words allow is one the rule allows.
 */
function speedRangeWords(unit: DistanceUnit): string {
  if (unit === 'km') return `${SPEED_KMH.min} and ${SPEED_KMH.max} km/h`;
  const mph = (kmh: number): number => kmh / 1.609344;
  return `${(Math.ceil(mph(SPEED_KMH.min) * 10) / 10).toFixed(1)} and ${(Math.floor(mph(SPEED_KMH.max) * 10) / 10).toFixed(1)} mph`;
}

function stepProblems(step: WorkoutStep, label: string, unit: DistanceUnit): string[] {
  const problems: string[] = [];
  const { length } = step;
  if (length.kind === 'time' && !(length.seconds > 0 && Number.isFinite(length.seconds))) {
    problems.push(`${label} lasts no time: give it at least 1 s.`);
  }
  if (length.kind === 'distance' && !(length.metres > 0 && Number.isFinite(length.metres))) {
    problems.push(`${label} covers no distance: give it at least 1 m.`);
  }
  if (step.speedKmh !== null && outside(step.speedKmh, SPEED_KMH)) {
    problems.push(`${label}: the speed must be between ${speedRangeWords(unit)}.`);
  }
  if (step.inclinePercent !== null && outside(step.inclinePercent, INCLINE_PERCENT)) {
    problems.push(`${label}: the incline must be between ${INCLINE_PERCENT.min} and ${INCLINE_PERCENT.max} %.`);
  }
  if (step.cadence !== null && outside(step.cadence, CADENCE_SPM)) {
    problems.push(`${label}: the cadence must be between ${CADENCE_SPM.min} and ${CADENCE_SPM.max} steps/min.`);
  }
  return problems;
}

/** What stops a workout from running, in words (speeds in the runner's unit); empty when it can run. */
export function workoutProblems(workout: Workout, unit: DistanceUnit = 'km'): string[] {
  const problems: string[] = [];
  let shown = 0;
  let planned = 0;
  const label = (step: WorkoutStep): string => `Step ${++shown}${step.name.trim() ? ` (“${step.name.trim()}”)` : ''}`;
  for (const item of workout.items) {
    if (item.kind === 'step') {
      problems.push(...stepProblems(item, label(item), unit));
      planned += 1;
      continue;
    }
    if (!Number.isInteger(item.times) || outside(item.times, REPEAT_TIMES)) {
      problems.push(`A repeat must run a whole number of times from ${REPEAT_TIMES.min} to ${REPEAT_TIMES.max}.`);
    }
    if (item.steps.length === 0) problems.push('A repeat has no steps.');
    for (const step of item.steps) problems.push(...stepProblems(step, label(step), unit));
    planned += wholeTimes(item.times) * item.steps.length;
  }
  if (planned === 0) problems.unshift('The workout has no steps.');
  if (planned > MAX_PLANNED_STEPS) {
    problems.push(`The workout runs ${planned} steps; at most ${MAX_PLANNED_STEPS} fit in one workout.`);
  }
  return problems;
}

/** Seconds a step lasts at its planned speed; null when that needs a speed it has not got. */
export function plannedSeconds(step: Pick<PlannedStep, 'length' | 'speedKmh'>): number | null {
  if (step.length.kind === 'time') return step.length.seconds;
  return step.speedKmh === null ? null : step.length.metres / (step.speedKmh / 3.6);
}

/** Metres a step covers at its planned speed; null when that needs a speed it has not got. */
export function plannedMetres(step: Pick<PlannedStep, 'length' | 'speedKmh'>): number | null {
  if (step.length.kind === 'distance') return step.length.metres;
  return step.speedKmh === null ? null : step.length.seconds * (step.speedKmh / 3.6);
}

/** The whole plan's time and distance; either is null when a step without a speed leaves it unknown. */
export function plannedTotals(steps: readonly PlannedStep[]): { seconds: number | null; metres: number | null } {
  let seconds: number | null = 0;
  let metres: number | null = 0;
  for (const step of steps) {
    const s = plannedSeconds(step);
    const m = plannedMetres(step);
    seconds = seconds === null || s === null ? null : seconds + s;
    metres = metres === null || m === null ? null : metres + m;
  }
  return { seconds, metres };
}
