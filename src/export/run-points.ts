// Turns the points a FIT or TCX file holds into our columns. Files from other devices leave things
// out (no speed, no cadence, no step length, no walking/running state), so the gaps are filled
// here the same way for both formats, and the same way the live recorder fills them.

import {
  type RecordedColumns,
  SAMPLE_RUNNING,
  SAMPLE_STRIDE_DERIVED,
  type SessionGap,
  type SessionSport,
} from '../session/recorded-session.js';
import { MIN_MOVING_SPEED_MPS, heldShareOf } from '../session/gap-steps.js';
import { runsByCadenceAndSpeed } from '../session/gait.js';
import { rowAtOrAfter } from '../session/recorded-columns.js';
import { MAX_MOVING_STEP_S } from '../session/session-summary.js';
import { lapPressesWithin } from '../session/splits.js';
import { emptyColumns } from '../session/recorded-columns.js';

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
  /** Beats per minute, when the file has heart rate. */
  heartRate?: number | null;
  /** Running power in watts, when the file has it. */
  powerW?: number | null;
  /** A treadmill's incline, percent, when the file has it. */
  inclinePercent?: number | null;
}

/** At 1 Hz a longer step is records missing, as in the live recorder: 2.5 × the usual step. */
const SHORTEST_BREAK_S = MAX_MOVING_STEP_S;
const BREAK_OVER_MEDIAN = 2.5;
/** A step a quarter longer than the file's longest usual one is no longer its sampling. */
const BREAK_OVER_USUAL = 1.25;
/** A step length is one the file uses when it has at least this many steps that long... */
const USUAL_STEPS = 20;
/** ...that hold at least this share of its time: one long hole is records missing, a habit is sampling. */
const USUAL_TIME_SHARE = 0.1;

const overlapsGap = (gaps: readonly SessionGap[], fromT: number, toT: number): boolean =>
  gaps.some((gap) => gap.fromT < toT && gap.toT > fromT);

/**
 * The longest step a file uses as a habit: the longest length L with at least USUAL_STEPS steps of
 * L or longer holding at least USUAL_TIME_SHARE of the time, or 0. Smart recording (100 steps of
 * 8 s beside 1000 of 1 s) has one; a 1 Hz file with a 60 s hole has none beyond 1 s.
 */
function usualLongStepS(steps: readonly number[]): number {
  const total = steps.reduce((sum, step) => sum + step, 0);
  const longestFirst = [...steps].sort((a, b) => b - a);
  let time = 0;
  for (let k = 0; k < longestFirst.length; k++) {
    time += longestFirst[k]!;
    if (k + 1 >= USUAL_STEPS && time >= USUAL_TIME_SHARE * total) return longestFirst[k]!;
  }
  return 0;
}

/**
 * For a file that does not say when its timer ran (a FIT file without timer events), the longest
 * step that is still the file's own sampling: 2.5 times its median step (the live 1 Hz rule,
 * 2.5 s, is the same rule), or a quarter more than the longest step it uses as a habit (at least
 * 20 times, for a tenth of its time), as smart recording does. A file that says (a watch's timer
 * events, a TCX lap's TotalTimeSeconds) is read by what it says instead: there a step of any
 * length with the timer running is running.
 */
export function samplingLimitS(t: ArrayLike<number>): number {
  const steps = stepsOf(t);
  return Math.max(plainLimitS(steps), BREAK_OVER_USUAL * usualLongStepS(steps));
}

function stepsOf(t: ArrayLike<number>): number[] {
  const steps: number[] = [];
  for (let i = 1; i < t.length; i++) if (t[i]! > t[i - 1]!) steps.push(t[i]! - t[i - 1]!);
  return steps;
}

/** 2.5 times the median step (2.5 s at 1 Hz, the live rule): shorter steps are the file's sampling whatever they cover. */
function plainLimitS(steps: readonly number[]): number {
  if (steps.length === 0) return SHORTEST_BREAK_S;
  const sorted = [...steps].sort((a, b) => a - b);
  return Math.max(SHORTEST_BREAK_S, BREAK_OVER_MEDIAN * sorted[Math.floor(0.5 * (sorted.length - 1))]!);
}

