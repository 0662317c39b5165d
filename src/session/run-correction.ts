// Correcting a finished run from the distance the treadmill showed for it. Two things, kept apart:
// - the run shows the typed distance: every footpod metre of it is scaled by one ratio on top of
//   the pod's curve (so each pace keeps its share), the belt's own metres (rows the treadmill gave
//   the speed for) stay;
// - the pod's curve learns from it only when one distance can say what the pod is off by: one pod
//   fed the run, nearly all of its metres were the pod's, none up an incline, at one gait and one
//   steady pace. One ratio for a run at several paces or gaits cannot say where the pod is off: filed at
//   the run's median speed, it spoiled a right point there (90 % at 2.5 m/s became 92.2 % after
//   20 min easy and 10 min tempo), and a run mostly on the belt's metres put the whole difference
//   on the pod's few (1.7 % became a 116.6 % point).
// Gait is the row's stored running flag: the one answer the live session scaled it by (gait.ts).
// A run that already shows the typed figure changes nothing; one that shows another figure is corrected
// to show the typed one. Shown figures are cut (units.ts), so a run of 4996 m shows 4.99 km and is
// corrected when the treadmill's 5.00 is typed, though a treadmill rounding 4996 m would show 5.00.

import { MOST_LEARNING_INCLINE_PERCENT } from './auto-calibration.js';
import { type CalibrationCurve, type CalibrationPoint, type Gait, MAX_FACTOR, MIN_FACTOR, factorAt, isSaneFactor } from './calibration.js';
import { MIN_MOVING_SPEED_MPS } from './gap-steps.js';
import { factorFromDistances } from './guided-calibration.js';
import { type RecordedColumns, type RecordedSession, SAMPLE_SPEED_FROM_TREADMILL } from './recorded-session.js';
import { gaitOfStoredRow, rescaleRun } from './rescale-run.js';
import { type DistanceUnit, distanceIn, formatDistanceIn } from './units.js';

/** How the runner typed the treadmill's figure: its unit and how many decimals. */
export interface TypedPrecision {
  unit: DistanceUnit;
  decimals: number;
}

/** When nothing says how it was typed: the same to the centimetre. */
export const EXACT_TYPED: TypedPrecision = { unit: 'km', decimals: 5 };

/** The precision of a figure typed with `decimalsTyped` decimals; a whole number counts as hundredths, as treadmills and our screens show. */
export function typedPrecision(decimalsTyped: number, unit: DistanceUnit): TypedPrecision {
  return { unit, decimals: decimalsTyped > 0 ? decimalsTyped : 2 };
}

/**
 * Whether a run of `metres` already shows the typed figure: both cut to the typed digits, as the
 * screens cut (formatDistanceIn), are the same. 4996 m shows 4.99 km, so it does not show "5.00".
 */
export function showsTyped(metres: number, typedM: number, typed: TypedPrecision): boolean {
  const cut = (m: number) => Math.floor(distanceIn(m, typed.unit) * 10 ** typed.decimals + 1e-9);
  return cut(metres) === cut(typedM);
}

/** Steady: this share of the pod's moving rows within this share of the median speed (as the guided check asks). */
const STEADY_SHARE = 0.9;
const STEADY_BAND = 0.05;
/** One gait: this share of the pod's moving rows walking, or running. */
const ONE_GAIT_SHARE = 0.9;
/** The pod's metres must be at least this share of the run's for the curve to learn from it. */
export const LEARNING_POD_SHARE = 0.9;

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

const km = (m: number): string => `${formatDistanceIn(m, 'km')} km`;
const percent = (share: number): string => `${Math.round(share * 1000) / 10} %`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fromTreadmill = (c: RecordedColumns, i: number): boolean => (c.flags[i]! & SAMPLE_SPEED_FROM_TREADMILL) !== 0;

/** Whether any row's speed and distance were the pod's (with its raw values), whatever the speed-source setting said at the end. */
export function hasPodMetres(samples: RecordedColumns): boolean {
  for (let i = 0; i < samples.t.length; i++) {
    if (!fromTreadmill(samples, i) && Number.isFinite(samples.rawSpeedMps[i]!) && samples.rawSpeedMps[i]! > 0) return true;
  }
  return false;
}

/**
 * Every factor of a curve times `ratio`, for every row the curve scales: running rows never take a
 * walking point (they are scaled 100 % without a running point), so a curve with no running point
 * gets one at `ratio` (an empty curve becomes `ratio` at every speed), and its running rows are
 * scaled as its walking ones are.
 */
export function scaledCurve(curve: CalibrationCurve, ratio: number): CalibrationPoint[] {
  const scaled = curve.map((p) => ({ ...p, factor: p.factor * ratio }));
  if (curve.some((p) => !p.walking)) return scaled;
  return [...scaled, { podSpeedMps: 3, factor: ratio }].sort((a, b) => a.podSpeedMps - b.podSpeedMps);
}

