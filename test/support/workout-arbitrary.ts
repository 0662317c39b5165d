// Generated workouts as a runner's editor would make them: steps by whole seconds or by metres to
// the centimetre, speeds to 0.01 km/h (a treadmill's resolution), inclines to 0.1 %, whole
// cadences, repeats of one to four steps. Names are any text FIT's strings carry (no NUL).

import fc from 'fast-check';
import { type Workout, type WorkoutItem, type WorkoutStep, stepIntensities } from '../../src/workout/workout-types.js';

const bytesOf = (s: string): number => new TextEncoder().encode(s).length;
/**
 * Within the 100 bytes the export writes a name in (a longer one is cut, and said: tested apart),
 * and well-formed: FIT strings are UTF-8, which has no lone surrogate (no keyboard types one), and
 * Garmin's reader drops U+FFFD, the mark of text damaged before it reached us.
 */
const text = (max: number) =>
  fc.string({ unit: 'grapheme', maxLength: max }).filter((s) => !/[\0\uFFFD]/.test(s) && !/\p{Cs}/u.test(s) && bytesOf(s) <= 100);

export const workoutStepArb: fc.Arbitrary<WorkoutStep> = fc.record({
  kind: fc.constant('step' as const),
  name: text(20),
  intensity: fc.constantFrom(...stepIntensities),
  length: fc.oneof(
    fc.integer({ min: 1, max: 7200 }).map((seconds) => ({ kind: 'time' as const, seconds })),
    fc.integer({ min: 1, max: 4_200_000 }).map((cm) => ({ kind: 'distance' as const, metres: cm / 100 })),
  ),
  speedKmh: fc.option(fc.integer({ min: 100, max: 3000 }).map((n) => n / 100), { nil: null }),
  inclinePercent: fc.option(fc.integer({ min: -100, max: 300 }).map((n) => (n === 0 ? 0 : n / 10)), { nil: null }),
  cadence: fc.option(fc.integer({ min: 100, max: 230 }), { nil: null }),
});

export const workoutItemArb: fc.Arbitrary<WorkoutItem> = fc.oneof(
  { weight: 3, arbitrary: workoutStepArb },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('repeat' as const),
      times: fc.integer({ min: 1, max: 50 }),
      steps: fc.array(workoutStepArb, { minLength: 1, maxLength: 4 }),
    }),
  },
);

export const workoutArb: fc.Arbitrary<Workout> = fc.record({
  id: fc.uuid(),
  name: text(40).filter((s) => s !== ''),
  items: fc.array(workoutItemArb, { minLength: 1, maxLength: 8 }),
  origin: fc.constantFrom('mine' as const, 'imported' as const),
  updatedAt: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
});

/** Steps FIT writes for a workout: each step, plus one for each repeat. */
export const fitStepCount = (workout: Workout): number =>
  workout.items.reduce((n, item) => n + (item.kind === 'step' ? 1 : item.steps.length + 1), 0);