/** Whether the step between two points, with the timer running, is a break rather than running. */
export type IsBreak = (fromT: number, toT: number) => boolean;

/** Watches on smart recording still write a record at least once a minute while the timer runs. */
const LONGEST_SMART_STEP_S = 60;
/** How far a step's own pace may stray from the speeds at its two ends and still be the same running. */
const PACE_AGREES = 0.1;

/**
 * For a file that does not say when its timer ran: a step up to 2.5 times its median is its
 * sampling. A longer one is running when the distance across it is what the speeds at its two ends
 * give (within a tenth), as smart recording leaves it, and it is at most a minute (a watch writes
 * at least that often) or the file's habit (samplingLimitS); otherwise records missing, as is a
 * step of 2 s or more where the distance stood still (a pause the file does not mark). Without
 * distance and speed on both ends, the file's habit alone decides.
 */
export function missingRecordsIn(points: readonly RunPoint[]): IsBreak {
  const steps = stepsOf(points.map((p) => p.t));
  const plain = plainLimitS(steps);
  const habit = Math.max(plain, BREAK_OVER_USUAL * usualLongStepS(steps));
  const endingAt = new Map(points.map((p, i) => [p.t, i]));
  const paceOf = (fromT: number, toT: number): { stood: boolean; agrees: boolean } | null => {
    const i = endingAt.get(toT);
    if (i === undefined || i === 0) return null;
    const [a, b] = [points[i - 1]!, points[i]!];
    if (a.t !== fromT || a.distanceM === null || b.distanceM === null || a.speedMps === null || b.speedMps === null) return null;
    const pace = (b.distanceM - a.distanceM) / (toT - fromT);
    const [slow, fast] = [Math.min(a.speedMps, b.speedMps), Math.max(a.speedMps, b.speedMps)];
    return { stood: pace < MIN_MOVING_SPEED_MPS, agrees: pace >= slow * (1 - PACE_AGREES) && pace <= fast * (1 + PACE_AGREES) && pace > 0 };
  };
  return (fromT, toT) => {
    const pace = paceOf(fromT, toT);
    // A step of two seconds or more the runner stood through, with no record of standing: a pause.
    if (toT - fromT <= plain) return pace !== null && toT - fromT >= 2 && pace.stood;
    if (pace === null) return toT - fromT > habit;
    return !pace.agrees || toT - fromT > Math.max(LONGEST_SMART_STEP_S, habit);
  };
}

/**
 * For a file that does not say when its timer ran (a FIT file with no timer events): a step
 * longer than the file's own sampling is records missing. Files that say, say it instead.
 */
export const longerThanSampling = (t: ArrayLike<number>): IsBreak => {
  const limit = samplingLimitS(t);
  return (fromT, toT) => toT - fromT > limit;
};

/**
 * The breaks a file marked (pauses from its timer, a lost link our own export noted), plus
 * 'missing-records' for each other step `isBreak` calls one (by default, one longer than the
 * file's own sampling). Sorted by time.
 */
export function gapsOf(t: Float64Array, marked: readonly SessionGap[], isBreak: IsBreak = longerThanSampling(t)): SessionGap[] {
  const gaps = marked.filter((gap) => gap.toT > gap.fromT).map((gap) => ({ ...gap }));
  for (let i = 1; i < t.length; i++) {
    const fromT = t[i - 1]!;
    const toT = t[i]!;
    if (toT > fromT && isBreak(fromT, toT) && !overlapsGap(marked, fromT, toT)) gaps.push({ fromT, toT, reason: 'missing-records' });
  }
  return gaps.sort((a, b) => a.fromT - b.fromT);
}

/**
 * Each break that is not a pause, with the distance the file's counter went on by across it when
 * the runner was moving (as the live recorder does for a lost link): that break's time is then
 * moving time too, so pace stays what the watch says.
 */
