// What a cue-free test measured. The test is only worth comparing across weeks at one speed, so it
// keeps only the minutes the runner ran steadily at the test speed: every 5-second mean speed within
// ±3 % of it (the treadmill's own speed where it sent one: the belt is the truth; else the
// calibrated pod's), and running with a cadence for at least 55 s of the minute.
//
// Each sample stands for time by the summary's rule (ownedSeconds in gap-steps.ts): at 1 Hz the
// second before it; on a watch's smart recording the record that starts a longer step holds for
// all of it but its last second. So a run recorded every second and the same run recorded only
// when something changed give the same result. The recording's gaps (a pause, a lost link, a
// watch's missing records) are not running: no sample is held over them.

import { ownedSeconds } from '../session/gap-steps.js';
import { type RecordedColumns, SAMPLE_RUNNING, type SessionGap } from '../session/recorded-session.js';
import type { TestResult } from './program-types.js';

export const SPEED_TOLERANCE = 0.03;
export const MIN_KEPT_MINUTES = 3;
/** A minute needs this many running seconds with a cadence to count. */
export const MIN_RUNNING_S = 55;
/** The 5-second means the speed is judged on. */
const SPEED_WINDOW_S = 5;
/**
 * Longer steps between samples are not held: the app's own recordings are 1 Hz and a watch's
 * smart recording writes at least every few seconds, so a longer step is a pause or a lost link
 * and nothing is known about it.
 */
export const MAX_HELD_STEP_S = 10;
const epsilon = 1e-9;
/**
 * The main part's end is a sample's time, a live sample's jitter from the whole second: 299.6 s
 * of samples are the test's five minutes (the last one a little short), not four.
 */
export const SAMPLE_JITTER_S = 1;

export type TestOutcome = { ok: true; result: TestResult; note: string | null } | { ok: false; why: string };

export type TestColumns = Pick<RecordedColumns, 't' | 'speedMps' | 'cadence' | 'strideLengthM' | 'flags' | 'treadmillSpeedMps'>;

export type TestGap = Pick<SessionGap, 'fromT' | 'toT' | 'reason'>;

/** Time owned by one sample: [fromT, toT). */
interface Segment {
  fromT: number;
  toT: number;
  i: number;
}

/** Why a minute was left out. */
export type Discard = 'speed' | 'no-speed' | 'running' | 'unrecorded';

const reasonWords: Record<Discard, string> = {
  speed: `the speed was off by more than ${SPEED_TOLERANCE * 100} %`,
  'no-speed': 'no speed was recorded',
  running: `the pod counted less than ${MIN_RUNNING_S} s of running`,
  unrecorded: 'nothing was recorded',
};

/** [from, to) without the gaps' time. */
function outsideGaps(from: number, to: number, gaps: readonly TestGap[]): [number, number][] {
  let parts: [number, number][] = [[from, to]];
  for (const gap of gaps) {
    parts = parts.flatMap(([a, b]): [number, number][] =>
      gap.toT <= a || gap.fromT >= b ? [[a, b]] : ([[a, Math.min(b, gap.fromT)], [Math.max(a, gap.toT), b]] as [number, number][]).filter(([x, y]) => y > x),
    );
  }
  return parts;
}

/** The time each sample stands for, clipped to [fromT, toT) and out of the gaps; null when the times go backwards. */
function segmentsOf(t: Float64Array, fromT: number, toT: number, gaps: readonly TestGap[]): Segment[] | { backAt: number } {
  const segments: Segment[] = [];
  const push = (from: number, to: number, i: number): void => {
    for (const [a, b] of outsideGaps(Math.max(from, fromT), Math.min(to, toT), gaps)) segments.push({ fromT: a, toT: b, i });
  };
  for (let i = 1; i < t.length; i++) {
    const stepS = t[i]! - t[i - 1]!;
    if (!(stepS >= 0)) return { backAt: i };
    if (stepS > MAX_HELD_STEP_S) continue;
    const { byPrevious, bySample } = ownedSeconds({ movingS: stepS, measuredS: stepS });
    push(t[i - 1]!, t[i - 1]! + byPrevious, i - 1);
    push(t[i]! - bySample, t[i]!, i);
  }
  return segments;
}

const overlap = (segment: Segment, fromT: number, toT: number): number =>
  Math.max(0, Math.min(segment.toT, toT) - Math.max(segment.fromT, fromT));

