import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { LagLearner } from '../../src/workout/treadmill-lag.js';
import { invariantRuns } from '../support/invariant-runs.js';

/** A belt that waits `delayS` after a command, then moves `rate` km/h per s to the new speed. */
const belt = (fromKmh: number, toKmh: number, delayS: number, rate: number) => (tS: number): number => {
  const moved = Math.max(0, tS - delayS) * rate;
  return toKmh > fromKmh ? Math.min(toKmh, fromKmh + moved) : Math.max(toKmh, fromKmh - moved);
};

/** The true time to 95 % of the change. */
const trueLagS = (fromKmh: number, toKmh: number, delayS: number, rate: number): number => delayS + (0.95 * Math.abs(toKmh - fromKmh)) / rate;

/** One command at `atMs`, then readings at the given offsets (s). */
function teach(learner: LagLearner, atMs: number, change: { from: number; to: number; delayS: number; rate: number }, readingsS: number[]): void {
  learner.commanded(atMs, change.from, change.to);
  const speed = belt(change.from, change.to, change.delayS, change.rate);
  for (const s of readingsS) learner.observed(atMs + s * 1000, speed(s));
}

const everySecond = (upToS: number): number[] => Array.from({ length: upToS }, (_, i) => i + 1);

describe('LagLearner', () => {
  it('learns the time from a command to 95 % of the change, between readings', () => {
    const learner = new LagLearner();
    expect(learner.lagS).to.equal(null);
    // 8 → 12 km/h, 1 s still, then 1 km/h per s: 95 % (11.8) at 4.8 s.
    teach(learner, 10_000, { from: 8, to: 12, delayS: 1, rate: 1 }, everySecond(10));
    expect(learner.lagS).to.be.closeTo(4.8, 1e-9);
  });

  it('learns from decreases too', () => {
    const learner = new LagLearner();
    teach(learner, 0, { from: 12, to: 10, delayS: 2, rate: 0.5 }, everySecond(10));
    expect(learner.lagS).to.be.closeTo(2 + 1.9 / 0.5, 1e-9);
  });

  it('learns nothing from a change under 0.5 km/h, or from a command superseded before 95 %', () => {
    const learner = new LagLearner();
    teach(learner, 0, { from: 10, to: 10.4, delayS: 1, rate: 1 }, everySecond(5));
    expect(learner.lagS).to.equal(null);
    learner.commanded(0, 8, 12);
    learner.observed(2000, 9);
    learner.commanded(2500, 9, 9.2);
    learner.observed(5000, 12);
    expect(learner.lagS).to.equal(null);
  });

  it('learns nothing from a change that takes longer than 30 s (the runner’s hand)', () => {
    const learner = new LagLearner();
    teach(learner, 0, { from: 8, to: 12, delayS: 40, rate: 1 }, everySecond(50));
    expect(learner.lagS).to.equal(null);
  });

  it('is the median of the last 5 learned, from a lag known before', () => {
    const learner = new LagLearner(9);
    expect(learner.lagS).to.equal(9);
    for (const delayS of [1, 2, 3, 4, 5]) teach(learner, delayS * 100_000, { from: 8, to: 9, delayS, rate: 1 }, everySecond(20));
    // 1.95 … 5.95 s: the known 9 s has left the last five.
    expect(learner.lagS).to.be.closeTo(3.95, 1e-9);
    teach(learner, 1e7, { from: 8, to: 9, delayS: 20, rate: 1 }, everySecond(30));
    expect(learner.lagS).to.be.closeTo(4.95, 1e-9);
  });

  const change = fc.record({
    from: fc.integer({ min: 30, max: 150 }).map((n) => n / 10),
    by: fc.integer({ min: 5, max: 60 }).map((n) => n / 10),
    up: fc.boolean(),
    delayS: fc.double({ min: 0.2, max: 6, noNaN: true }),
    rate: fc.double({ min: 0.3, max: 3, noNaN: true }),
  }).map(({ from, by, up, delayS, rate }) => ({ from, to: up ? from + by : Math.max(1, from - by), delayS, rate }))
    .filter((c) => Math.abs(c.to - c.from) >= 0.5);

  /** Readings for 40 s after a command: a random phase, then gaps of 1 s, or irregular ones up to 1 s. */
  const readings = (regular: boolean) =>
    fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.double({ min: 0.1, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }))
      .map(([phase, gaps]) => {
        const at = [phase];
        for (let i = 0; at[at.length - 1]! < 40; i++) at.push(at[at.length - 1]! + (regular ? 1 : gaps[i % gaps.length]!));
        return at;
      });

  it('learns each change to within a reading’s gap, whether readings come each second or irregularly', () => {
    fc.assert(
      fc.property(change, readings(true), readings(false), (c, regular, irregular) => {
        const truth = trueLagS(c.from, c.to, c.delayS, c.rate);
        for (const [what, at, gap] of [['1 s', regular, 1], ['irregular', irregular, 1]] as const) {
          const learner = new LagLearner();
          teach(learner, 5000, c, at);
          if (truth > 30) return;
          expect(learner.lagS, `${what} readings`).to.be.closeTo(truth, gap);
        }
      }),
      { numRuns: invariantRuns(200) },
    );
  });

  it('is the same whatever order up to five changes are learned in', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 5 }), fc.func(fc.integer()), (changes, key) => {
        const learnAll = (order: typeof changes): number | null => {
          const learner = new LagLearner();
          order.forEach((c, i) => teach(learner, i * 100_000, c, everySecond(40)));
          return learner.lagS;
        };
        const shuffled = [...changes].sort((a, b) => key(a.from, a.delayS) - key(b.from, b.delayS));
        expect(learnAll(shuffled)).to.be.closeTo(learnAll(changes)!, 1e-9);
      }),
      { numRuns: invariantRuns(150) },
    );
  });
});

describe('LagLearner at exactly 0.5 km/h', () => {
  // 8.2 - 7.7 is 0.4999999999999991 in floats: the threshold is compared in 0.01 km/h.
  it('learns from every 0.5 km/h change between tenths of a km/h, up and down', () => {
    const unlearned: string[] = [];
    for (let tenths = 10; tenths <= 200; tenths++) {
      const low = tenths / 10;
      const high = (tenths + 5) / 10;
      for (const [from, to] of [[low, high], [high, low]] as const) {
        const learner = new LagLearner();
        learner.commanded(0, from, to);
        learner.observed(1000, from);
        learner.observed(3000, to);
        if (learner.lagS === null) unlearned.push(`${from} -> ${to}`);
      }
    }
    expect(unlearned).to.deep.equal([]);
  });
});
