// Turns the points a FIT or TCX file holds into our columns. Files from other devices leave things
// out (no speed, no cadence, no step length, no walking/running state), so the gaps are filled
// here the same way for both formats, and the same way the live recorder fills them.

import {
  type RecordedColumns,
  SAMPLE_RUNNING,
  SAMPLE_STRIDE_DERIVED,
  type SessionGap,
} from '../session/recorded-session.js';
import { lapPressesWithin } from '../session/splits.js';

/** One point of a file, with `null` where the file said nothing. */
export interface RunPoint {
  /** Seconds since the first point. */
  t: number;
  speedMps: number | null;
  /** Steps per minute. */
  cadence: number | null;
  /** Metres per step. */
  strideLengthM: number | null;
  distanceM: number | null;
  running: boolean | null;
}

/**
 * A step between two points longer than this is a gap (samples lost, or a pause the file did
 * not mark). It matches the recorder's longest moving step, so imported and recorded runs are
 * summarized alike.
 */
export const MAX_STEP_S = 2.5;

const overlapsGap = (gaps: readonly SessionGap[], fromT: number, toT: number): boolean =>
  gaps.some((gap) => gap.fromT < toT && gap.toT > fromT);

/**
 * The gaps a file marked, plus a 'link-lost' gap for every longer step that none of them covers.
 * Sorted by time.
 */
export function gapsOf(t: Float64Array, marked: readonly SessionGap[]): SessionGap[] {
  const gaps = marked.filter((gap) => gap.toT > gap.fromT);
  for (let i = 1; i < t.length; i++) {
    const fromT = t[i - 1]!;
    const toT = t[i]!;
    if (toT - fromT > MAX_STEP_S && !overlapsGap(marked, fromT, toT)) gaps.push({ fromT, toT, reason: 'link-lost' });
  }
  return gaps.sort((a, b) => a.fromT - b.fromT);
}

/** Whether the step from point i-1 to i is one the runner ran through (no gap, not too long). */
function isSteadyStep(t: Float64Array, i: number, gaps: readonly SessionGap[]): boolean {
  if (i < 1 || i >= t.length) return false;
  const dt = t[i]! - t[i - 1]!;
  return dt > 0 && dt <= MAX_STEP_S && !overlapsGap(gaps, t[i - 1]!, t[i]!);
}

/**
 * Columns from points whose times only increase. Missing distance is integrated from speed,
 * missing speed comes from the distance covered between neighbouring points, missing cadence is
 * 0, missing step length is derived as speed × 60 / cadence and flagged, and a point with no
 * walking/running state counts as running when it moves with a cadence.
 */
export function columnsFromPoints(points: readonly RunPoint[], gaps: readonly SessionGap[]): RecordedColumns {
  const n = points.length;
  const c: RecordedColumns = {
    t: new Float64Array(n),
    speedMps: new Float32Array(n),
    cadence: new Float32Array(n),
    strideLengthM: new Float32Array(n),
    distanceM: new Float64Array(n),
    flags: new Uint8Array(n),
  };
  points.forEach((p, i) => (c.t[i] = p.t));

  // Distance first: derived speed needs it, and integrated distance needs only given speeds.
  let distance = 0;
  points.forEach((p, i) => {
    if (p.distanceM !== null) distance = p.distanceM;
    else if (isSteadyStep(c.t, i, gaps)) distance += (p.speedMps ?? 0) * (c.t[i]! - c.t[i - 1]!);
    c.distanceM[i] = distance;
  });

  const deltaSpeed = (i: number): number | null =>
    isSteadyStep(c.t, i, gaps) ? Math.max(0, c.distanceM[i]! - c.distanceM[i - 1]!) / (c.t[i]! - c.t[i - 1]!) : null;

  points.forEach((p, i) => {
    // After a pause there is no step behind the point, so the one ahead stands in for it.
    const speed = p.speedMps ?? deltaSpeed(i) ?? deltaSpeed(i + 1) ?? 0;
    const cadence = p.cadence ?? 0;
    let flags = 0;
    let stride = p.strideLengthM;
    if (stride === null) {
      stride = cadence > 0 ? (speed * 60) / cadence : 0;
      flags |= SAMPLE_STRIDE_DERIVED;
    }
    if (p.running ?? (speed > 0 && cadence > 0)) flags |= SAMPLE_RUNNING;
    c.speedMps[i] = speed;
    c.cadence[i] = cadence;
    c.strideLengthM[i] = stride;
    c.flags[i] = flags;
  });
  return c;
}

/**
 * Points sorted by time with repeats dropped (the first of equal times is kept), so the columns'
 * "times only increase" holds for any file.
 */
export function orderedPoints<P extends { t: number }>(points: readonly P[]): P[] {
  const sorted = [...points].filter((p) => Number.isFinite(p.t)).sort((a, b) => a.t - b.t);
  return sorted.filter((p, i) => i === 0 || p.t > sorted[i - 1]!.t);
}

/** Lap start times after the first, by the session's one lap rule. */
export const lapStartsOf = (starts: readonly number[], lastT: number): number[] => lapPressesWithin(starts, 0, lastT);
