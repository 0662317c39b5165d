// Correcting a finished run from the distance the treadmill showed for it. Two things, kept apart:
// - the run shows the typed distance: every footpod metre of it is scaled by one ratio on top of
//   the pod's curve (so each pace keeps its share), the belt's own metres (rows the treadmill gave
//   the speed for) stay;
// - the pod's curve learns from it only when the run was at one steady pace. One ratio for a run
//   at several paces cannot say at which pace the pod is off: filed at the run's median speed, it
//   spoiled a right point there (90 % at 2.5 m/s became 92.2 % after 20 min easy and 10 min tempo).
// A run that already shows the typed distance changes nothing, run or curve.

import { type CalibrationCurve, type CalibrationPoint, MAX_FACTOR, MIN_FACTOR, factorAt, gaitOf, isSaneFactor } from './calibration.js';
import { MIN_MOVING_SPEED_MPS } from './gap-steps.js';
import { factorFromDistances } from './guided-calibration.js';
import { type RecordedSession, SAMPLE_RUNNING } from './recorded-session.js';
import { rescaleRun } from './rescale-run.js';

/** A run within this of the typed distance already shows it (a treadmill shows 0.01 km). */
export const SAME_DISTANCE_M = 5;
/** Steady: this share of the running rows within this share of the median speed (as the guided check asks). */
const STEADY_SHARE = 0.9;
const STEADY_BAND = 0.05;

export type RunCorrection =
  | { ok: false; problem: string }
  /** The run already shows the typed distance: nothing to change. */
  | { ok: true; matches: true }
  | {
      ok: true;
      matches: false;
      /** The run re-scaled to show the typed distance, its curve (the pod's times `ratio`) in its meta. */
      run: RecordedSession;
      ratio: number;
      /** The point the pod's curve learns, or null with `why` it learns none. */
      point: CalibrationPoint | null;
      why: string | null;
    };

const km = (m: number): string => `${(m / 1000).toFixed(2)} km`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Every factor of a curve times `ratio`; an empty curve (100 %) becomes `ratio` at every speed. */
export function scaledCurve(curve: CalibrationCurve, ratio: number): CalibrationPoint[] {
  if (curve.length === 0) return [{ podSpeedMps: 3, factor: ratio }];
  return curve.map((p) => ({ ...p, factor: p.factor * ratio }));
}

/** What the typed distance makes of this run and of the pod's curve (see the top of this file). */
export function correctionFrom(session: RecordedSession, podCurve: CalibrationCurve, treadmillDistanceM: number): RunCorrection {
  if (!(treadmillDistanceM > 0 && Number.isFinite(treadmillDistanceM))) {
    return { ok: false, problem: 'Type the distance the treadmill shows for this run (for example 5.00 km).' };
  }
  const { rawDistanceM, rawSpeedMps, cadence, flags } = session.samples;
  const withRaw = rawDistanceM.filter((d) => Number.isFinite(d));
  if (withRaw.length === 0) {
    return {
      ok: false,
      problem: 'This run has no raw footpod values (it was imported, or recorded before Stridewise kept them), so it cannot calibrate the pod.',
    };
  }
  const podDistanceM = withRaw[withRaw.length - 1]! - withRaw[0]!;
  const running: number[] = [];
  for (let i = 0; i < rawSpeedMps.length; i++) {
    if ((flags[i]! & SAMPLE_RUNNING) !== 0 && rawSpeedMps[i]! >= MIN_MOVING_SPEED_MPS) running.push(i);
  }
  if (!(podDistanceM > 0) || running.length === 0) {
    return { ok: false, problem: 'The footpod counted no running in this run, so there is nothing to calibrate it with.' };
  }
  if (factorFromDistances(podDistanceM, treadmillDistanceM) === null) {
    return {
      ok: false,
      problem:
        `The footpod measured ${km(podDistanceM)} where the treadmill shows ${km(treadmillDistanceM)}: ` +
        `${Math.round((podDistanceM / treadmillDistanceM) * 100)} %, beyond what a footpod is off by ` +
        `(${Math.round(MIN_FACTOR * 100)}-${Math.round(MAX_FACTOR * 100)} %). Check the distance you typed and that this run was on that treadmill.`,
    };
  }
  if (Math.abs(session.meta.distanceM - treadmillDistanceM) <= SAME_DISTANCE_M) return { ok: true, matches: true };

  // Distance is linear in the pod's factors: the belt's metres plus the pod's times the ratio.
  const withCurve = rescaleRun(session, podCurve);
  const beltOnly = rescaleRun(session, scaledCurve(podCurve, 0));
  const beltM = beltOnly?.meta.distanceM ?? 0;
  const podM = (withCurve?.meta.distanceM ?? 0) - beltM;
  const ratio = (treadmillDistanceM - beltM) / podM;
  if (!withCurve || !(podM > 0) || !(ratio > 0)) {
    return { ok: false, problem: 'The treadmill gave this run its distance itself, so there is no footpod distance to correct.' };
  }
  const run = rescaleRun(session, scaledCurve(podCurve, ratio))!;

  const speeds = running.map((i) => rawSpeedMps[i]!);
  const pace = median(speeds);
  const steady = speeds.filter((v) => Math.abs(v - pace) <= pace * STEADY_BAND).length / speeds.length >= STEADY_SHARE;
  if (!steady) {
    const why = 'This run changed pace, so one distance cannot say at which pace the footpod is off: its calibration stays as it was.';
    return { ok: true, matches: false, run, ratio, point: null, why };
  }
  const walking = gaitOf(median(running.map((i) => cadence[i]!))) === 'walk';
  const factor = factorAt(podCurve, pace, walking ? 'walk' : 'run') * ratio;
  if (!isSaneFactor(factor)) {
    const why = `At this run's pace that would make the footpod's factor ${Math.round(factor * 100)} %, beyond what a footpod is off by: its calibration stays as it was.`;
    return { ok: true, matches: false, run, ratio, point: null, why };
  }
  return { ok: true, matches: false, run, ratio, point: { podSpeedMps: pace, factor, ...(walking ? { walking: true as const } : {}) }, why: null };
}
