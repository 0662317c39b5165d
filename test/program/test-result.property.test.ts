// Properties of the test result over generated tests: the result is the run's, not the
// recording's (1 Hz, smart recording, 2 Hz agree), walking outside the test changes nothing,
// and the kept minutes and means are those a runner would count by hand.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { MIN_KEPT_MINUTES, SPEED_TOLERANCE, testResult, type TestOutcome } from '../../src/program/test-result.js';
import { mulberry32 } from '../../src/sources/run-profile.js';
import {
  columnsOf,
  type GeneratedTest,
  generatedTestArbitrary,
  smartRecorded,
  spell,
  twiceASecond,
} from '../support/generated-program-runs.js';

const run = { sessionId: 'p', atMs: 0 };
const main = { fromT: 0, toT: 300 };

/** The same outcome up to the rounding of sums taken in another order. */
function expectSame(a: TestOutcome, b: TestOutcome): void {
  expect(a.ok).to.equal(b.ok);
  if (!a.ok || !b.ok) {
    expect(a).to.deep.equal(b);
    return;
  }
  expect(a.note).to.equal(b.note);
  expect(a.result.keptMinutes).to.equal(b.result.keptMinutes);
  expect(a.result.discardedMinutes).to.equal(b.result.discardedMinutes);
  expect(a.result.cadenceSpm).to.be.closeTo(b.result.cadenceSpm, 1e-9 * b.result.cadenceSpm);
  expect(a.result.strideLengthM).to.be.closeTo(b.result.strideLengthM, 1e-9 * b.result.strideLengthM);
}

/** Minutes whose speed is this close to the band's edge are left to the unit tests (float32 rounding). */
const nearEdge = (test: GeneratedTest): boolean => test.minutes.some((m) => Math.abs(Math.abs(m.factor - 1) - SPEED_TOLERANCE) < 1e-5);

describe('testResult: properties over generated tests', () => {
  it('keeps the minutes within ±3 % with 55 s of running, and means their running seconds', () => {
    fc.assert(
      fc.property(generatedTestArbitrary, (test) => {
        fc.pre(!nearEdge(test));
        const outcome = testResult(columnsOf(test.seconds), main, test.speedMps, run);
        const kept = test.minutes.filter((m) => Math.abs(m.factor - 1) <= SPEED_TOLERANCE && m.walkS <= 5);
        expect(outcome.ok).to.equal(kept.length >= MIN_KEPT_MINUTES);
        if (!outcome.ok) return;
        expect(outcome.result.keptMinutes).to.equal(kept.length);
        expect(outcome.result.discardedMinutes).to.equal(5 - kept.length);
        const seconds = kept.reduce((sum, m) => sum + 60 - m.walkS, 0);
        const cadence = kept.reduce((sum, m) => sum + m.cadence * (60 - m.walkS), 0) / seconds;
        const stride = kept.reduce((sum, m) => sum + Math.fround(m.stride) * (60 - m.walkS), 0) / seconds;
        expect(outcome.result.cadenceSpm).to.be.closeTo(cadence, 1e-9 * cadence);
        expect(outcome.result.strideLengthM).to.be.closeTo(stride, 1e-9 * stride);
        expect(outcome.note === null).to.equal(kept.length === 5);
      }),
    );
  });

  it('gives the same result recorded every second, only when something changed (1-8 s), or twice a second', () => {
    fc.assert(
      fc.property(generatedTestArbitrary, fc.integer(), (test, seed) => {
        const everySecond = columnsOf(test.seconds);
        const expected = testResult(everySecond, main, test.speedMps, run);
        const smart = smartRecorded(everySecond, mulberry32(seed));
        expect(smart.t.length).to.be.below(everySecond.t.length);
        expectSame(testResult(smart, main, test.speedMps, run), expected);
        expectSame(testResult(twiceASecond(everySecond), main, test.speedMps, run), expected);
      }),
    );
  });

  it('changes nothing when walking (or standing) is added before and after the test', () => {
    fc.assert(
      fc.property(generatedTestArbitrary, fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), fc.integer(), (test, beforeS, afterS, seed) => {
        const expected = testResult(columnsOf(test.seconds), main, test.speedMps, run);
        const walk = (n: number) => spell(n, { running: false, cadence: 110, speedMps: 1.4, strideLengthM: 0.7 });
        // The walk's last second is the test's first sample (it stands for the second before the test).
        const seconds = [...walk(beforeS), ...test.seconds.slice(beforeS > 0 ? 1 : 0), ...walk(afterS)];
        const shifted = { fromT: 1000 + Math.max(0, beforeS - 1), toT: 1300 + Math.max(0, beforeS - 1) };
        const columns = columnsOf(seconds, 1000);
        expectSame(testResult(columns, shifted, test.speedMps, run), expected);
        expectSame(testResult(smartRecorded(columns, mulberry32(seed)), shifted, test.speedMps, run), expected);
      }),
    );
  });

  it('scales with the test speed: the same run at k × the speed keeps the same minutes', () => {
    fc.assert(
      fc.property(generatedTestArbitrary, fc.double({ min: 0.5, max: 2, noNaN: true }), (test, k) => {
        fc.pre(!nearEdge(test));
        const scaled = test.seconds.map((s) => ({ ...s, speedMps: s.speedMps * k }));
        const a = testResult(columnsOf(test.seconds), main, test.speedMps, run);
        const b = testResult(columnsOf(scaled), main, test.speedMps * k, run);
        expect(b.ok).to.equal(a.ok);
        if (a.ok && b.ok) expect(b.result.keptMinutes).to.equal(a.result.keptMinutes);
      }),
    );
  });

  it('reads the belt where the treadmill sent its speed: the pod\'s speed then changes nothing', () => {
    fc.assert(
      fc.property(generatedTestArbitrary, fc.array(fc.double({ min: 0, max: 8, noNaN: true }), { minLength: 1 }), (test, noise) => {
        const belt = test.seconds.map((s) => ({ ...s, treadmillSpeedMps: s.speedMps }));
        const expected = testResult(columnsOf(belt), main, test.speedMps, run);
        const noisyPod = belt.map((s, k) => ({ ...s, speedMps: noise[k % noise.length]! }));
        // Strides as the pod sent them, so the pod's speed is not read for a derived one either.
        expectSame(testResult(columnsOf(noisyPod), main, test.speedMps, run), expected);
      }),
    );
  });

  it('judges the samples in the order stored: out of order is refused in words, never a number', () => {
    fc.assert(
      fc.property(generatedTestArbitrary, fc.integer({ min: 1, max: 299 }), (test, i) => {
        const columns = columnsOf(test.seconds);
        const t = columns.t[i]!;
        columns.t[i] = columns.t[i + 1]!;
        columns.t[i + 1] = t;
        const outcome = testResult(columns, main, test.speedMps, run);
        expect(outcome.ok).to.equal(false);
        if (!outcome.ok) expect(outcome.why).to.contain('times go backwards');
      }),
    );
  });
});

