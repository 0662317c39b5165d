// A footpod's speed and distance against the belt. Pods are rarely right on a treadmill, and
// often wrong by different amounts at different paces (runners report needing about 90 % at easy
// pace and 95 % at fast intervals), so the factor is a curve: calibrated points by speed, linear
// between them, flat outside. Raw values stay in the session; a factor only ever scales them.
// A pod is off by another amount walking than running (the foot lands and rolls differently), so
// a point learned walking is kept apart: walking rows use the walking points, running rows the
// running ones, and no line is drawn from one to the other.

import { type DistanceUnit, speedPerHour, speedUnitLabel } from './units.js';

/** One calibrated speed: the pod's raw speed there, and what to multiply it by. */
export interface CalibrationPoint {
  /** The pod's raw speed at which the factor was measured, m/s. */
  podSpeedMps: number;
  factor: number;
  /** Measured walking; absent: running (as every point stored before gaits were kept). */
  walking?: true;
}

export type Gait = 'walk' | 'run';

/**
 * Below this cadence a row or a point is walking. Cadence first: a brisk walk and a slow jog
 * share speeds, but walkers land about 100-135 steps a minute and runners above 150. A live row's
 * gait is gait.ts's one answer, which reads the pod's own bit only where the pod fills it in (pods
 * without that feature always send "walking") and this rule otherwise.
 */
export const WALKING_BELOW_SPM = 140;
/**
 * From this raw pod speed (7.9 km/h) a row is running whatever its cadence: people change from
 * walking to running at about 2.0 m/s, and a short-striding jogger at 138 steps a minute and
 * 8.6 km/h took a walking point measured at 5.4 km/h (the run read 4.32 km for 5.04 km).
 */
export const WALKING_FASTEST_MPS = 2.2;

/** The gait of a row from its cadence in steps a minute and the pod's raw speed; no cadence counts as running. */
export const gaitOf = (cadenceSpm: number, podSpeedMps = 0): Gait =>
  cadenceSpm > 0 && cadenceSpm < WALKING_BELOW_SPM && !(podSpeedMps >= WALKING_FASTEST_MPS) ? 'walk' : 'run';
export const gaitOfPoint = (point: CalibrationPoint): Gait => (point.walking ? 'walk' : 'run');

/** A pod's calibration: points sorted by speed; empty means uncalibrated (factor 1). */
export type CalibrationCurve = readonly CalibrationPoint[];

/** A factor outside this range is a mistake (a wrong belt speed typed, another pod), not a pod. */
export const MIN_FACTOR = 0.75;
export const MAX_FACTOR = 1.25;
export const isSaneFactor = (factor: number): boolean => Number.isFinite(factor) && factor >= MIN_FACTOR && factor <= MAX_FACTOR;

/**
 * The factor at a raw pod speed for a gait: linear between that gait's points, flat outside them.
 * A walk with no walking point takes the running points (as before gaits were kept); a run never
 * takes a walking point, so a walking point cannot pull the factor at jogging speeds.
 */
export function factorAt(curve: CalibrationCurve, podSpeedMps: number, gait: Gait = 'run'): number {
  const own = curve.filter((p) => gaitOfPoint(p) === gait);
  return interpolated(own.length > 0 || gait === 'run' ? own : curve, podSpeedMps);
}

function interpolated(points: CalibrationCurve, podSpeedMps: number): number {
  if (points.length === 0) return 1;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (!(podSpeedMps > first.podSpeedMps)) return first.factor;
  if (podSpeedMps >= last.podSpeedMps) return last.factor;
  let i = 1;
  while (points[i]!.podSpeedMps < podSpeedMps) i++;
  const a = points[i - 1]!;
  const b = points[i]!;
  // At a point, its own factor exactly (the line through it would give it only to rounding).
  if (b.podSpeedMps === podSpeedMps) return b.factor;
  return a.factor + ((b.factor - a.factor) * (podSpeedMps - a.podSpeedMps)) / (b.podSpeedMps - a.podSpeedMps);
}

/** "95 %" or "90 % at 9.0 km/h, 95 % at 14.4 km/h": the curve as the runner reads it, in their unit. */
export function describeCurve(curve: CalibrationCurve, unit: DistanceUnit): string {
  if (curve.length === 0) return '100 % (not calibrated)';
  const percent = (f: number) => `${Math.round(f * 1000) / 10} %`;
  if (curve.length === 1 && !curve[0]!.walking) return percent(curve[0]!.factor);
  const speed = (mps: number) => `${speedPerHour(mps, unit).toFixed(1)} ${speedUnitLabel[unit]}`;
  return curve.map((p) => `${percent(p.factor)} at ${speed(p.podSpeedMps)}${p.walking ? ' walking' : ''}`).join(', ');
}

/** Distance covered with each raw step scaled by the factor at its speed; returns metres. */
export function calibratedDistance(
  rawSteps: ReadonlyArray<{ rawStepM: number; podSpeedMps: number; gait?: Gait }>,
  curve: CalibrationCurve,
): number {
  let total = 0;
  for (const { rawStepM, podSpeedMps, gait } of rawSteps) total += rawStepM * factorAt(curve, podSpeedMps, gait);
  return total;
}
