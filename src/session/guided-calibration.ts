// Calibrating a pod against a belt speed the runner types: a minute at a steady belt speed, then
// the factor is the belt speed over the pod's median speed on the steady part. A median, so a
// stumble or a missed notification does not move it; steadiness checked, so a run that changed
// speed halfway does not calibrate anything. A check up an incline calibrates nothing either, as
// the treadmill's own learning does not: the foot lands and pushes off differently uphill, and the
// point would be applied on the flat.

import { MOST_LEARNING_INCLINE_PERCENT } from './auto-calibration.js';
import { type CalibrationPoint, MAX_FACTOR, MIN_FACTOR, gaitOf, isSaneFactor } from './calibration.js';

export interface SpeedReading {
  /** Seconds. */
  t: number;
  podSpeedMps: number;
  /** Steps a minute: a check walked makes a walking point. Absent counts as running. */
  cadence?: number;
  /** The treadmill's incline; null or absent when it sends none (taken as flat). */
  inclinePercent?: number | null;
  /** The row's one walking/running answer (gait.ts), which live rows are scaled by; absent: by cadence and speed. */
  running?: boolean;
}

export type GuidedResult =
  | { ok: true; point: CalibrationPoint; steadyS: number }
  | { ok: false; problem: string };

/** The belt takes a while to reach speed and the runner to settle: this much is left out first. */
export const SETTLE_S = 15;
/** At least this much steady running after settling. */
export const STEADY_NEEDED_S = 30;
/** Readings within this share of the median count as steady. */
const STEADY_BAND = 0.05;
/** Most readings must be within the band; a few stumbles are fine. */
const STEADY_SHARE = 0.9;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function guidedCalibration(readings: readonly SpeedReading[], beltSpeedMps: number): GuidedResult {
  if (!(beltSpeedMps > 0.5 && beltSpeedMps < 10)) {
    return { ok: false, problem: 'Type the belt speed the treadmill shows (for example 10.0 km/h).' };
  }
  if (readings.length === 0) return { ok: false, problem: 'The footpod sent nothing: is it connected and on your shoe?' };
  const start = readings[0]!.t + SETTLE_S;
  const steady = readings.filter((r) => r.t >= start && r.podSpeedMps > 0);
  const spanS = steady.length > 1 ? steady[steady.length - 1]!.t - steady[0]!.t : 0;
  if (spanS < STEADY_NEEDED_S) {
    return { ok: false, problem: `Run a little longer: ${Math.ceil(SETTLE_S + STEADY_NEEDED_S)} s at one belt speed are needed.` };
  }
  const steepest = steady.reduce((most, r) => (Math.abs(r.inclinePercent ?? 0) > Math.abs(most) ? (r.inclinePercent ?? 0) : most), 0);
  if (Math.abs(steepest) > MOST_LEARNING_INCLINE_PERCENT) {
    return {
      ok: false,
      problem:
        `The treadmill was at ${Math.round(steepest * 10) / 10} % incline: a footpod reads differently on a slope, so a check there would be wrong ` +
        `on the flat. Set the incline to ${MOST_LEARNING_INCLINE_PERCENT} % or less and try again; the footpod's calibration stays as it was.`,
    };
  }
  const podMedian = median(steady.map((r) => r.podSpeedMps));
  const inBand = steady.filter((r) => Math.abs(r.podSpeedMps - podMedian) <= podMedian * STEADY_BAND).length;
  if (inBand / steady.length < STEADY_SHARE) {
    return {
      ok: false,
      problem: 'Your speed was not steady enough to calibrate: keep the belt at one speed and run evenly for a minute, then try again.',
    };
  }
  const factor = beltSpeedMps / podMedian;
  if (!isSaneFactor(factor)) {
    return {
      ok: false,
      problem: `The pod read ${Math.round((podMedian / beltSpeedMps) * 100)} % of the belt speed, beyond what a footpod is off by (${Math.round(
        MIN_FACTOR * 100,
      )}-${Math.round(MAX_FACTOR * 100)} %). Check the belt speed you typed and that this pod is the one on your shoe.`,
    };
  }
  // The point goes where the rows it was measured on look for one: by their own walking/running
  // answer (most of them), so a jog the pod calls running at 136 steps/min gets a running point.
  const answered = steady.filter((r) => r.running !== undefined);
  const walking =
    answered.length > 0
      ? answered.filter((r) => !r.running).length * 2 > answered.length
      : gaitOf(median(steady.map((r) => r.cadence ?? 0)), podMedian) === 'walk';
  return { ok: true, point: { podSpeedMps: podMedian, factor, ...(walking ? { walking: true as const } : {}) }, steadyS: spanS };
}

/** After a run: the treadmill's distance over the pod's, as one factor (at the run's median speed). */
export function factorFromDistances(podDistanceM: number, treadmillDistanceM: number): number | null {
  if (!(podDistanceM > 0 && treadmillDistanceM > 0)) return null;
  const factor = treadmillDistanceM / podDistanceM;
  return isSaneFactor(factor) ? factor : null;
}
