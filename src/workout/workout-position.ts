// Where a run is in its workout: which step, how far into it, what is left, and how much of the
// whole is done. Pure: from the workout's own running time (pauses left out) and the distance
// covered since it started.

import { plannedSeconds } from './workout-plan.js';
import type { PlannedStep } from './workout-types.js';

export interface WorkoutPosition {
  stepIndex: number;
  /** Past the last step: stepIndex is the last one, its time or distance left 0, fraction 1. */
  done: boolean;
  stepElapsedS: number;
  stepCoveredM: number;
  /** Time left in a step by time; null in a step by distance. */
  leftS: number | null;
  /** Distance left in a step by distance; null in a step by time. */
  leftM: number | null;
  /** Of the whole workout, 0..1: by time where the plan is by time, a distance step by its distance. */
  fraction: number;
}

export interface WorkoutProgress {
  seconds: number;
  metres: number;
}

/**
 * Where a step began, as the runner saw it. A step by distance ends at a time the plan cannot
 * know (and a time step at an unknown distance), and a skipped step ends when the runner says, so
 * the runner keeps the start of the step it is in and passes it back. Steps after it are placed
 * at a steady pace between that start and now, which is exact while nothing changes in between.
 */
export interface StepStart extends WorkoutProgress {
  stepIndex: number;
}

export const WORKOUT_START: StepStart = { stepIndex: 0, seconds: 0, metres: 0 };

/** Speed at which a distance step with no speed of its own weighs in the fraction, without others to go by. */
const FALLBACK_KMH = 10;

const nonNegative = (value: number): number => (value > 0 && Number.isFinite(value) ? value : 0);

/**
 * Boundary rule: a step of 180 s covers [start, start + 180); at exactly 180 s the next step is
 * current (and the same for metres).
 */
export function positionAt(steps: readonly PlannedStep[], progress: WorkoutProgress, from: StepStart = WORKOUT_START): WorkoutPosition {
  const last = steps.length - 1;
  const finished = { stepIndex: Math.max(0, last), done: true, stepElapsedS: 0, stepCoveredM: 0, leftS: null, leftM: null, fraction: 1 };
  const now = { seconds: nonNegative(progress.seconds), metres: nonNegative(progress.metres) };
  let start = { seconds: Math.min(nonNegative(from.seconds), now.seconds), metres: Math.min(nonNegative(from.metres), now.metres) };
  const first = Math.max(0, Math.floor(from.stepIndex) || 0);
  const weights = stepWeights(steps);
  const total = sum(weights);
  let doneWeight = sum(weights.slice(0, first));
  for (let i = first; i <= last; i++) {
    const { length } = steps[i]!;
    const byTime = length.kind === 'time';
    const size = byTime ? length.seconds : length.metres;
    const at = byTime ? now.seconds - start.seconds : now.metres - start.metres;
    // A step start the runner kept is now minus what the step covered, which can lose the last bits:
    // a step reached to within a few rounding steps of where the run stands counts as reached (else a
    // done distance step came back as 0.9999999999999998 of the way, going backwards).
    const tolerance = 8 * Number.EPSILON * Math.max(1, byTime ? now.seconds : now.metres);
    const current = at < size - tolerance;
    // A step ends where its own measure reaches its size; the other measure there lies on a steady
    // line from the step's start to now.
    const end = current ? now : along(start, now, at > 0 ? Math.max(0, size) / at : 0);
    if (current || i === last) {
      const left = current ? size - at : 0;
      return {
        stepIndex: i,
        done: !current,
        stepElapsedS: end.seconds - start.seconds,
        stepCoveredM: end.metres - start.metres,
        leftS: byTime ? left : null,
        leftM: byTime ? null : left,
        fraction: current ? Math.min(1, (doneWeight + (weights[i]! * at) / size) / total) : 1,
      };
    }
    doneWeight += weights[i]!;
    start = end;
  }
  return finished;
}

/** The point a share of the way from one progress to another (a steady pace in between). */
const along = (a: WorkoutProgress, b: WorkoutProgress, share: number): WorkoutProgress => ({
  seconds: a.seconds + (b.seconds - a.seconds) * share,
  metres: a.metres + (b.metres - a.metres) * share,
});

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Each step's planned seconds; a distance step with no speed at the mean speed of those with one. */
function stepWeights(steps: readonly PlannedStep[]): number[] {
  const speeds = steps.map((s) => s.speedKmh).filter((v): v is number => v !== null && v > 0);
  const kmh = speeds.length > 0 ? sum(speeds) / speeds.length : FALLBACK_KMH;
  return steps.map((step) => nonNegative(plannedSeconds(step) ?? (step.length.kind === 'distance' ? step.length.metres / (kmh / 3.6) : 0)));
}
