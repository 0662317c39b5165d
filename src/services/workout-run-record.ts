// A workout in the recording going on: each step a lap, and the WorkoutMark on the run's meta with
// the sample time each step began, so the session page can draw the planned speed. A workout
// started before the recording is marked from the step going on when the recording starts; a
// recording that was already going gets a lap where the workout's first step began, so the
// running before the workout is not counted in that step's lap.

import type { Recorder } from '../session/recorder.js';
import type { WorkoutMark } from '../session/recorded-session.js';
import type { PlannedStep, Workout } from '../workout/workout-types.js';
import type { RecordingService } from './recording-service.js';

export class WorkoutRecord {
  #mark: WorkoutMark;
  /** The recording the mark is on; a recording started later gets a mark of its own. */
  #markedOn: Recorder | null = null;
  #step: PlannedStep | null = null;
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

  /** The workout is over: a recording started later is not marked with it. */
  close(): void {
    this.recording.removeEventListener('change', this.#onChange);
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
    if (this.#markedOn !== recorder) this.#mark = { ...this.#mark, steps: [] };
    this.#markedOn = recorder;
    const { name, speedKmh, inclinePercent, cadence } = step;
    this.#mark = { ...this.#mark, steps: [...this.#mark.steps, { fromT: recorder.elapsedS, name, speedKmh, inclinePercent, cadence }] };
    recorder.setWorkout(this.#mark);
    // Every step is a lap, the first one too when the recording was already going (what ran
    // before it is not the workout). Last: the lap is news the recording passes on, heard here.
    if (recorder.elapsedS > 0) recorder.lap();
  }
}
