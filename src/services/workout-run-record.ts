// A workout in the recording going on: each step a lap, and the WorkoutMark on the run's meta with
// the sample time each step began, so the session page can draw the planned speed. A workout
// started before the recording is marked from the step going on when the recording has one.

import type { WorkoutMark } from '../session/recorded-session.js';
import type { PlannedStep, Workout } from '../workout/workout-types.js';
import type { RecordingService } from './recording-service.js';

export class WorkoutRecord {
  #mark: WorkoutMark;

  constructor(
    private readonly recording: RecordingService,
    workout: Workout,
  ) {
    this.#mark = { workoutId: workout.id, name: workout.name, steps: [] };
  }

  /** Step `step` began; `lap`: a new lap (not for the workout's first step, which begins the run's). */
  stepBegan(step: PlannedStep, lap: boolean): void {
    const recorder = this.recording.recorder;
    const state = this.recording.state;
    if (!recorder || (state !== 'recording' && state !== 'paused')) return;
    if (lap) recorder.lap();
    const { name, speedKmh, inclinePercent, cadence } = step;
    this.#mark = { ...this.#mark, steps: [...this.#mark.steps, { fromT: recorder.elapsedS, name, speedKmh, inclinePercent, cadence }] };
    recorder.setWorkout(this.#mark);
  }
}
