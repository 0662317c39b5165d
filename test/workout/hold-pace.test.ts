import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { type BeltLimits, clampSpeed } from '../../src/workout/belt-limits.js';
import { type HoldPaceInput, holdPaceSpeed } from '../../src/workout/hold-pace.js';
import { invariantRuns } from '../support/invariant-runs.js';

const at = (over: Partial<HoldPaceInput>): HoldPaceInput => ({
  stepKmh: 12, beltKmh: 12, podKmh: 11.5, nowS: 100, stepEndsAtS: 300, lastCorrectionAtS: 60, ...over,
});

describe('holdPaceSpeed', () => {
  it('moves the belt toward the step’s speed as the pod reads it, by at most 0.3 km/h', () => {
    expect(holdPaceSpeed(at({}))).to.equal(12.3);
    expect(holdPaceSpeed(at({ podKmh: 12.15 }))).to.equal(11.9);
    expect(holdPaceSpeed(at({ beltKmh: 12.4, podKmh: 11.9 }))).to.equal(12.5);
  });

  it('keeps within 5 % of the step’s speed', () => {
    expect(holdPaceSpeed(at({ beltKmh: 12.5, podKmh: 11 }))).to.equal(12.6);
    expect(holdPaceSpeed(at({ beltKmh: 12.6, podKmh: 11 }))).to.equal(null);
  });

  it('leaves the belt alone: under a tenth off, within 30 s of the last setting, in the last 20 s, a belt moved by hand, no pod', () => {
    expect(holdPaceSpeed(at({ podKmh: 11.95 }))).to.equal(null);
    expect(holdPaceSpeed(at({ lastCorrectionAtS: 71 }))).to.equal(null);
    expect(holdPaceSpeed(at({ lastCorrectionAtS: 70 }))).to.equal(12.3);
    expect(holdPaceSpeed(at({ stepEndsAtS: 120 }))).to.equal(null);
    expect(holdPaceSpeed(at({ stepEndsAtS: 120.5 }))).to.equal(12.3);
    expect(holdPaceSpeed(at({ beltKmh: 13 }))).to.equal(null);
    expect(holdPaceSpeed(at({ podKmh: null }))).to.equal(null);
    expect(holdPaceSpeed(at({ podKmh: Number.NaN }))).to.equal(null);
  });

  const limits = (incrementKmh: number): BeltLimits => ({ speed: { minKmh: 0.5, maxKmh: 18.5, incrementKmh }, incline: null, maxSpeedKmh: 18.5, maxInclinePercent: 15 });

  it('moves a belt counting 0.16 km/h (0.1 mph) by one increment, not the 0.3 km/h the grid cannot take', () => {
    const belt = clampSpeed(10, limits(0.16)).value; // 9.94: the belt's value nearest 10
    const next = holdPaceSpeed(at({ stepKmh: 10, beltKmh: belt, podKmh: 9, grid: { minKmh: 0.5, incrementKmh: 0.16 } }));
    expect([belt, next]).to.deep.equal([9.94, 10.1]);
    expect(clampSpeed(next!, limits(0.16)).value, 'on the grid, so sent as it is').to.equal(next);
  });

  it('makes no correction when the belt’s increment (0.5 km/h) allows no move within 0.3 km/h', () => {
    expect(holdPaceSpeed(at({ stepKmh: 6, beltKmh: 6, podKmh: 5.5, grid: { minKmh: 0.5, incrementKmh: 0.5 } }))).to.equal(null);
    expect(holdPaceSpeed(at({ stepKmh: 6, beltKmh: 6, podKmh: 5.5 })), 'a belt of tenths').to.equal(6.3);
  });

  /** A step run with a pod that reads the runner a generated share off the belt, plus noise. */
  const stepRun = fc.record({
    stepKmh: fc.integer({ min: 60, max: 200 }).map((n) => n / 10),
    lengthS: fc.integer({ min: 30, max: 1200 }),
    podShare: fc.double({ min: 0.85, max: 1.15, noNaN: true }),
    noise: fc.array(fc.double({ min: -0.4, max: 0.4, noNaN: true }), { minLength: 50, maxLength: 50 }),
    dtS: fc.oneof(fc.constant(1), fc.double({ min: 0.3, max: 7, noNaN: true })),
    increment: fc.constantFrom(null, 0.01, 0.1, 0.16, 0.2, 0.25, 0.5, 1),
  });

  it('over generated steps and belt increments: what the belt gets moves never more than 0.3 km/h per 30 s, never outside 5 %, never in the last 20 s', () => {
    fc.assert(
      fc.property(stepRun, ({ stepKmh, lengthS, podShare, noise, dtS, increment }) => {
        // Every command is clamped and put on the belt's grid: the bounds hold for what it sends.
        const send = (kmh: number): number => (increment === null ? kmh : clampSpeed(kmh, limits(increment)).value);
        const grid = increment === null ? null : limits(increment).speed;
        let belt = send(stepKmh);
        let last = 0;
        let i = 0;
        for (let now = 0; now < lengthS; now += dtS, i++) {
          const podKmh = belt * podShare + noise[i % noise.length]!;
          const wanted = holdPaceSpeed({ stepKmh, beltKmh: belt, podKmh, nowS: now, stepEndsAtS: lengthS, lastCorrectionAtS: last, grid });
          if (wanted === null) continue;
          const next = send(wanted);
          expect(next, `on the grid at ${now} s`).to.equal(wanted);
          expect(Math.abs(next - belt), `change at ${now} s`).to.be.at.most(0.3 + 1e-12);
          expect(now - last, `since the last at ${now} s`).to.be.at.least(30);
          expect(Math.abs(next - stepKmh), `within 5 % at ${now} s`).to.be.at.most(stepKmh * 0.05 + 1e-9);
          expect(lengthS - now, `before the end at ${now} s`).to.be.above(20);
          belt = next;
          last = now;
        }
      }),
      { numRuns: invariantRuns(200) },
    );
  });
});