export function withCoveredDistance(gaps: readonly SessionGap[], samples: RecordedColumns): SessionGap[] {
  const { t, distanceM } = samples;
  return gaps.map((gap) => {
    const { coveredM: _old, ...plain } = gap;
    if (gap.reason === 'paused') return plain;
    const after = rowAtOrAfter(t, gap.toT);
    const before = rowAtOrAfter(t, gap.fromT + 1e-9) - 1;
    if (before < 0 || after >= t.length || after <= before) return plain;
    const covered = distanceM[after]! - distanceM[before]!;
    const seconds = t[after]! - t[before]!;
    return covered > 0 && covered / seconds >= MIN_MOVING_SPEED_MPS ? { ...plain, coveredM: covered } : plain;
  });
}

/** Whether the step from point i-1 to i is one the runner ran through (no break in it). */
function isSteadyStep(t: Float64Array, i: number, gaps: readonly SessionGap[]): boolean {
  if (i < 1 || i >= t.length) return false;
  return t[i]! > t[i - 1]! && !overlapsGap(gaps, t[i - 1]!, t[i]!);
}

/**
 * A file's points and the breaks it marked, as columns and every break, by the rules above: the
 * one way both readers turn a file into a run. A step that is no break is running, however long:
 * a watch on smart recording writes a record only when something changes.
 */
export function runFromPoints(
  points: readonly RunPoint[],
  marked: readonly SessionGap[],
  isBreak: IsBreak | undefined,
  sport: SessionSport,
): { samples: RecordedColumns; gaps: SessionGap[] } {
  const gaps = gapsOf(Float64Array.from(points, (p) => p.t), marked, isBreak ?? missingRecordsIn(points));
  const samples = columnsFromPoints(points, gaps, sport);
  return { samples, gaps: withCoveredDistance(gaps, samples) };
}

/**
 * Columns from points whose times only increase. Missing distance is integrated from speed,
 * missing speed comes from the distance covered between neighbouring points, missing cadence is
 * 0, missing step length is derived as speed × 60 / cadence and flagged. A point with no
 * walking/running state is judged as a live pod that cannot say is judged (gait.ts): in a run, running
 * from 140 steps/min or 7.9 km/h while moving, so a warm-up walk stays out of the running-only
 * figures; in a walk, walking is the activity, and any point moving with a cadence counts as it.
 */
export function columnsFromPoints(points: readonly RunPoint[], gaps: readonly SessionGap[], sport: SessionSport = 'run'): RecordedColumns {
  const activity = sport === 'walk' ? (cadence: number, speed: number) => speed > 0 && cadence > 0 : runsByCadenceAndSpeed;
  const n = points.length;
  const c: RecordedColumns = emptyColumns(n);
  points.forEach((p, i) => (c.t[i] = p.t));

  // Distance first: derived speed needs it, and integrated distance needs only given speeds.
  // A step's seconds go to the speeds on either side by the summary's ownership rule: under smart
  // recording the record that ends a long step shows its last second only, the held speed before
  // it the rest, so 30 s at 4 m/s then 30 s at 2 m/s integrate to what 1 s records give.
  let distance = 0;
  points.forEach((p, i) => {
    if (p.distanceM !== null) distance = p.distanceM;
    else if (isSteadyStep(c.t, i, gaps)) {
      const dt = c.t[i]! - c.t[i - 1]!;
      const own = p.speedMps ?? 0;
      const held = heldShareOf(dt);
      distance += (points[i - 1]!.speedMps ?? own) * dt * held + own * dt * (1 - held);
    }
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
    if (p.running ?? activity(cadence, speed)) flags |= SAMPLE_RUNNING;
    c.speedMps[i] = speed;
    c.cadence[i] = cadence;
    c.heartRate[i] = p.heartRate ?? Number.NaN;
    c.powerW[i] = p.powerW ?? Number.NaN;
    c.inclinePercent[i] = p.inclinePercent ?? Number.NaN;
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
