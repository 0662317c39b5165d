// The program's tests are run at one fixed belt speed; on a treadmill that can be driven, that
// speed is set through the workout runner (its confirmation, its clamping, its safety rules), as a
// one-step workout, never by a path of its own. The test's recording ending (Stop, Cancel) ends
// that workout, which stops the belt as the workout's own Stop does. A treadmill that cannot be
// driven is left alone: a test is cue-free, so no voice tells the runner to set the speed.

import { TEST_S, WARM_UP_S } from '../program/session-plan.js';
import type { ActiveProgramRun } from '../program/program-types.js';
import type { Workout } from '../workout/workout-types.js';
import type { SensorService } from './sensor-service.js';
import { PROGRAM_TEST_ON, PROGRAM_TEST_WORKOUT } from './program-test-workout.js';
import { voiceReason } from './workout-mode.js';
import type { WorkoutService } from './workout-service.js';

const testNames = { baseline: 'Baseline test', 'end-of-block': 'End-of-block test', 'one-week': 'One-week test', 'four-weeks': 'Four-week test' } as const;
/** The belt holds the test's speed well past the test: the runner stops it, or Stop does. */
const MARGIN_S = 600;

export { PROGRAM_TEST_ON, PROGRAM_TEST_WORKOUT };
/** A program test's Start refused while a workout is going on: the belt is the workout's. */
export const WORKOUT_ON = 'A workout is going on: finish or leave it first.';

export function programTestWorkout(run: ActiveProgramRun, speedMps: number): Workout {
  return {
    id: PROGRAM_TEST_WORKOUT,
    name: testNames[run.test ?? 'baseline'],
    origin: 'library',
    updatedAt: run.startedAtMs,
    items: [
      {
        kind: 'step',
        name: testNames[run.test ?? 'baseline'],
        intensity: 'active',
        length: { kind: 'time', seconds: WARM_UP_S + TEST_S + MARGIN_S },
        // The belt takes hundredths of a km/h: the speed the test is judged at, not a rounding of it.
        speedKmh: Math.round(speedMps * 360) / 100,
        inclinePercent: null,
        cadence: null,
      },
    ],
  };
}

export class ProgramBelt {
  constructor(
    private readonly workouts: WorkoutService,
    private readonly sensors: SensorService,
  ) {}

  /**
   * The runner pressed Start (of the test's recording, or of the test with a recording going): its
   * belt speed is set when the treadmill can be driven. Never called for a run merely followed
   * (auto-start, a run picked up, a tab shown again): nothing but a press moves the belt.
   */
  begin(run: ActiveProgramRun, speedMps: number | null): void {
    const going = this.workouts.view.phase;
    if (run.kind !== 'test' || speedMps === null || !(speedMps > 0)) return;
    if (going === 'starting' || going === 'running' || going === 'paused' || voiceReason(this.sensors.source('treadmill')) !== null) return;
    void this.workouts.start(programTestWorkout(run, speedMps));
  }

  /** Why a test cannot be started now (a workout of the runner's drives the belt), or null. */
  refusal(): string | null {
    const { workout, phase } = this.workouts.view;
    const going = phase === 'confirm' || phase === 'starting' || phase === 'running' || phase === 'paused';
    return going && workout?.id !== PROGRAM_TEST_WORKOUT ? WORKOUT_ON : null;
  }

  /**
   * The test's run ended: its workout ends with it, and the belt it set is stopped even when the
   * one-step workout already ran out (the belt kept the test's speed). Nothing is sent when there
   * was no workout, or the app no longer holds the treadmill.
   */
  end(): void {
    const { workout, phase } = this.workouts.view;
    if (workout?.id !== PROGRAM_TEST_WORKOUT) return;
    if (phase === 'confirm') this.workouts.cancel();
    else if (phase === 'starting' || phase === 'running' || phase === 'paused' || phase === 'finished') void this.workouts.stop();
  }
}
