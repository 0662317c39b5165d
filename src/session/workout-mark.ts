// A workout mark read back from a backup is checked field by field: the session page draws the
// planned speed from it, so a damaged one is dropped and the run stays, as an ordinary run.

import type { WorkoutMark, WorkoutMarkPause, WorkoutMarkStep } from './recorded-session.js';

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const numberOrNull = (value: unknown): value is number | null => value === null || finite(value);

function stepFrom(value: unknown): WorkoutMarkStep | null {
  if (typeof value !== 'object' || value === null) return null;
  const { fromT, name, speedKmh, inclinePercent, cadence } = value as Record<string, unknown>;
  if (!finite(fromT) || typeof name !== 'string') return null;
  if (!numberOrNull(speedKmh) || !numberOrNull(inclinePercent) || !numberOrNull(cadence)) return null;
  return { fromT, name, speedKmh, inclinePercent, cadence };
}

function pauseFrom(value: unknown): WorkoutMarkPause | null {
  if (typeof value !== 'object' || value === null) return null;
  const { fromT, toT } = value as Record<string, unknown>;
  if (!finite(fromT) || !numberOrNull(toT) || (toT !== null && toT < fromT)) return null;
  return { fromT, toT };
}

/** The mark when every field is one a workout run can have; null otherwise. */
export function workoutMarkFrom(value: unknown): WorkoutMark | null {
  if (typeof value !== 'object' || value === null) return null;
  const { workoutId, name, steps, toT, pauses } = value as Record<string, unknown>;
  if (typeof workoutId !== 'string' || typeof name !== 'string' || !Array.isArray(steps)) return null;
  // Both optional: marks recorded before they were kept have neither.
  if (toT !== undefined && !finite(toT)) return null;
  if (pauses !== undefined && !Array.isArray(pauses)) return null;
  const checked = steps.map(stepFrom);
  if (checked.some((s) => s === null)) return null;
  const checkedPauses = pauses?.map(pauseFrom);
  if (checkedPauses?.some((p) => p === null)) return null;
  return {
    workoutId,
    name,
    steps: checked as WorkoutMarkStep[],
    ...(toT !== undefined ? { toT } : {}),
    ...(checkedPauses !== undefined ? { pauses: checkedPauses as WorkoutMarkPause[] } : {}),
  };
}

/** The same details, with a damaged workout mark left out. */
export function withValidWorkoutMark<T extends { workout?: WorkoutMark }>(meta: T): T {
  if (meta.workout === undefined || workoutMarkFrom(meta.workout) !== null) return meta;
  const { workout: _, ...rest } = meta;
  return rest as T;
}
