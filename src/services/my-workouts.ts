// The runner's own and imported workouts and the workout settings, for pages (the Workouts page,
// Settings) that never reach the store or Garmin's SDK themselves. The store and the FIT code load
// on first use, so nothing here weighs on the first load; every failure becomes `message`, a
// sentence, never an exception.
//
// Events: 'change'.

import type { WorkoutSettings } from '../store/workout-settings.js';
import type { Workout } from '../workout/workout-types.js';

export type { WorkoutSettings } from '../store/workout-settings.js';

const store = () => import('../store/workout-store.js');

export class MyWorkouts extends EventTarget {
  #workouts: Workout[] = [];
  #settings: WorkoutSettings | null = null;
  #problems: string[] = [];
  #damaged = 0;
  #message: string | null = null;

  get workouts(): readonly Workout[] {
    return this.#workouts;
  }
  /** Null until loaded. */
  get settings(): WorkoutSettings | null {
    return this.#settings;
  }
  /** What could not be read (a damaged workout, a settings field that fell back), one sentence each. */
  get problems(): readonly string[] {
    return this.#problems;
  }
  /** Stored workouts that could not be read: the page offers `discardDamaged` when above 0. */
  get damaged(): number {
    return this.#damaged;
  }
  /** The last thing that happened (saved, imported, refused), in words; null when nothing to say. */
  get message(): string | null {
    return this.#message;
  }

  async load(): Promise<void> {
    const { loadWorkouts, loadWorkoutSettings } = await store();
    const [workouts, settings] = await Promise.all([loadWorkouts(), loadWorkoutSettings()]);
    this.#workouts = workouts.workouts;
    this.#damaged = workouts.damaged;
    this.#settings = settings.settings;
    this.#problems = [...workouts.problems, ...settings.problems];
    this.#changed();
  }

  /** Saves (adds or replaces by id) and reads the list again; false with `message` when it failed. */
  async save(workout: Workout): Promise<boolean> {
    return this.#done(await (await store()).saveWorkout({ ...workout, updatedAt: Date.now() }), `Saved “${workout.name}”.`);
  }

  async remove(workout: Workout): Promise<boolean> {
    return this.#done(await (await store()).deleteWorkout(workout.id), `Deleted “${workout.name}”.`);
  }

  /** The runner's choice, after reading `problems`: what could not be read is dropped for good. */
  async discardDamaged(): Promise<boolean> {
    return this.#done(await (await store()).discardDamagedWorkouts(), 'The damaged workouts were discarded.');
  }

  async saveSettings(change: Partial<WorkoutSettings>): Promise<boolean> {
    return this.#done(await (await store()).changeWorkoutSettings(change), null);
  }

  /**
   * The workout as a FIT file named by the export's time (a library workout never changed is at 0,
   * 1970), and what FIT could not hold (in `message` too); null with `message` when it cannot be written.
   */
  async exportFit(workout: Workout): Promise<{ blob: Blob; fileName: string; notes: string[] } | null> {
    try {
      const [{ encodeFitWorkout }, { workoutFileName }] = await Promise.all([import('../export/fit-workout.js'), import('../export/download-name.js')]);
      const { bytes, notes } = encodeFitWorkout(workout);
      this.#message = notes.length > 0 ? notes.join(' ') : null;
      this.#changed();
      return { blob: new Blob([bytes], { type: 'application/vnd.ant.fit' }), fileName: workoutFileName(Date.now()), notes };
    } catch (error) {
      this.#say(`“${workout.name}” could not be exported: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /**
   * Reads a FIT workout file and saves it as an imported workout, `message` saying what was made of
   * steps it could not take as they were (a lap-button warm-up given a time); null with `message`
   * saying why not.
   */
  async importFit(file: Blob & { name?: string }): Promise<Workout | null> {
    let workout: Workout;
    let notes: string[];
    try {
      const { decodeFitWorkout } = await import('../export/fit-workout.js');
      ({ workout, notes } = decodeFitWorkout(new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      const what = file.name ? `${file.name}: ` : '';
      this.#say(`${what}${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    return (await this.save(workout)) ? (this.#say([`Imported “${workout.name}”.`, ...notes].join(' ')), workout) : null;
  }

  /** Forgets the last message (the runner has read it). */
  dismissMessage(): void {
    this.#say(null);
  }

  async #done(problem: string | null, said: string | null): Promise<boolean> {
    if (problem === null) await this.load();
    this.#say(problem ?? said);
    return problem === null;
  }

  #say(message: string | null): void {
    this.#message = message;
    this.#changed();
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
