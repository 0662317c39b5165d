// A workout in the recording going on: each step a lap, and the WorkoutMark on the run's meta with
// the sample time each step began, so the session page can draw the planned speed. A workout
// started before the recording is marked from the step going on when the recording starts; a
// recording that was already going gets a lap where the workout's first step began, so the
// running before the workout is not counted in that step's lap. The mark also keeps the workout's
// own pauses and where it ended, so the planned speed is drawn only where the plan ran.

import type { Recorder } from '../session/recorder.js';
import type { WorkoutMark } from '../session/recorded-session.js';
import { endedWorkoutMark } from '../session/workout-mark-end.js';
import type { PlannedStep, Workout } from '../workout/workout-types.js';
import type { RecordingService } from './recording-service.js';

export class WorkoutRecord {
  #mark: WorkoutMark;
  /** The recording the mark is on; a recording started later gets a mark of its own. */
  #markedOn: Recorder | null = null;
  #step: PlannedStep | null = null;
  /** The workout stands paused (or waits for the belt after a Resume): its clock does not run. */
  #paused = false;
  readonly #onChange = (): void => this.#markStepGoingOn();

  constructor(
    private readonly recording: RecordingService,
    workout: Workout,
  ) {
    this.#mark = { workoutId: workout.id, name: workout.name, steps: [] };
    recording.addEventListener('change', this.#onChange);
  }

  /** Step `step` began. */
  stepBegan(step: PlannedStep): void {
    this.#step = step;
    const recorder = this.#recorder();
    if (recorder) this.#add(recorder, step);
  }

  /** Whether the workout's clock runs; told on every change of the workout, acted on when it flips. */
  paused(paused: boolean): void {
    if (paused === this.#paused) return;
    this.#paused = paused;
    const recorder = this.#recorder();
    if (!recorder || this.#markedOn !== recorder) return;
    const pauses = this.#mark.pauses ?? [];
    const t = recorder.elapsedS;
    this.#set(recorder, {
      ...this.#mark,
      pauses: paused ? [...pauses, { fromT: t, toT: null }] : pauses.map((p) => (p.toT === null ? { ...p, toT: Math.max(p.fromT, t) } : p)),
    });
  }

  /** The workout is over (finished or stopped): the mark ends here, and a recording started later is not marked with it. */
  close(): void {
    this.recording.removeEventListener('change', this.#onChange);
    const recorder = this.#recorder();
    if (recorder && this.#markedOn === recorder) this.#set(recorder, endedWorkoutMark(this.#mark, recorder.elapsedS));
  }

  /** A recording started (or picked up) during the workout is marked from the step going on. */
  #markStepGoingOn(): void {
    const recorder = this.#recorder();
    if (recorder && this.#step && this.#markedOn !== recorder) this.#add(recorder, this.#step);
  }

  #recorder(): Recorder | null {
    const recorder = this.recording.recorder;
    const state = this.recording.state;
    return recorder && (state === 'recording' || state === 'paused') ? recorder : null;
  }

  #add(recorder: Recorder, step: PlannedStep): void {
    const t = recorder.elapsedS;
    if (this.#markedOn !== recorder) {
      const { workoutId, name } = this.#mark;
      // A recording picked up during a pause is marked paused from its first moment.
      this.#mark = { workoutId, name, steps: [], ...(this.#paused ? { pauses: [{ fromT: t, toT: null }] } : {}) };
    }
    this.#markedOn = recorder;
    const { name, speedKmh, inclinePercent, cadence } = step;
    this.#set(recorder, { ...this.#mark, steps: [...this.#mark.steps, { fromT: t, name, speedKmh, inclinePercent, cadence }] });
    // Every step is a lap, the first one too when the recording was already going (what ran
    // before it is not the workout). Last: the lap is news the recording passes on, heard here.
    if (recorder.elapsedS > 0) recorder.lap();
  }

  #set(recorder: Recorder, mark: WorkoutMark): void {
    this.#mark = mark;
    recorder.setWorkout(mark);
  }
}
