// What a cue-free test measured. The test is only worth comparing across weeks at one speed, so it
// keeps only the minutes the runner ran steadily at the test speed: every 5-second mean speed within
// ±3 % of it (the treadmill's own speed where it sent one: the belt is the truth; else the
// calibrated pod's, over the seconds the pod said running), and running with a cadence for at least
// 55 s of the minute.
//
// The minutes are cut on the test's own clock, not the wall clock: the recording's gaps (a pause, a
// lost link) are taken out, so a runner who pauses for a drink is judged on the five minutes they
// ran, not on six. A lost link keeps what the run's count credited it (at most one live step, as
// the recording's moving time does, program-run.ts), so that count's five minutes are the clock's.
//
// Each sample stands for time by the summary's rule (ownedSeconds in gap-steps.ts): at 1 Hz the
// second before it; on a watch's smart recording the record that starts a longer step holds for
// all of it but its last second. So a run recorded every second and the same run recorded only
// when something changed give the same result. No sample is held over a gap.

import { LIVE_STEP_S, ownedSeconds } from '../session/gap-steps.js';
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
 * Relative allowance of every speed comparison: four times the worst rounding of a float32 (2^-24),
 * as src/session/units.ts allows its cuts. Recorded speeds are float32, so a belt at 10.3 km/h on a
 * 10.0 km/h test (exactly 3 % off) is stored 5e-8 m/s over the line; a belt step (0.01 km/h) is
 * a thousandth of a 10 km/h speed, far above this.
 */
export const FLOAT32_ALLOWANCE = 2 ** -22;

/** Whether `speed` is within `share` of `reference`, float32 storage allowed for. */
export const withinShare = (speed: number, reference: number, share: number): boolean =>
  Math.abs(speed - reference) <= share * reference + FLOAT32_ALLOWANCE * Math.max(Math.abs(speed), Math.abs(reference));
/**
 * The main part's end is a sample's time, a live sample's jitter from the whole second: 299.6 s
 * of samples are the test's five minutes (the last one a little short), not four.
 */
export const SAMPLE_JITTER_S = 1;

export type TestOutcome = { ok: true; result: TestResult; note: string | null } | { ok: false; why: string };

export type TestColumns = Pick<RecordedColumns, 't' | 'speedMps' | 'cadence' | 'strideLengthM' | 'flags' | 'treadmillSpeedMps'>;

export type TestGap = Pick<SessionGap, 'fromT' | 'toT' | 'reason'>;

/** Time owned by one sample, on the test's clock (seconds from the main part's start): [fromT, toT). */
interface Segment {
  fromT: number;
  toT: number;
  i: number;
}

/** Why a minute was left out. */
export type Discard = 'speed' | 'no-speed' | 'running' | 'unheard' | 'unrecorded';

