// Generated runs for the program's rules: a run is a list of seconds (what the runner did in each),
// recorded as the app records it (a sample a second, standing for the second before it), or as a
// watch's smart recording would (a record only when something changed, at least every few seconds),
// or at 2 Hz. The same seconds give the same run whichever way they are recorded, so a rule that
// reads them as time must give the same answer for each.
//
// API (all pure):
// - `second(changes)`: one second of steady running at 3 m/s, 170 spm, 1.06 m, no treadmill.
// - `spell(n, changes)`: n such seconds.
// - `columnsOf(seconds, startT)`: the 1 Hz recording; sample 0 at startT, sample k at startT + k
//   standing for (startT + k − 1, startT + k]. So the seconds after sample 0 are `seconds[1..]`:
//   a test over [startT, startT + 300) needs 301 seconds.
// - `smartRecorded(columns, random, maxStepS)`: the same run with unchanged samples left out.
// - `twiceASecond(columns)`: the same run at 2 Hz.
// - `generatedTestArbitrary`: fast-check seconds of a test at a speed, some minutes off or walked.
// - `testRun(options)`: a whole test run (warm-up, the five minutes, cool-down) as columns, with
//   the main part's sample times to hand to testResult: the simplest way to a TestOutcome.

import fc from 'fast-check';
import { emptyColumns } from '../../src/session/recorded-columns.js';
import { SAMPLE_RUNNING } from '../../src/session/recorded-session.js';
import type { TestColumns } from '../../src/program/test-result.js';

export interface RunSecond {
  speedMps: number;
  cadence: number;
  strideLengthM: number;
  running: boolean;
  /** NaN: no treadmill. */
  treadmillSpeedMps: number;
}

export const second = (changes: Partial<RunSecond> = {}): RunSecond => ({
  speedMps: 3,
  cadence: 170,
  strideLengthM: 1.06,
  running: true,
  treadmillSpeedMps: Number.NaN,
  ...changes,
});

export const spell = (n: number, changes: Partial<RunSecond> = {}): RunSecond[] => Array.from({ length: n }, () => second(changes));

/** The 1 Hz recording of `seconds` (see the header for which second a sample stands for). */
export function columnsOf(seconds: readonly RunSecond[], startT = 0): TestColumns {
  const c = emptyColumns(seconds.length);
  seconds.forEach((s, k) => {
    c.t[k] = startT + k;
    c.speedMps[k] = s.speedMps;
    c.cadence[k] = s.cadence;
    c.strideLengthM[k] = s.strideLengthM;
    c.flags[k] = s.running ? SAMPLE_RUNNING : 0;
    c.treadmillSpeedMps[k] = s.treadmillSpeedMps;
  });
  return c;
}

const columnNames = ['t', 'speedMps', 'cadence', 'strideLengthM', 'flags', 'treadmillSpeedMps'] as const;

function pick(columns: TestColumns, rows: readonly number[]): TestColumns {
  const c = emptyColumns(rows.length);
  for (const name of columnNames) rows.forEach((row, k) => (c[name][k] = columns[name][row]!));
  return c;
}

const sameValues = (c: TestColumns, a: number, b: number): boolean =>
  columnNames.every((name) => name === 't' || Object.is(c[name][a], c[name][b]));

/**
 * A watch's smart recording of the same run: a sample is written when any value changed since the
 * second before, else when the last one written is `random`-chosen 1..maxStepS seconds old, and
 * always the first and last.
 */
export function smartRecorded(columns: TestColumns, random: () => number, maxStepS = 8): TestColumns {
  const n = columns.t.length;
  const rows: number[] = [];
  let due = 0;
  for (let i = 0; i < n; i++) {
    const last = rows[rows.length - 1];
    const keep = last === undefined || i === n - 1 || !sameValues(columns, i, i - 1) || columns.t[i]! - columns.t[last]! >= due;
    if (!keep) continue;
    rows.push(i);
    due = 1 + Math.floor(random() * maxStepS);
  }
  return pick(columns, rows);
}

/** The same run sampled every half second. */
export function twiceASecond(columns: TestColumns): TestColumns {
  const rows: number[] = [0];
  const times: number[] = [columns.t[0]!];
  for (let i = 1; i < columns.t.length; i++) {
    rows.push(i, i);
    times.push(columns.t[i]! - 0.5, columns.t[i]!);
  }
  const c = pick(columns, rows);
  c.t.set(times);
  return c;
}

/** A test's seconds: minute by minute at the test speed or off it, some with walking inside. */
export interface GeneratedTest {
  speedMps: number;
  /** 301 seconds: the sample at the start, then five minutes. */
  seconds: RunSecond[];
  /** Per minute: the speed factor it was run at (1 = the test speed) and its walking seconds. */
  minutes: { factor: number; walkS: number; cadence: number; stride: number }[];
}

export const generatedTestArbitrary: fc.Arbitrary<GeneratedTest> = fc
  .record({
    speedMps: fc.double({ min: 1.5, max: 5, noNaN: true }),
    minutes: fc.array(
      fc.record({
        factor: fc.oneof(fc.constant(1), fc.double({ min: 0.9, max: 1.1, noNaN: true })),
        walkS: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
        cadence: fc.integer({ min: 140, max: 200 }),
        stride: fc.double({ min: 0.6, max: 1.6, noNaN: true }),
      }),
      { minLength: 5, maxLength: 5 },
    ),
  })
  .map(({ speedMps, minutes }) => {
    const seconds: RunSecond[] = [second({ speedMps })];
    for (const m of minutes) {
      seconds.push(...spell(60 - m.walkS, { speedMps: speedMps * m.factor, cadence: m.cadence, strideLengthM: m.stride }));
      seconds.push(...spell(m.walkS, { speedMps: speedMps * m.factor, cadence: 100, strideLengthM: 0.7, running: false }));
    }
    return { speedMps, seconds, minutes };
  });

export interface TestRunOptions {
  speedMps: number;
  cadence: number;
  strideLengthM?: number;
  /** Minutes of the five (0-4) run 4 % fast: each is left out of the result. */
  offMinutes?: readonly number[];
  /** Running seconds before the test; 300 unless told. */
  warmUpS?: number;
  coolDownS?: number;
}

/** A whole test run at 1 Hz from t = 0, and the main part's sample times. */
export function testRun(options: TestRunOptions): { columns: TestColumns; main: { fromT: number; toT: number } } {
  const { speedMps, cadence, strideLengthM = (speedMps * 60) / cadence, offMinutes = [], warmUpS = 300, coolDownS = 60 } = options;
  const at = (factor: number) => ({ speedMps: speedMps * factor, cadence, strideLengthM });
  const seconds = [second(at(1)), ...spell(warmUpS, at(1))];
  for (let m = 0; m < 5; m++) seconds.push(...spell(60, at(offMinutes.includes(m) ? 1.04 : 1)));
  seconds.push(...spell(coolDownS, { ...at(1), speedMps: speedMps * 0.7 }));
  return { columns: columnsOf(seconds), main: { fromT: warmUpS, toT: warmUpS + 300 } };
}
