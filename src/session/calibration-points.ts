// How a pod's curve takes a new point, and keeps few. A new point always lands: it replaces a
// point of its gait at about the same speed, and when the curve is full the two old points of one
// gait closest in speed become one between them. So the curve keeps covering the speeds the
// runner uses (walking, easy, tempo, fast), where keeping "the slowest eight" dropped every faster
// point once walking and easy paces had filled it. What was replaced is returned, to be said.

import { type CalibrationCurve, type CalibrationPoint, type Gait, gaitOfPoint, isSaneFactor } from './calibration.js';
import { type DistanceUnit, speedPerHour, speedUnitLabel } from './units.js';

/** More points than this are noise, not a pod's curve. */
export const MOST_CALIBRATION_POINTS = 8;
/** Two points of one gait closer than this are one speed: the newer replaces the older. */
export const SAME_SPEED_MPS = 0.25;

export interface PointAdded {
  curve: CalibrationPoint[];
  /** Old points at about the new point's speed (and gait), which it replaced. */
  replaced: CalibrationPoint[];
  /** Old points merged in pairs to make room, each pair with the point it became. */
  merged: Array<{ from: [CalibrationPoint, CalibrationPoint]; into: CalibrationPoint }>;
}

/** What adding a point did to the old ones. */
export type PointChange = Pick<PointAdded, 'replaced' | 'merged'>;

const bySpeed = (a: CalibrationPoint, b: CalibrationPoint): number => a.podSpeedMps - b.podSpeedMps;

/** The curve with a new point (see the top of this file); a factor no pod is off by is refused. */
export function addPoint(curve: CalibrationCurve, point: CalibrationPoint): PointAdded {
  if (!isSaneFactor(point.factor) || !(point.podSpeedMps > 0)) {
    throw new RangeError(`A calibration factor of ${Math.round(point.factor * 100)} % is not a footpod's error.`);
  }
  const gait = gaitOfPoint(point);
  const sameSpeed = (p: CalibrationPoint) => gaitOfPoint(p) === gait && Math.abs(p.podSpeedMps - point.podSpeedMps) < SAME_SPEED_MPS;
  const added = { ...point };
  const { points, merged } = thinnedTo(MOST_CALIBRATION_POINTS, [...curve.filter((p) => !sameSpeed(p)), added], added);
  return { curve: points, replaced: curve.filter(sameSpeed), merged };
}

/** The curve with a new point; what `addPoint` gives, without the account of what changed. */
export const withPoint = (curve: CalibrationCurve, point: CalibrationPoint): CalibrationPoint[] => addPoint(curve, point).curve;

/** A stored curve of more points than a curve keeps, thinned by the same rule (none is new there). */
export const thinnedCurve = (curve: CalibrationCurve): CalibrationPoint[] => thinnedTo(MOST_CALIBRATION_POINTS, curve, null).points;

/** The curve down to `most` points, merging pairs never `kept` (the new point) nor across it. */
function thinnedTo(most: number, curve: CalibrationCurve, kept: CalibrationPoint | null): { points: CalibrationPoint[]; merged: PointAdded['merged'] } {
  const points = [...curve].sort(bySpeed);
  const merged: PointAdded['merged'] = [];
  while (points.length > most) {
    const [i, j] = closestPairOfOneGait(points, kept);
    const a = points[i]!;
    const b = points[j]!;
    const into: CalibrationPoint = {
      podSpeedMps: (a.podSpeedMps + b.podSpeedMps) / 2,
      factor: (a.factor + b.factor) / 2,
      ...(a.walking ? { walking: true as const } : {}),
    };
    merged.push({ from: [a, b], into });
    points.splice(j, 1);
    points.splice(i, 1, into);
    // Points of the other gait between the two may now be on the wrong side of it.
    points.sort(bySpeed);
  }
  return { points, merged };
}

/**
 * Indices (i < j) of the two points of one gait, next to each other in that gait, closest in
 * speed; a pair with `kept` in it is not one. Over 8 points, with 2 gaits and one kept, there is one.
 */
function closestPairOfOneGait(points: readonly CalibrationPoint[], kept: CalibrationPoint | null): [number, number] {
  let best: [number, number] = [0, 1];
  let bestGap = Infinity;
  const lastOf: Partial<Record<Gait, number>> = {};
  points.forEach((p, j) => {
    const gait = gaitOfPoint(p);
    const i = lastOf[gait];
    if (i !== undefined && p !== kept && points[i] !== kept && p.podSpeedMps - points[i]!.podSpeedMps < bestGap) {
      bestGap = p.podSpeedMps - points[i]!.podSpeedMps;
      best = [i, j];
    }
    lastOf[gait] = j;
  });
  return best;
}

/** "92.5 % at 11.6 km/h" (", walking" for a walking point), in the runner's unit. */
export function describePoint(point: CalibrationPoint, unit: DistanceUnit): string {
  const speed = `${speedPerHour(point.podSpeedMps, unit).toFixed(1)}\u00a0${speedUnitLabel[unit]}`;
  return `${Math.round(point.factor * 1000) / 10}\u00a0% at ${speed}${point.walking ? ' walking' : ''}`;
}

/** What adding a point did to the old ones, in words; null when it only added. */
export function describeChange(added: PointChange, unit: DistanceUnit): string | null {
  const said: string[] = [];
  if (added.replaced.length > 0) said.push(`It replaces ${added.replaced.map((p) => describePoint(p, unit)).join(' and ')}.`);
  for (const { from, into } of added.merged) {
    said.push(
      `To keep ${MOST_CALIBRATION_POINTS} speeds, ${describePoint(from[0], unit)} and ${describePoint(from[1], unit)} became one point, ${describePoint(into, unit)}.`,
    );
  }
  return said.length > 0 ? said.join(' ') : null;
}