/** The belt's own speed where the treadmill sent one, else the recorded (calibrated pod) speed. */
function speedAt(columns: TestColumns, i: number): number {
  const belt = columns.treadmillSpeedMps[i];
  return belt !== undefined && Number.isFinite(belt) ? belt : columns.speedMps[i]!;
}

const runsWithCadence = (columns: TestColumns, i: number): boolean =>
  (columns.flags[i]! & SAMPLE_RUNNING) !== 0 && Number.isFinite(columns.cadence[i]!) && columns.cadence[i]! > 0;

/** Why the minute [fromT, fromT + 60) is left out, or null when it is kept. */
function discardOf(columns: TestColumns, segments: readonly Segment[], fromT: number, testSpeedMps: number): Discard | null {
  const inMinute = segments.filter((s) => overlap(s, fromT, fromT + 60) > 0);
  if (inMinute.length === 0) return 'unrecorded';
  for (let w = 0; w < 60; w += SPEED_WINDOW_S) {
    let recordedS = 0;
    let seconds = 0;
    let sum = 0;
    for (const segment of inMinute) {
      const speed = speedAt(columns, segment.i);
      const s = overlap(segment, fromT + w, fromT + w + SPEED_WINDOW_S);
      if (s <= 0) continue;
      recordedS += s;
      if (!Number.isFinite(speed)) continue;
      seconds += s;
      sum += speed * s;
    }
    // Five seconds with no samples at all (the recording ended, a pause) are not off: the 55 s of
    // running the minute needs judge them. Samples without a speed cannot show it was steady.
    if (recordedS <= 0) continue;
    if (seconds <= 0) return 'no-speed';
    if (Math.abs(sum / seconds - testSpeedMps) > SPEED_TOLERANCE * testSpeedMps + epsilon) return 'speed';
  }
  const runningS = inMinute.reduce((sum, s) => sum + (runsWithCadence(columns, s.i) ? overlap(s, fromT, fromT + 60) : 0), 0);
  return runningS >= MIN_RUNNING_S - epsilon ? null : 'running';
}

const minutesWords = (n: number): string => (n === 1 ? '1 minute' : `${n} minutes`);

/** "in 2 the speed was off by more than 3 %, in 1 …", or the one reason alone. */
function reasonsWords(discards: readonly Discard[]): string {
  const kinds = (Object.keys(reasonWords) as Discard[]).filter((kind) => discards.includes(kind));
  if (kinds.length === 1) return reasonWords[kinds[0]!];
  return kinds.map((kind) => `in ${discards.filter((d) => d === kind).length} ${reasonWords[kind]}`).join(', ');
}

/** One whole minute of a test: why it was left out (null: kept), and its running seconds' sums. */
export interface TestMinute {
  discard: Discard | null;
  seconds: number;
  cadenceSum: number;
  strideSeconds: number;
  strideSum: number;
}

export type TestMinutes = { ok: true; minutes: TestMinute[] } | { ok: false; why: string };

/** A minute the runner had paused all of is no minute of the test: neither kept nor left out. */
const pausedThroughout = (fromT: number, gaps: readonly TestGap[]): boolean =>
  outsideGaps(
    fromT,
    fromT + 60,
    gaps.filter((gap) => gap.reason === 'paused'),
  ).length === 0;

/**
 * The main part's whole minutes in one recording (sample times, as columns.t), judged; `gaps` are
 * the recording's (SessionMeta.gaps). Cadence and stride length are summed over the running seconds;
 * the stride is the belt's speed × 60 / cadence where the belt gave the speed (a pod's calibration
 * must not change the stride a test reports), else the pod's, else derived from the speed as the
 * recorder does (SAMPLE_STRIDE_DERIVED: speed × 60 / cadence, metres a step).
 */
