// What really happened during a made-up watch activity, one value per second: the "truth" that
// the FIT and TCX files of test/support/watch-files.ts are written from, and that an importer's
// totals are held to. A watch sums its session totals the same way: over the seconds its timer
// ran, each second with its own speed and cadence.

import { mulberry32 } from '../../src/sources/run-profile.js';

export type WatchSport = 'running' | 'walking' | 'cycling';

/** The timer stopped `atS` seconds after the start (elapsed, pauses before it included) for `lengthS`. */
export interface WatchPause {
  atS: number;
  lengthS: number;
}

export interface TruthOptions {
  /** Elapsed seconds from the first timer start to the final stop, pauses included. */
  durationS: number;
  pauses: readonly WatchPause[];
  sport: WatchSport;
  seed: number;
}

/** A stretch of elapsed seconds [fromS, toS] with the timer running. */
export interface TimerStretch {
  fromS: number;
  toS: number;
}

/** Totals over the seconds the timer ran, the way a watch sums them for a lap or a session. */
export interface WatchTotals {
  elapsedS: number;
  timerS: number;
  distanceM: number;
  avgSpeedMps: number;
  /** Steps per minute on foot; crank turns per minute on a bike. */
  avgCadence: number;
  /** Beats per minute over the timer's seconds, when the truth has a heart rate. */
  avgHeartRate?: number;
}

export interface WatchTruth {
  durationS: number;
  sport: WatchSport;
  /** Index s: the second [s, s + 1). Zero while the timer is stopped. */
  speedMps: Float64Array;
  /** Index s: the second [s, s + 1), steps/min (rpm on a bike) with a fraction. Zero while stopped. */
  cadence: Float64Array;
  /** Index s (0 to durationS): metres covered from the start up to second s. */
  distanceM: Float64Array;
  /** Index s: the second [s, s + 1), beats per minute; absent when no strap was worn. */
  heartRate?: Float64Array;
  /** Index s: 1 where the runner walked that second; absent when they never did. */
  walking?: Uint8Array;
  stretches: TimerStretch[];
  /** Auto-laps, one per kilometre and the rest: elapsed [fromS, toS]. */
  laps: TimerStretch[];
  totals: WatchTotals;
}

const AUTO_LAP_M = 1000;

/** Lowest and highest speed and cadence of each sport; the plan moves between them. */
const RANGES: Record<WatchSport, { speed: [number, number]; cadence: [number, number] }> = {
  running: { speed: [2.5, 4.2], cadence: [160, 185] },
  walking: { speed: [1.1, 1.8], cadence: [100, 125] },
  cycling: { speed: [5.5, 9.5], cadence: [75, 100] },
};

/** Effort from 0 to 1 at a moment of timer time: warm-up, steady, a faster minute every six, cool-down. */
function effortAt(timerS: number, totalTimerS: number): number {
  const warmUpS = Math.min(600, totalTimerS * 0.15);
  const coolDownS = Math.min(300, totalTimerS * 0.08);
  if (timerS < warmUpS) return 0.1 + 0.3 * (timerS / warmUpS);
  if (timerS > totalTimerS - coolDownS) return 0.25;
  const sinceWarmUp = timerS - warmUpS;
  return sinceWarmUp % 360 >= 300 ? 0.95 : 0.45;
}

function stretchesOf(durationS: number, pauses: readonly WatchPause[]): TimerStretch[] {
  const sorted = [...pauses].sort((a, b) => a.atS - b.atS);
  const stretches: TimerStretch[] = [];
  let from = 0;
  for (const pause of sorted) {
    if (!(pause.atS > from && pause.lengthS >= 1 && pause.atS + pause.lengthS < durationS)) {
      throw new RangeError(`pause at ${pause.atS} s for ${pause.lengthS} s does not fit a ${durationS} s activity`);
    }
    stretches.push({ fromS: from, toS: pause.atS });
    from = pause.atS + pause.lengthS;
  }
  stretches.push({ fromS: from, toS: durationS });
  return stretches;
}

