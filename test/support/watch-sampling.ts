// Which seconds of the truth a watch writes as records. "Every second" writes them all; Garmin's
// "smart recording" writes one when pace or cadence changed noticeably, else every few seconds
// (1 to 8 apart, never more while the timer runs), and always at a timer start, a timer stop
// and a lap, so a file's records can be 1-8 s apart with nothing lost.

import { mulberry32 } from '../../src/sources/run-profile.js';
import type { WatchTruth } from './watch-truth.js';

export type WatchSampling = 'every-second' | 'smart';

/** One record as the watch writes it, before FIT or TCX rounding. */
export interface WatchRecord {
  /** Elapsed seconds since the first timer start. */
  s: number;
  distanceM: number;
  speedMps: number;
  /** Steps/min on foot (rpm on a bike), with a fraction. */
  cadence: number;
  /** Beats per minute, when the truth has a heart rate. */
  heartRate?: number;
  /** The runner walked the second shown, when the truth says who walked. */
  walking?: boolean;
}

/** Longest step between two records while the timer runs, in smart recording. */
export const SMART_MAX_STEP_S = 8;
/** A relative change in speed or cadence since the last record that makes the watch write one now. */
const SMART_CHANGE = 0.06;

/**
 * The record at second s shows the second that just ended, as a watch's display does; at a
 * timer start no second has ended yet, so it shows the one beginning.
 */
export function recordAt(truth: WatchTruth, s: number, startsStretch: boolean): WatchRecord {
  const shown = startsStretch ? s : s - 1;
  return {
    s,
    distanceM: truth.distanceM[s]!,
    speedMps: truth.speedMps[shown]!,
    cadence: truth.cadence[shown]!,
    ...(truth.heartRate ? { heartRate: truth.heartRate[shown]! } : {}),
    ...(truth.walking ? { walking: truth.walking[shown] === 1 } : {}),
  };
}

export function watchRecords(truth: WatchTruth, sampling: WatchSampling, seed: number): WatchRecord[] {
  const rng = mulberry32(seed ^ 0x5eed);
  const randomStep = (): number => 1 + Math.floor(rng() * SMART_MAX_STEP_S);
  const lapEnds = new Set(truth.laps.map((lap) => lap.toS));
  const records: WatchRecord[] = [];
  for (const { fromS, toS } of truth.stretches) {
    let last = recordAt(truth, fromS, true);
    records.push(last);
    let due = fromS + randomStep();
    for (let s = fromS + 1; s <= toS; s++) {
      const record = recordAt(truth, s, false);
      const changed =
        Math.abs(record.speedMps - last.speedMps) > SMART_CHANGE * last.speedMps ||
        Math.abs(record.cadence - last.cadence) > SMART_CHANGE * last.cadence;
      const keep = sampling === 'every-second' || s === toS || lapEnds.has(s) || s >= due || changed;
      if (!keep) continue;
      records.push(record);
      last = record;
      due = s + randomStep();
    }
  }
  return records;
}
