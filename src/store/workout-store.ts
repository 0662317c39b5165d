// The runner's own and imported workouts under one key, `workouts`, and the workout settings under
// `workout-settings`; the backup carries both with the other stored values, and the store check
// (which looks at sessions only) leaves them alone. Reads and writes never throw at the caller: a
// failure comes back as a sentence.
//
// A damaged workout is left out of the list and said, but stays stored exactly as it was: saving
// or deleting another workout keeps it (each change is a read-modify-write of the raw list in one
// transaction), so nothing is lost without the runner choosing `discardDamagedWorkouts`.

import { get, promisifyRequest, setMany } from 'idb-keyval';
import type { Workout } from '../workout/workout-types.js';
import { SCHEMA_KEY, SCHEMA_VERSION, inOneTransaction, kvStore } from './kv.js';
import { describeStoreError } from './store-errors.js';
import { checkWorkout, workoutLabel } from './workout-check.js';
import { type WorkoutSettings, defaultWorkoutSettings, workoutSettingsFrom } from './workout-settings.js';

export const WORKOUTS_KEY = 'workouts';
export const WORKOUT_SETTINGS_KEY = 'workout-settings';

export interface LoadedWorkouts {
  workouts: Workout[];
  /** One sentence per workout left out (or the whole list damaged, or unreadable). */
  problems: string[];
  /** Stored values that are not usable workouts, kept until the runner discards them. */
  damaged: number;
}

const keptStored = ' It stays stored as it is: restore a backup to get it back, or discard it.';
const listDamaged =
  'The stored list of workouts is damaged, so none of them can be shown. Restore a backup to get them back, or discard the damaged list to start a new one.';

export async function loadWorkouts(): Promise<LoadedWorkouts> {
  try {
    return workoutsIn(await get(WORKOUTS_KEY, kvStore()));
  } catch (error) {
    return { workouts: [], problems: [`Your workouts could not be read: ${describeStoreError(error)}`], damaged: 0 };
  }
}

function workoutsIn(stored: unknown): LoadedWorkouts {
  if (stored === undefined) return { workouts: [], problems: [], damaged: 0 };
  if (!Array.isArray(stored)) return { workouts: [], problems: [listDamaged], damaged: 1 };
  const workouts: Workout[] = [];
  const problems: string[] = [];
  stored.forEach((value: unknown, i) => {
    const checked = checkWorkout(value);
    if (checked.ok) workouts.push(checked.workout);
    else problems.push(`Workout ${workoutLabel(value, i + 1)} is damaged (${checked.problem}), so it is left out.${keptStored}`);
  });
  return { workouts, problems, damaged: stored.length - workouts.length };
}

/** Stored form changed by `change` (given the raw list), with the schema beside it, in one transaction. */
async function changeList(change: (raw: readonly unknown[]) => unknown[], failed: string): Promise<string | null> {
  try {
    return await inOneTransaction('readwrite', async (store) => {
      const stored: unknown = await promisifyRequest(store.get(WORKOUTS_KEY));
      // Writing over a list that is not one would lose it without a word.
      if (stored !== undefined && !Array.isArray(stored)) return listDamaged;
      store.put(change(Array.isArray(stored) ? stored : []), WORKOUTS_KEY);
      store.put(SCHEMA_VERSION, SCHEMA_KEY);
      return null;
    });
  } catch (error) {
    return `${failed}: ${describeStoreError(error)}`;
  }
}

const idOf = (value: unknown): unknown => (typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined);

/** Adds the workout, or replaces the one with its id; a problem sentence when that failed, else null. */
export function saveWorkout(workout: Workout): Promise<string | null> {
  const checked = checkWorkout(workout);
  if (!checked.ok) return Promise.resolve(`The workout could not be saved because ${checked.problem}.`);
  return changeList((raw) => {
    const at = raw.findIndex((value) => idOf(value) === workout.id);
    return at < 0 ? [...raw, checked.workout] : raw.map((value, i) => (i === at ? checked.workout : value));
  }, `The workout “${workout.name}” could not be saved`);
}

export function deleteWorkout(id: string): Promise<string | null> {
  return changeList((raw) => raw.filter((value) => idOf(value) !== id), 'The workout could not be deleted');
}

/** The runner's choice: drops what could not be read (a damaged list as a whole), keeps every good workout. */
export async function discardDamagedWorkouts(): Promise<string | null> {
  try {
    await inOneTransaction('readwrite', async (store) => {
      const stored: unknown = await promisifyRequest(store.get(WORKOUTS_KEY));
      const kept = Array.isArray(stored) ? stored.filter((value) => checkWorkout(value).ok) : [];
      store.put(kept, WORKOUTS_KEY);
      store.put(SCHEMA_VERSION, SCHEMA_KEY);
    });
    return null;
  } catch (error) {
    return `The damaged workouts could not be discarded: ${describeStoreError(error)}`;
  }
}

export async function loadWorkoutSettings(): Promise<{ settings: WorkoutSettings; problems: string[] }> {
  try {
    return workoutSettingsFrom(await get(WORKOUT_SETTINGS_KEY, kvStore()));
  } catch (error) {
    return {
      settings: defaultWorkoutSettings(),
      problems: [`The workout settings could not be read, so the defaults are in use: ${describeStoreError(error)}`],
    };
  }
}

/** A problem sentence when the settings could not be saved, else null. */
export async function saveWorkoutSettings(settings: WorkoutSettings): Promise<string | null> {
  const checked = workoutSettingsFrom(settings);
  if (checked.problems.length > 0) return 'The workout settings could not be saved: one of them is not a proper value. Nothing was changed.';
  try {
    await setMany([[SCHEMA_KEY, SCHEMA_VERSION], [WORKOUT_SETTINGS_KEY, checked.settings]], kvStore());
    return null;
  } catch (error) {
    return `The workout settings could not be saved: ${describeStoreError(error)} They apply until you close this tab.`;
  }
}

/**
 * Changes some settings and keeps the rest as stored, in one transaction, so a lag the runner's
 * workout learned in another tab is not written over by a change made in Settings. `change` may be
 * worked out from the stored settings (one treadmill's lag added to the others'). A damaged field
 * not being changed falls back to its default here, as it read. Null, or a problem sentence.
 */
export async function changeWorkoutSettings(
  change: Partial<WorkoutSettings> | ((stored: WorkoutSettings) => Partial<WorkoutSettings>),
): Promise<string | null> {
  try {
    return await inOneTransaction('readwrite', async (store) => {
      const stored = workoutSettingsFrom(await promisifyRequest(store.get(WORKOUT_SETTINGS_KEY))).settings;
      const checked = workoutSettingsFrom({ ...stored, ...(typeof change === 'function' ? change(stored) : change) });
      if (checked.problems.length > 0) return 'The workout settings could not be saved: one of them is not a proper value. Nothing was changed.';
      store.put(checked.settings, WORKOUT_SETTINGS_KEY);
      store.put(SCHEMA_VERSION, SCHEMA_KEY);
      return null;
    });
  } catch (error) {
    return `The workout settings could not be saved: ${describeStoreError(error)} They apply until you close this tab.`;
  }
}
