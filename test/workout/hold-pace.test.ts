import { expect } from '@open-wc/testing';
import fc from 'fast-check';
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

  /** A step run with a pod that reads the runner a generated share off the belt, plus noise. */
  const stepRun = fc.record({
    stepKmh: fc.integer({ min: 60, max: 200 }).map((n) => n / 10),
    lengthS: fc.integer({ min: 30, max: 1200 }),
    podShare: fc.double({ min: 0.85, max: 1.15, noNaN: true }),
    noise: fc.array(fc.double({ min: -0.4, max: 0.4, noNaN: true }), { minLength: 50, maxLength: 50 }),
    dtS: fc.oneof(fc.constant(1), fc.double({ min: 0.3, max: 7, noNaN: true })),
  });

  it('over generated steps: never more than 0.3 km/h per 30 s, never outside 5 %, never in the last 20 s', () => {
    fc.assert(
      fc.property(stepRun, ({ stepKmh, lengthS, podShare, noise, dtS }) => {
        let belt = stepKmh;
        let last = 0;
        let i = 0;
        for (let now = 0; now < lengthS; now += dtS, i++) {
          const podKmh = belt * podShare + noise[i % noise.length]!;
          const next = holdPaceSpeed({ stepKmh, beltKmh: belt, podKmh, nowS: now, stepEndsAtS: lengthS, lastCorrectionAtS: last });
          if (next === null) continue;
          expect(Math.abs(next - belt), `change at ${now} s`).to.be.at.most(0.3 + 1e-12);
          expect(now - last, `since the last at ${now} s`).to.be.at.least(30);
          expect(Math.abs(next - stepKmh), `within 5 % at ${now} s`).to.be.at.most(stepKmh * 0.05);
          expect(lengthS - now, `before the end at ${now} s`).to.be.above(20);
          belt = next;
          last = now;
        }
      }),
      { numRuns: invariantRuns(200) },
    );
  });
});
