// A footpod's speed and distance against the belt. Pods are rarely right on a treadmill, and
// often wrong by different amounts at different paces (runners report needing about 90 % at easy
// pace and 95 % at fast intervals), so the factor is a curve: calibrated points by speed, linear
// between them, flat outside. Raw values stay in the session; a factor only ever scales them.

/** One calibrated speed: the pod's raw speed there, and what to multiply it by. */
export interface CalibrationPoint {
  /** The pod's raw speed at which the factor was measured, m/s. */
  podSpeedMps: number;
  factor: number;
}

/** A pod's calibration: points sorted by speed; empty means uncalibrated (factor 1). */
export type CalibrationCurve = readonly CalibrationPoint[];

/** A factor outside this range is a mistake (a wrong belt speed typed, another pod), not a pod. */
export const MIN_FACTOR = 0.75;
export const MAX_FACTOR = 1.25;
/** Two points closer than this are one speed: the newer replaces the older. */
const SAME_SPEED_MPS = 0.25;

export const isSaneFactor = (factor: number): boolean => Number.isFinite(factor) && factor >= MIN_FACTOR && factor <= MAX_FACTOR;

/** The factor at a raw pod speed: linear between calibrated points, flat outside them. */
export function factorAt(curve: CalibrationCurve, podSpeedMps: number): number {
  if (curve.length === 0) return 1;
  const first = curve[0]!;
  const last = curve[curve.length - 1]!;
  if (!(podSpeedMps > first.podSpeedMps)) return first.factor;
  if (podSpeedMps >= last.podSpeedMps) return last.factor;
  let i = 1;
  while (curve[i]!.podSpeedMps < podSpeedMps) i++;
  const a = curve[i - 1]!;
  const b = curve[i]!;
  return a.factor + ((b.factor - a.factor) * (podSpeedMps - a.podSpeedMps)) / (b.podSpeedMps - a.podSpeedMps);
}

/** The curve with a new point: sorted, a point at about the same speed replaced, insane factors refused. */
export function withPoint(curve: CalibrationCurve, point: CalibrationPoint): CalibrationPoint[] {
  if (!isSaneFactor(point.factor) || !(point.podSpeedMps > 0)) {
    throw new RangeError(`A calibration factor of ${Math.round(point.factor * 100)} % is not a footpod's error.`);
  }
  return [...curve.filter((p) => Math.abs(p.podSpeedMps - point.podSpeedMps) >= SAME_SPEED_MPS), point].sort(
    (a, b) => a.podSpeedMps - b.podSpeedMps,
  );
}

/** "95 %" or "90 % at 2.5 m/s, 95 % at 4.0 m/s": the curve as the runner reads it. */
export function describeCurve(curve: CalibrationCurve): string {
  if (curve.length === 0) return '100 % (not calibrated)';
  const percent = (f: number) => `${Math.round(f * 1000) / 10} %`;
  if (curve.length === 1) return percent(curve[0]!.factor);
  return curve.map((p) => `${percent(p.factor)} at ${p.podSpeedMps.toFixed(1)} m/s`).join(', ');
}

/** Distance covered with each raw step scaled by the factor at its speed; returns metres. */
export function calibratedDistance(
  rawSteps: ReadonlyArray<{ rawStepM: number; podSpeedMps: number }>,
  curve: CalibrationCurve,
): number {
  let total = 0;
  for (const { rawStepM, podSpeedMps } of rawSteps) total += rawStepM * factorAt(curve, podSpeedMps);
  return total;
}
