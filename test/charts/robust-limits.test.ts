import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { bulkRange, type LimitRules, robustLimits } from '../../src/charts/robust-limits.js';
import { invariantRuns } from '../support/invariant-runs.js';

const cadenceRules: LimitRules = { step: 5, pad: 3, minSpan: 20, minSpread: 2, keep: [165, 185], floor: 0 };
const strideRules: LimitRules = { step: 0.1, pad: 0.05, minSpan: 0.4, minSpread: 0.03, floor: 0 };

/** 600 values around `centre`, a steady wobble of ± `wobble`. */
const steady = (centre: number, wobble: number, n = 600) => Array.from({ length: n }, (_, i) => centre + wobble * Math.sin(i * 0.7));

describe('robust axis limits', () => {
  it('fits the running range and leaves a watch file\'s 0 and 250 steps/min outside it', () => {
    const run = steady(160, 4);
    const limits = robustLimits([...run, 0, 0, 250, 0], cadenceRules);
    // 156-164 padded to 153-167, the target zone 170-180 (and 5 beyond) kept in view.
    expect(limits).to.deep.equal({ min: 150, max: 185 });
    expect(robustLimits(run, cadenceRules)).to.deep.equal(limits);
  });

  it('leaves 12 m strides outside a stride axis of tenths', () => {
    const limits = robustLimits([...steady(1.05, 0.08), 12, 12, 11.5], strideRules);
    // 0.97-1.13 padded, then widened to the least height of 0.4 m around its middle.
    expect(limits).to.deep.equal({ min: 0.8, max: 1.3 });
  });

  it('takes in a cluster of many points far from the bulk: the fast minutes of intervals are the run', () => {
    const intervals = [...steady(165, 1, 540), ...steady(188, 1, 60)];
    const limits = robustLimits(intervals, cadenceRules)!;
    expect(limits.max).to.be.at.least(190);
    expect(limits.min).to.be.at.most(160);
  });

  it('gives a constant series a height, and a single value too', () => {
    expect(robustLimits(Array(100).fill(1.0), strideRules)).to.deep.equal({ min: 0.8, max: 1.2 });
    expect(robustLimits([175], cadenceRules)).to.deep.equal({ min: 165, max: 185 });
    expect(robustLimits([0], strideRules)).to.deep.equal({ min: 0, max: 0.4 });
  });

  it('has no limits without values', () => {
    expect(robustLimits([], cadenceRules)).to.equal(null);
    expect(bulkRange([Number.NaN, Number.POSITIVE_INFINITY])).to.equal(null);
  });

  it('never inverts, never collapses, stays on ticks and holds 98 % of any values', () => {
    const values = fc.oneof(
      fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 1, maxLength: 300 }),
      // Constant series, and nearly constant ones with a stray value.
      fc.tuple(fc.double({ min: 0, max: 400, noNaN: true }), fc.integer({ min: 1, max: 300 }), fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { maxLength: 3 }))
        .map(([v, n, strays]) => [...Array<number>(n).fill(v), ...strays]),
    );
    const rules = fc.constantFrom(cadenceRules, strideRules, { step: 30, pad: 10, minSpan: 60, minSpread: 5, floor: 0 });
    fc.assert(
      fc.property(values, rules, (vs, r) => {
        const limits = robustLimits(vs, r)!;
        expect(Number.isFinite(limits.min) && Number.isFinite(limits.max), 'finite').to.equal(true);
        expect(limits.max - limits.min, 'height').to.be.at.least(r.minSpan - 1e-9);
        expect(limits.min).to.be.at.least(r.floor ?? -Infinity);
        for (const limit of [limits.min, limits.max]) expect(Math.abs(limit / r.step - Math.round(limit / r.step)), 'on a tick').to.be.below(1e-6);
        const held = vs.filter((v) => v >= limits.min && v <= limits.max).length;
        expect(held, `${held} of ${vs.length} held`).to.be.at.least(0.98 * vs.length);
      }),
      { numRuns: invariantRuns(300) },
    );
  });
});