describe('testResult: a pause put anywhere in a test (the recording\'s gap)', () => {
  it('changes nothing: the minutes are cut on the test\'s clock, the pause taken out', () => {
    fc.assert(
      fc.property(generatedTestArbitrary, fc.integer({ min: 0, max: 299 }), fc.integer({ min: 1, max: 700 }), (test, atS, pauseS) => {
        const expected = testResult(columnsOf(test.seconds), main, test.speedMps, run);
        // As the recorder writes it: the gap runs from the last sample before the pause to the first
        // after it, which stands for no second of running (here standing still, as on resuming).
        const resume = spell(1, { running: false, speedMps: 0, cadence: 0 });
        const seconds = [...test.seconds.slice(0, atS + 1), ...resume, ...test.seconds.slice(atS + 1)];
        const columns = columnsOf(seconds);
        columns.t.set(seconds.map((_, k) => (k <= atS ? k : k - 1 + pauseS)));
        const gaps = [{ fromT: atS, toT: atS + pauseS, reason: 'paused' as const }];
        expectSame(testResult(columns, { fromT: 0, toT: 300 + pauseS }, test.speedMps, run, gaps), expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('testResult: a footpod alone', () => {
  it('judges the speed on the seconds the pod says running: what it reads while not running changes nothing', () => {
    fc.assert(
      fc.property(generatedTestArbitrary, fc.array(fc.oneof(fc.double({ min: 0, max: 8, noNaN: true }), fc.constant(Number.NaN)), { minLength: 1 }), (test, speeds) => {
        const expected = testResult(columnsOf(test.seconds), main, test.speedMps, run);
        const standing = test.seconds.map((s, k) => (s.running ? s : { ...s, speedMps: speeds[k % speeds.length]! }));
        expectSame(testResult(columnsOf(standing), main, test.speedMps, run), expected);
      }),
    );
  });
});
