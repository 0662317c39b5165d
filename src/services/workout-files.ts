// The work behind the Workouts page and Settings → Treadmill workouts: the runner's own and
// imported workouts and the workout settings in the store, and FIT workout files both ways (the
// Garmin SDK loaded only when a file is read or written). Every outcome is in words; a failure
// comes back as a sentence, never as an exception.
import type { Workout } from '../workout/workout-types.js';
import { deleteWorkout, loadWorkoutSettings, loadWorkouts, saveWorkout, saveWorkoutSettings } from '../store/workout-store.js';
import type { WorkoutSettings } from '../store/workout-settings.js';

export type { WorkoutSettings };

/** What became of one file, or one action, in words. */
export interface FileOutcome {
  fileName: string;
  ok: boolean;
  message: string;
}

/** The runner's workouts, and a sentence for each that could not be read (or the store). */
export interface MyWorkouts {
  workouts: Workout[];
  problems: string[];
}

/** Newest change first: the workout just made or changed is at the top. */
const newestFirst = (workouts: readonly Workout[]): Workout[] => [...workouts].sort((a, b) => b.updatedAt - a.updatedAt);

export async function loadMyWorkouts(): Promise<MyWorkouts> {
  const { workouts, problems } = await loadWorkouts();
  return { workouts: newestFirst(workouts), problems };
}

/** Saves (adds or replaces by id) and reads the list again; `problem` says what went wrong, if anything. */
export async function saveMyWorkout(workout: Workout): Promise<MyWorkouts & { problem: string | null }> {
  const problem = await saveWorkout(workout);
  return { ...(await loadMyWorkouts()), problem };
}

export async function deleteMyWorkout(id: string): Promise<MyWorkouts & { problem: string | null }> {
  const problem = await deleteWorkout(id);
  return { ...(await loadMyWorkouts()), problem };
}

/** Each file read as a FIT workout and saved among the runner's own; one outcome per file. */
export async function importWorkoutFiles(files: readonly File[]): Promise<{ outcomes: FileOutcome[] } & MyWorkouts> {
  const { decodeFitWorkout } = await import('../export/fit-workout.js');
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    try {
      const workout = decodeFitWorkout(new Uint8Array(await file.arrayBuffer()));
      const problem = await saveWorkout(workout);
      outcomes.push(problem ? { fileName: file.name, ok: false, message: problem } : { fileName: file.name, ok: true, message: `Imported “${workout.name}”.` });
    } catch (error) {
      outcomes.push({ fileName: file.name, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { outcomes, ...(await loadMyWorkouts()) };
}

/** A file name from the workout's name: letters, digits and dashes, never empty. */
export function workoutFileName(name: string): string {
  const base = name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').slice(0, 60);
  return `${base || 'workout'}.fit`;
}

/** The workout as a FIT workout file, and what the file cannot hold, in words. */
export async function workoutFitFile(workout: Workout): Promise<{ blob: Blob; fileName: string; notes: string[] }> {
  const { encodeFitWorkout } = await import('../export/fit-workout.js');
  const { bytes, notes } = encodeFitWorkout(workout);
  return { blob: new Blob([bytes], { type: 'application/vnd.ant.fit' }), fileName: workoutFileName(workout.name), notes };
}

export async function loadMyWorkoutSettings(): Promise<{ settings: WorkoutSettings; problems: string[] }> {
  return loadWorkoutSettings();
}

/** Applies `change` to the stored settings (read again first, so a lag learned meanwhile is kept). */
export async function changeWorkoutSettings(change: Partial<WorkoutSettings>): Promise<{ settings: WorkoutSettings; problem: string | null }> {
  const { settings } = await loadWorkoutSettings();
  const next = { ...settings, ...change };
  const problem = await saveWorkoutSettings(next);
  return { settings: problem ? settings : next, problem };
}
