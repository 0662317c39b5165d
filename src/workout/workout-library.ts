// The library: a few workouts every runner can start, with speeds from the runner's own easy pace
// (from their runs, or typed), never from absolute defaults that are too fast for one runner and
// too slow for the next.

import { runsLookedAt, usualBand } from '../coach/usual-pace.js';
import { SPEED_BAND_MPS, type SessionSummary } from '../session/recorded-session.js';
import type { StepIntensity, Workout, WorkoutItem, WorkoutStep } from './workout-types.js';

/** Easy paces the library is built for (km/h): slower is a walk, faster is not an easy pace. */
export const EASY_KMH = { min: 4, max: 20 } as const;

const minutes = (n: number): WorkoutStep['length'] => ({ kind: 'time', seconds: n * 60 });

/** Whole tenths of a km/h, as a belt is set. */
const tenth = (kmh: number): number => Math.round(kmh * 10) / 10;

/** Speeds in each workout are these shares of the easy pace. */
function stepsAt(easyKmh: number) {
  const step = (name: string, intensity: StepIntensity, mins: number, share: number, incline: number | null = null, cadence: number | null = null): WorkoutStep => ({
    kind: 'step',
    name,
    intensity,
    length: minutes(mins),
    speedKmh: tenth(easyKmh * share),
    inclinePercent: incline,
    cadence,
  });
  const repeat = (times: number, steps: WorkoutStep[]): WorkoutItem => ({ kind: 'repeat', times, steps });
  return { step, repeat };
}

/** The easy pace the library is built from (km/h): the runner's, held to EASY_KMH. */
export const libraryEasyKmh = (easyKmh: number): number =>
  Math.min(EASY_KMH.max, Math.max(EASY_KMH.min, Number.isFinite(easyKmh) ? easyKmh : EASY_KMH.min));

/** The library at an easy pace in km/h (held to EASY_KMH). */
export function libraryWorkouts(easyKmh: number): Workout[] {
  const easy = libraryEasyKmh(easyKmh);
  const { step, repeat } = stepsAt(easy);
  const workout = (slug: string, name: string, items: WorkoutItem[]): Workout => ({ id: `library-${slug}`, name, items, origin: 'library', updatedAt: 0 });
  return [
    workout('easy-run', 'Easy run', [step('Warm up', 'warmup', 5, 0.9), step('Easy', 'active', 30, 1), step('Cool down', 'cooldown', 5, 0.85)]),
    workout('progression', 'Progression', [
      step('Warm up', 'warmup', 5, 0.9),
      step('Easy', 'active', 10, 1),
      step('Steady', 'active', 10, 1.05),
      step('Strong', 'active', 10, 1.1),
      step('Cool down', 'cooldown', 5, 0.85),
    ]),
    workout('intervals', 'Intervals: 6 × 3 min', [
      step('Warm up', 'warmup', 10, 0.9),
      repeat(6, [step('Hard', 'active', 3, 1.25), step('Easy', 'recovery', 2, 0.85)]),
      step('Cool down', 'cooldown', 5, 0.85),
    ]),
    workout('hills', 'Hills: 5 × 2 min', [
      step('Warm up', 'warmup', 10, 0.9, 1),
      repeat(5, [step('Hill', 'active', 2, 0.9, 5), step('Flat', 'recovery', 2, 0.9, 1)]),
      step('Cool down', 'cooldown', 5, 0.85, 1),
    ]),
    workout('cadence-ladder', 'Cadence ladder', [
      step('Warm up', 'warmup', 5, 1),
      step('165 steps/min', 'active', 4, 1, null, 165),
      step('170 steps/min', 'active', 4, 1, null, 170),
      step('175 steps/min', 'active', 4, 1, null, 175),
      step('Cool down', 'cooldown', 5, 1),
    ]),
  ];
}

/** Bands of running this slow (standing, shuffling, no pace) say nothing about an easy pace. */
const NO_PACE_BAND = 0;

/**
 * The runner's easy pace, km/h: the middle of their usual speed band (the one the cadence plan
 * and the program's test speed use), from runs (not walks) of the 8 weeks before `now`; null
 * without runs at a pace. `now` defaults to the newest run, so history alone decides.
 */
export function easyPaceFromHistory(summaries: readonly SessionSummary[], now = summaries.reduce((newest, s) => Math.max(newest, s.startedAt), 0)): number | null {
  // Oldest first, whatever order the caller holds them in: the fallback to older runs takes the last ones.
  const runs = [...summaries]
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((s) => s.sport !== 'walk')
    .map((s) => {
      const { [NO_PACE_BAND]: _none, ...paced } = s.cadenceBySpeedBand;
      return { ...s, cadenceBySpeedBand: paced };
    });
  const band = usualBand(runsLookedAt(runs, now).runs);
  return band === null ? null : tenth((band + 0.5) * SPEED_BAND_MPS * 3.6);
}