/** What the typed distance makes of this run and of the pod's curve (see the top of this file). */
export function correctionFrom(
  session: RecordedSession,
  podCurve: CalibrationCurve,
  treadmillDistanceM: number,
  typed: TypedPrecision = EXACT_TYPED,
): RunCorrection {
  if (!(treadmillDistanceM > 0 && Number.isFinite(treadmillDistanceM))) {
    return { ok: false, problem: 'Type the distance the treadmill shows for this run (for example 5.00 km).' };
  }
  const c = session.samples;
  const withRaw = c.rawDistanceM.filter((d) => Number.isFinite(d));
  if (withRaw.length === 0) {
    return {
      ok: false,
      problem: 'This run has no raw footpod values (it was imported, or recorded before Stridewise kept them), so it cannot calibrate the pod.',
    };
  }
  const podDistanceM = withRaw[withRaw.length - 1]! - withRaw[0]!;
  if (!(podDistanceM > 0)) {
    return { ok: false, problem: 'The footpod counted no distance in this run, so there is nothing to calibrate it with.' };
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
  if (showsTyped(session.meta.distanceM, treadmillDistanceM, typed)) return { ok: true, matches: true };

  // Distance is linear in the pod's factors: the belt's metres plus the pod's times the ratio.
  const withCurve = rescaleRun(session, podCurve);
  const beltOnly = rescaleRun(session, scaledCurve(podCurve, 0));
  const beltM = beltOnly?.meta.distanceM ?? 0;
  const podM = (withCurve?.meta.distanceM ?? 0) - beltM;
  const ratio = (treadmillDistanceM - beltM) / podM;
  if (!withCurve || !(podM > 0) || !(ratio > 0)) {
    return { ok: false, problem: 'The treadmill gave this run its distance itself, so there is no footpod distance to correct.' };
  }
  if (!isSaneFactor(ratio)) {
    return {
      ok: false,
      problem:
        `The treadmill gave ${km(beltM)} of this run itself; to show ${km(treadmillDistanceM)}, the footpod's ${km(podM)} would have to become ` +
        `${percent(ratio)} of what they are, beyond what a footpod is off by (${Math.round(MIN_FACTOR * 100)}-${Math.round(MAX_FACTOR * 100)} %). ` +
        'Check the distance you typed: the treadmill may have counted metres before Start or after Stop.',
    };
  }
  const run = rescaleRun(session, scaledCurve(podCurve, ratio))!;
  const learned =
    (session.meta.earlierPodIds?.length ?? 0) > 0
      ? {
          point: null,
          why: 'This run was recorded on more than one footpod (one was paired in mid-run), so one distance cannot say what either is off by: its calibration stays as it was.',
        }
      : pointFrom(c, podCurve, ratio, podM / (podM + beltM));
  return { ok: true, matches: false, run, ratio, ...learned };
}

/** The point the curve learns from a run scaled by `ratio`, or why it learns none (the rules at the top). */
function pointFrom(c: RecordedColumns, podCurve: CalibrationCurve, ratio: number, podShare: number): { point: CalibrationPoint | null; why: string | null } {
  const refused = (why: string) => ({ point: null, why: `${why}: its calibration stays as it was.` });
  if (podShare < LEARNING_POD_SHARE) {
    return refused(
      `Only ${Math.round(podShare * 100)} % of this run's distance was the footpod's (the treadmill gave the rest), too little to say what the footpod is off by`,
    );
  }
  const moving: number[] = [];
  for (let i = 0; i < c.t.length; i++) {
    if (!fromTreadmill(c, i) && c.rawSpeedMps[i]! >= MIN_MOVING_SPEED_MPS) moving.push(i);
  }
  if (moving.length === 0) return refused('The footpod gave this run no moving rows');
  const steepest = moving.reduce((most, i) => {
    const incline = Number.isFinite(c.inclinePercent[i]!) ? c.inclinePercent[i]! : 0;
    return Math.abs(incline) > Math.abs(most) ? incline : most;
  }, 0);
  if (Math.abs(steepest) > MOST_LEARNING_INCLINE_PERCENT) {
    return refused(`This run was on an incline (up to ${Math.round(steepest * 10) / 10} %), where a footpod reads differently than on the flat`);
  }
  const gaits = moving.map((i): Gait => gaitOfStoredRow(c, i));
  const walkingShare = gaits.filter((g) => g === 'walk').length / gaits.length;
  if (walkingShare > 1 - ONE_GAIT_SHARE && walkingShare < ONE_GAIT_SHARE) {
    return refused(
      'This run mixed walking and running, and a footpod is off by another amount at each, so one distance cannot say which was off',
    );
  }
  const gait: Gait = walkingShare >= ONE_GAIT_SHARE ? 'walk' : 'run';
  const speeds = moving.map((i) => c.rawSpeedMps[i]!);
  const pace = median(speeds);
  const steady = speeds.filter((v) => Math.abs(v - pace) <= pace * STEADY_BAND).length / speeds.length >= STEADY_SHARE;
  if (!steady) return refused('This run changed pace, so one distance cannot say at which pace the footpod is off');
  const factor = factorAt(podCurve, pace, gait) * ratio;
  if (!isSaneFactor(factor)) {
    return refused(`At this run's pace that would make the footpod's factor ${Math.round(factor * 100)} %, beyond what a footpod is off by`);
  }
  return { point: { podSpeedMps: pace, factor, ...(gait === 'walk' ? { walking: true as const } : {}) }, why: null };
}
