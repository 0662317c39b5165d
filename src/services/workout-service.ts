// Treadmill workouts for the pages: the workout going on and the runner's presses. The first load
// carries only this front; the rules and the runner that drives the belt (workout-run.ts) load
// with the first Start.
//
// Events: 'change'.

import type { Workout } from '../workout/workout-types.js';
import type { WorkoutRun } from './workout-run.js';
import type { WorkoutParts, WorkoutView } from './workout-view.js';

export type { WorkoutParts, WorkoutView } from './workout-view.js';


const presses = ['confirm', 'pause', 'resume', 'stop', 'skip'] as const;

export interface WorkoutService {
  confirm(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
  skip(): Promise<void>;
}

export class WorkoutService extends EventTarget {
  view: WorkoutView = { workout: null, phase: 'idle', mode: 'voice', modeReason: null, steps: [], position: null, beltTargetKmh: null, inclineTarget: null, message: null, lagS: null };
  #run: WorkoutRun | null = null;
  #loading: Promise<WorkoutRun> | null = null;
  /** Stops pressed so far: a start still loading when one is pressed never begins. */
  #stops = 0;

  // Made in one loop rather than written out: this class is in the first load.
  static {
    for (const name of presses) {
      this.prototype[name] = function (this: WorkoutService): Promise<void> {
        if (name === 'stop') this.#stops += 1;
        return this.#run?.[name]() ?? Promise.resolve();
      };
    }
  }

  constructor(private readonly parts: WorkoutParts) {
    super();
  }

  /** Starts `workout`; the first time on a treadmill the phase is 'confirm' until confirm(). */
  start(workout: Workout): Promise<void> {
    const stops = this.#stops;
    const stopped = (): boolean => this.#stops !== stops;
    this.#loading ??= import('./workout-run.js').then(({ WorkoutRun }) => (this.#run = new WorkoutRun(this.parts, (view) => this.#show(view))));
    return this.#loading.then(
      (run) => run.start(workout, stopped),
      (error: unknown) => this.#show({ ...this.view, message: `The workout could not be loaded (${String(error)}). Reload the page.` }),
    );
  }

  /** Leaves the confirmation without starting; nothing was sent. */
  cancel(): void {
    this.#run?.cancel();
  }

  #show(view: WorkoutView): void {
    this.view = view;
    this.dispatchEvent(new Event('change'));
  }
}
