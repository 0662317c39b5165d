// What a cue-free test measured. The test is only worth comparing across weeks at one speed, so it
// keeps only the minutes the runner ran steadily at the test speed: every 5-second mean speed within
// ±3 % of it (the treadmill's own speed where it sent one: the belt is the truth; else the
// calibrated pod's), and running with a cadence for at least 55 s of the minute.
//
// Each sample stands for time by the summary's rule (ownedSeconds in gap-steps.ts): at 1 Hz the
// second before it; on a watch's smart recording the record that starts a longer step holds for
// all of it but its last second. So a run recorded every second and the same run recorded only
// when something changed give the same result.

import { ownedSeconds } from '../session/gap-steps.js';
import { type RecordedColumns, SAMPLE_RUNNING } from '../session/recorded-session.js';
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
const SAMPLE_JITTER_S = 1;

export type TestOutcome = { ok: true; result: TestResult; note: string | null } | { ok: false; why: string };

export type TestColumns = Pick<RecordedColumns, 't' | 'speedMps' | 'cadence' | 'strideLengthM' | 'flags' | 'treadmillSpeedMps'>;

/** Time owned by one sample: [fromT, toT). */
interface Segment {
  fromT: number;
  toT: number;
  i: number;
}

/** Why a minute was left out. */
type Discard = 'speed' | 'no-speed' | 'running' | 'unrecorded';

const reasonWords: Record<Discard, string> = {
  speed: `the speed was off by more than ${SPEED_TOLERANCE * 100} %`,
  'no-speed': 'no speed was recorded',
  running: `the pod counted less than ${MIN_RUNNING_S} s of running`,
  unrecorded: 'nothing was recorded',
};

/** The time each sample stands for, clipped to [fromT, toT); null when the times go backwards. */
function segmentsOf(t: Float64Array, fromT: number, toT: number): Segment[] | { backAt: number } {
  const segments: Segment[] = [];
  const push = (from: number, to: number, i: number): void => {
    const a = Math.max(from, fromT);
    const b = Math.min(to, toT);
    if (b > a) segments.push({ fromT: a, toT: b, i });
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

/**
 * The test's result over the main part's whole minutes (sample times, as columns.t), or why it
 * cannot count. Cadence and stride length are time-weighted over the running seconds of the kept
 * minutes; a stride the pod never sent is derived as speed × 60 / cadence, as the recorder does.
 */
export function testResult(
  columns: TestColumns,
  main: { fromT: number; toT: number },
  testSpeedMps: number,
  run: { sessionId: string; atMs: number },
): TestOutcome {
  if (!(Number.isFinite(testSpeedMps) && testSpeedMps > 0)) return { ok: false, why: 'No test speed was set, so the test cannot be judged. Choose a test speed and take it again.' };
  if (!(Number.isFinite(main.fromT) && Number.isFinite(main.toT) && main.toT >= main.fromT)) {
    return { ok: false, why: 'The test has no start and end in the recording, so it cannot be judged. Take it again.' };
  }
  const segments = segmentsOf(columns.t, main.fromT, main.toT);
  if (!Array.isArray(segments)) {
    return { ok: false, why: `The recording's times go backwards at sample ${segments.backAt + 1}, so the test cannot be judged. Take it again.` };
  }
  const minutes = Math.floor((main.toT - main.fromT + SAMPLE_JITTER_S) / 60);
  if (minutes < MIN_KEPT_MINUTES) {
    return { ok: false, why: `The test ran ${minutesWords(minutes)}; it needs ${MIN_KEPT_MINUTES} steady minutes to count. Take it again.` };
  }

  const kept: number[] = [];
  const discards: Discard[] = [];
  for (let m = 0; m < minutes; m++) {
    const discard = discardOf(columns, segments, main.fromT + m * 60, testSpeedMps);
    if (discard === null) kept.push(main.fromT + m * 60);
    else discards.push(discard);
  }
  if (kept.length < MIN_KEPT_MINUTES) {
    const only = kept.length === 0 ? 'No minute' : `Only ${kept.length} of ${minutes} minutes`;
    return {
      ok: false,
      why: `${only} of the test counted (${reasonsWords(discards)}); a test needs ${MIN_KEPT_MINUTES} steady minutes. Take it again, keeping the belt at the test speed.`,
    };
  }

  let seconds = 0;
  let cadenceSum = 0;
  let strideSeconds = 0;
  let strideSum = 0;
  for (const fromT of kept) {
    for (const segment of segments) {
      const s = overlap(segment, fromT, fromT + 60);
      if (s <= 0 || !runsWithCadence(columns, segment.i)) continue;
      const cadence = columns.cadence[segment.i]!;
      seconds += s;
      cadenceSum += cadence * s;
      const pod = columns.strideLengthM[segment.i]!;
      const stride = Number.isFinite(pod) && pod > 0 ? pod : (speedAt(columns, segment.i) * 60) / cadence;
      if (Number.isFinite(stride) && stride > 0) {
        strideSeconds += s;
        strideSum += stride * s;
      }
    }
  }
  const result: TestResult = {
    sessionId: run.sessionId,
    atMs: run.atMs,
    speedMps: testSpeedMps,
    cadenceSpm: cadenceSum / seconds,
    strideLengthM: strideSeconds > 0 ? strideSum / strideSeconds : (testSpeedMps * 60 * seconds) / cadenceSum,
    keptMinutes: kept.length,
    discardedMinutes: discards.length,
  };
  const d = discards.length;
  const note = d === 0 ? null : `${d} of ${minutes} minutes ${d === 1 ? 'was' : 'were'} left out: ${reasonsWords(discards)}.`;
  return { ok: true, result, note };
}