export function testMinutes(columns: TestColumns, main: { fromT: number; toT: number }, testSpeedMps: number, gaps: readonly TestGap[] = []): TestMinutes {
  if (!(Number.isFinite(testSpeedMps) && testSpeedMps > 0)) return { ok: false, why: 'No test speed was set, so the test cannot be judged. Choose a test speed and take it again.' };
  if (!(Number.isFinite(main.fromT) && Number.isFinite(main.toT) && main.toT >= main.fromT)) {
    return { ok: false, why: 'The test has no start and end in the recording, so it cannot be judged. Take it again.' };
  }
  const segments = segmentsOf(columns.t, main.fromT, main.toT, gaps);
  if (!Array.isArray(segments)) {
    return { ok: false, why: `The recording's times go backwards at sample ${segments.backAt + 1}, so the test cannot be judged. Take it again.` };
  }
  const count = Math.floor((main.toT - main.fromT + SAMPLE_JITTER_S) / 60);
  const minutes: TestMinute[] = [];
  for (let m = 0; m < count; m++) {
    const fromT = main.fromT + m * 60;
    if (pausedThroughout(fromT, gaps)) continue;
    const minute: TestMinute = { discard: discardOf(columns, segments, fromT, testSpeedMps), seconds: 0, cadenceSum: 0, strideSeconds: 0, strideSum: 0 };
    for (const segment of segments) {
      const s = overlap(segment, fromT, fromT + 60);
      if (s <= 0 || !runsWithCadence(columns, segment.i)) continue;
      const cadence = columns.cadence[segment.i]!;
      minute.seconds += s;
      minute.cadenceSum += cadence * s;
      const belt = columns.treadmillSpeedMps[segment.i];
      const pod = columns.strideLengthM[segment.i]!;
      const stride =
        belt !== undefined && Number.isFinite(belt) ? (belt * 60) / cadence : Number.isFinite(pod) && pod > 0 ? pod : (speedAt(columns, segment.i) * 60) / cadence;
      if (Number.isFinite(stride) && stride > 0) {
        minute.strideSeconds += s;
        minute.strideSum += stride * s;
      }
    }
    minutes.push(minute);
  }
  return { ok: true, minutes };
}

/**
 * A test's result over its minutes, from one recording or several (a reload splits a test: each
 * recording's minutes are judged where they lie). Cadence and stride length are time-weighted over
 * the running seconds of the kept minutes.
 */
export function testOutcomeOf(minutes: readonly TestMinute[], testSpeedMps: number, run: { sessionId: string; atMs: number }): TestOutcome {
  const count = minutes.length;
  if (count < MIN_KEPT_MINUTES) {
    return { ok: false, why: `The test ran ${minutesWords(count)}; it needs ${MIN_KEPT_MINUTES} steady minutes to count. Take it again.` };
  }
  const kept = minutes.filter((m) => m.discard === null);
  const discards = minutes.flatMap((m) => (m.discard === null ? [] : [m.discard]));
  if (kept.length < MIN_KEPT_MINUTES) {
    const only = kept.length === 0 ? 'No minute' : `Only ${kept.length} of ${count} minutes`;
    return {
      ok: false,
      why: `${only} of the test counted (${reasonsWords(discards)}); a test needs ${MIN_KEPT_MINUTES} steady minutes. Take it again, keeping the belt at the test speed.`,
    };
  }
  const sum = (key: 'seconds' | 'cadenceSum' | 'strideSeconds' | 'strideSum'): number => kept.reduce((total, m) => total + m[key], 0);
  const seconds = sum('seconds');
  const cadenceSum = sum('cadenceSum');
  const strideSeconds = sum('strideSeconds');
  const result: TestResult = {
    sessionId: run.sessionId,
    atMs: run.atMs,
    speedMps: testSpeedMps,
    cadenceSpm: cadenceSum / seconds,
    strideLengthM: strideSeconds > 0 ? sum('strideSum') / strideSeconds : (testSpeedMps * 60 * seconds) / cadenceSum,
    keptMinutes: kept.length,
    discardedMinutes: discards.length,
  };
  const d = discards.length;
  const note = d === 0 ? null : `${d} of ${count} minutes ${d === 1 ? 'was' : 'were'} left out: ${reasonsWords(discards)}.`;
  return { ok: true, result, note };
}

/**
 * The test's result over the main part's whole minutes of one recording (sample times, as
 * columns.t), or why it cannot count; `gaps`: the recording's (SessionMeta.gaps), never running.
 * Minutes the runner paused throughout are neither kept nor left out.
 */
export function testResult(
  columns: TestColumns,
  main: { fromT: number; toT: number },
  testSpeedMps: number,
  run: { sessionId: string; atMs: number },
  gaps: readonly TestGap[] = [],
): TestOutcome {
  const judged = testMinutes(columns, main, testSpeedMps, gaps);
  return judged.ok ? testOutcomeOf(judged.minutes, testSpeedMps, run) : judged;
}
