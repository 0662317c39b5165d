// Generated workouts for the workout rules' invariants: steps by time or distance, with or
// without a speed, incline and cadence, and repeats, always within what workoutProblems allows.
import fc from 'fast-check';
import type { WorkoutItem, WorkoutStep, Workout } from '../../src/workout/workout-types.js';

const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);

export const workoutStep = (
  speed: fc.Arbitrary<number | null> = fc.option(tenths(4, 20), { nil: null }),
  longest = { seconds: 900, metres: 3000 },
): fc.Arbitrary<WorkoutStep> =>
  fc.record({
    kind: fc.constant('step' as const),
    name: fc.constantFrom('Hard', 'Easy', 'Hill', ''),
    intensity: fc.constantFrom('warmup' as const, 'active' as const, 'recovery' as const, 'cooldown' as const),
    length: fc.oneof(
      fc.integer({ min: 5, max: longest.seconds }).map((seconds) => ({ kind: 'time' as const, seconds })),
      fc.integer({ min: 20, max: longest.metres }).map((metres) => ({ kind: 'distance' as const, metres })),
    ),
    speedKmh: speed,
    inclinePercent: fc.option(tenths(-3, 12), { nil: null }),
    cadence: fc.option(fc.integer({ min: 150, max: 190 }), { nil: null }),
  });

export const workoutOf = (step: fc.Arbitrary<WorkoutStep>): fc.Arbitrary<Workout> =>
  fc
    .array(
      fc.oneof(
        step,
        fc.record({ kind: fc.constant('repeat' as const), times: fc.integer({ min: 1, max: 4 }), steps: fc.array(step, { minLength: 1, maxLength: 3 }) }),
      ) as fc.Arbitrary<WorkoutItem>,
      { minLength: 1, maxLength: 6 },
    )
    .map((items) => ({ id: 'generated', name: 'Generated', items, origin: 'mine' as const, updatedAt: 0 }));

/** Any workout the editor could save. */
export const generatedWorkout = workoutOf(workoutStep());

/** A workout whose every step runs at one speed (so a steady run follows its plan exactly). */
export const steadyWorkout = tenths(4, 20).chain((kmh) => workoutOf(workoutStep(fc.constant(kmh))).map((workout) => ({ workout, kmh })));

/** Workouts of short steps (up to 2 min or 400 m), for rules checked tick by tick. */
export const shortWorkout = workoutOf(workoutStep(undefined, { seconds: 120, metres: 400 }));