const reasonWords: Record<Discard, string> = {
  speed: `the speed was off by more than ${SPEED_TOLERANCE * 100} %`,
  'no-speed': 'no speed was recorded',
  running: `the pod counted less than ${MIN_RUNNING_S} s of running`,
  unheard: `the link to the sensors was lost for more than ${60 - MIN_RUNNING_S} s`,
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

/** Seconds of a gap the test's clock runs through: none of a pause; of a lost link, what the run's count credited it. */
const creditedS = (gap: TestGap): number => (gap.reason === 'paused' ? 0 : Math.min(Math.max(0, gap.toT - gap.fromT), LIVE_STEP_S));

/** The test's clock at sample time `t`: seconds since `fromT` with the gaps taken out (but their credit). */
function testClock(fromT: number, gaps: readonly TestGap[]): (t: number) => number {
  return (t) =>
    gaps.reduce((clock, gap) => {
      const inside = Math.min(t, gap.toT) - Math.max(fromT, gap.fromT);
      return inside > 0 ? clock - Math.max(0, inside - creditedS(gap)) : clock;
    }, t - fromT);
}

/**
 * The time each sample stands for within [fromT, toT) and out of the gaps, on the test's clock, and
 * the main part's length on it; the sample where the times go backwards when they do.
 */
function segmentsOf(t: Float64Array, fromT: number, toT: number, gaps: readonly TestGap[]): { segments: Segment[]; lengthS: number } | { backAt: number } {
  const clock = testClock(fromT, gaps);
  const segments: Segment[] = [];
  const push = (from: number, to: number, i: number): void => {
    // Out of the gaps, a stretch's length is the same on either clock.
    for (const [a, b] of outsideGaps(Math.max(from, fromT), Math.min(to, toT), gaps)) segments.push({ fromT: clock(a), toT: clock(a) + b - a, i });
  };
  for (let i = 1; i < t.length; i++) {
    const stepS = t[i]! - t[i - 1]!;
    if (!(stepS >= 0)) return { backAt: i };
    if (stepS > MAX_HELD_STEP_S) continue;
    const { byPrevious, bySample } = ownedSeconds({ movingS: stepS, measuredS: stepS });
    push(t[i - 1]!, t[i - 1]! + byPrevious, i - 1);
    push(t[i]! - bySample, t[i]!, i);
  }
  return { segments, lengthS: clock(toT) };
}

const overlap = (segment: Segment, fromT: number, toT: number): number =>
  Math.max(0, Math.min(segment.toT, toT) - Math.max(segment.fromT, fromT));

const beltAt = (columns: TestColumns, i: number): number | null => {
  const belt = columns.treadmillSpeedMps[i];
  return belt !== undefined && Number.isFinite(belt) ? belt : null;
};

/** The belt's own speed where the treadmill sent one, else the recorded (calibrated pod) speed. */
const speedAt = (columns: TestColumns, i: number): number => beltAt(columns, i) ?? columns.speedMps[i]!;

const running = (columns: TestColumns, i: number): boolean => (columns.flags[i]! & SAMPLE_RUNNING) !== 0;

const runsWithCadence = (columns: TestColumns, i: number): boolean => running(columns, i) && Number.isFinite(columns.cadence[i]!) && columns.cadence[i]! > 0;

/**
 * Whether a sample's speed is judged: the belt's always (the belt holds the test speed whatever the
 * runner does); the pod's only while the pod says running, as standing on the rails reads 0 m/s
 * however steady the belt (the 55 s of running the minute needs judge those seconds).
 */
const speedJudged = (columns: TestColumns, i: number): boolean => beltAt(columns, i) !== null || running(columns, i);

/** Why the minute [fromT, fromT + 60) of the test's clock is left out, or null when it is kept. */
function discardOf(columns: TestColumns, segments: readonly Segment[], fromT: number, testSpeedMps: number): Discard | null {
  const inMinute = segments.filter((s) => overlap(s, fromT, fromT + 60) > 0);
  if (inMinute.length === 0) return 'unrecorded';
  for (let w = 0; w < 60; w += SPEED_WINDOW_S) {
    let judgedS = 0;
    let seconds = 0;
    let sum = 0;
    for (const segment of inMinute) {
      const s = overlap(segment, fromT + w, fromT + w + SPEED_WINDOW_S);
      if (s <= 0 || !speedJudged(columns, segment.i)) continue;
      judgedS += s;
      const speed = speedAt(columns, segment.i);
      if (!Number.isFinite(speed)) continue;
      seconds += s;
      sum += speed * s;
    }
    // Five seconds with nothing to judge (the recording ended, the runner stood on the rails) are
    // not off: the 55 s of running the minute needs judge them. Samples without a speed cannot show it was steady.
    if (judgedS <= 0) continue;
    if (seconds <= 0) return 'no-speed';
    if (!withinShare(sum / seconds, testSpeedMps, SPEED_TOLERANCE)) return 'speed';
  }
  const seconds = (keep: (i: number) => boolean): number => inMinute.reduce((sum, s) => sum + (keep(s.i) ? overlap(s, fromT, fromT + 60) : 0), 0);
  if (seconds((i) => runsWithCadence(columns, i)) >= MIN_RUNNING_S - epsilon) return null;
  // Short of running with 55 s heard: the pod said so. Short of 55 s heard: a lost link cost it.
  return seconds(() => true) >= MIN_RUNNING_S - epsilon ? 'running' : 'unheard';
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

/**
 * The main part's whole minutes in one recording (sample times, as columns.t), judged; `gaps` are
 * the recording's (SessionMeta.gaps), cut out of the test's clock the minutes are cut on. Cadence and stride length are summed over the running seconds;
 * the stride is the belt's speed × 60 / cadence where the belt gave the speed (a pod's calibration
 * must not change the stride a test reports), else the pod's, else derived from the speed as the
 * recorder does (SAMPLE_STRIDE_DERIVED: speed × 60 / cadence, metres a step).
 */
export function testMinutes(columns: TestColumns, main: { fromT: number; toT: number }, testSpeedMps: number, gaps: readonly TestGap[] = []): TestMinutes {
  if (!(Number.isFinite(testSpeedMps) && testSpeedMps > 0)) return { ok: false, why: 'No test speed was set, so the test cannot be judged. Choose a test speed and take it again.' };
  if (!(Number.isFinite(main.fromT) && Number.isFinite(main.toT) && main.toT >= main.fromT)) {
    return { ok: false, why: 'The test has no start and end in the recording, so it cannot be judged. Take it again.' };
  }
  const clocked = segmentsOf(columns.t, main.fromT, main.toT, gaps);
  if ('backAt' in clocked) {
    return { ok: false, why: `The recording's times go backwards at sample ${clocked.backAt + 1}, so the test cannot be judged. Take it again.` };
  }
  const { segments, lengthS } = clocked;
  const count = Math.floor((lengthS + SAMPLE_JITTER_S) / 60);
  const minutes: TestMinute[] = [];
  for (let m = 0; m < count; m++) {
    const fromT = m * 60;
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
 * The minutes are cut on the test's clock: a pause is no minute of the test.
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