/** Totals of the elapsed seconds [fromS, toS), counting only those with the timer running. */
export function totalsBetween(
  truth: Pick<WatchTruth, 'stretches' | 'cadence' | 'distanceM' | 'heartRate'>,
  fromS: number,
  toS: number,
): WatchTotals {
  let timerS = 0;
  let cadenceSum = 0;
  let heartSum = 0;
  for (const { fromS: a, toS: b } of truth.stretches) {
    for (let s = Math.max(a, fromS); s < Math.min(b, toS); s++) {
      timerS++;
      cadenceSum += truth.cadence[s]!;
      heartSum += truth.heartRate?.[s] ?? 0;
    }
  }
  const distanceM = truth.distanceM[toS]! - truth.distanceM[fromS]!;
  return {
    elapsedS: toS - fromS,
    timerS,
    distanceM,
    avgSpeedMps: timerS > 0 ? distanceM / timerS : 0,
    avgCadence: timerS > 0 ? cadenceSum / timerS : 0,
    ...(truth.heartRate && timerS > 0 ? { avgHeartRate: heartSum / timerS } : {}),
  };
}

/** A lap ends at the first whole second the distance reaches the next kilometre, and at the end. */
export function autoLaps(truth: Pick<WatchTruth, 'distanceM' | 'durationS'>): TimerStretch[] {
  const laps: TimerStretch[] = [];
  let from = 0;
  for (let s = 1; s < truth.durationS; s++) {
    if (truth.distanceM[s]! >= (laps.length + 1) * AUTO_LAP_M) {
      laps.push({ fromS: from, toS: s });
      from = s;
    }
  }
  laps.push({ fromS: from, toS: truth.durationS });
  return laps;
}

export function watchTruth(options: TruthOptions): WatchTruth {
  const { durationS, sport } = options;
  if (!(Number.isInteger(durationS) && durationS >= 60)) throw new RangeError('durationS: a whole number, 60 or more');
  const stretches = stretchesOf(durationS, options.pauses);
  const totalTimerS = stretches.reduce((sum, r) => sum + r.toS - r.fromS, 0);
  const rng = mulberry32(options.seed);
  const { speed: [slow, fast], cadence: [low, high] } = RANGES[sport];
  const speedMps = new Float64Array(durationS);
  const cadence = new Float64Array(durationS);
  const distanceM = new Float64Array(durationS + 1);
  // Noise that wanders rather than jumps (an AR(1) walk), as a runner's pace and cadence do.
  let speedNoise = 0;
  let cadenceNoise = 0;
  let timerS = 0;
  const running = new Uint8Array(durationS);
  for (const { fromS, toS } of stretches) running.fill(1, fromS, toS);
  for (let s = 0; s < durationS; s++) {
    distanceM[s + 1] = distanceM[s]!;
    if (!running[s]) continue;
    speedNoise = 0.9 * speedNoise + (rng() - 0.5) * 0.04 * (fast - slow);
    cadenceNoise = 0.8 * cadenceNoise + (rng() - 0.5) * 0.16 * (high - low);
    const effort = effortAt(timerS++, totalTimerS);
    const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
    speedMps[s] = clamp(slow + effort * (fast - slow) + speedNoise, slow, fast);
    cadence[s] = clamp(low + (0.15 + 0.7 * effort) * (high - low) + cadenceNoise, low, high);
    distanceM[s + 1] = distanceM[s]! + speedMps[s]!;
  }
  const laps = autoLaps({ distanceM, durationS });
  const totals = totalsBetween({ stretches, cadence, distanceM }, 0, durationS);
  return { durationS, sport, speedMps, cadence, distanceM, stretches, laps, totals };
}

/** What FIT and TCX count as cadence: strides (one foot) per minute on foot, crank turns on a bike. */
export const cyclesPerMinute = (sport: WatchSport, cadence: number): number =>
  sport === 'cycling' ? cadence : cadence / 2;

/** A timer stretch the runner walked every second of: a watch saves it as a walking session. */
export const walkingStretch = (truth: WatchTruth, { fromS, toS }: TimerStretch): boolean =>
  truth.walking !== undefined && toS > fromS && truth.walking.subarray(fromS, toS).every((w) => w === 1);
