import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { wholePercent, wholePercentages, zonePercentages } from '../../src/session/zone-shares.js';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('zone shares in whole percent', () => {
  it('reads 87.5 % and 12.5 % as 88 % and 12 %, not 88 % and 13 %', () => {
    expect(zonePercentages({ low: 0, building: 0, target: 1750, high: 250 })).to.deep.equal({ low: 0, building: 0, target: 88, high: 12 });
    expect(zonePercentages({ low: 250, building: 0, target: 1750, high: 0 })).to.deep.equal({ low: 12, building: 0, target: 88, high: 0 });
  });

  it('gives the missing points to the largest remainders', () => {
    // 33.3, 33.3, 33.3 → 33, 33, 33 and one point left: the first of three equal parts takes it.
    expect(wholePercentages([1, 1, 1])).to.deep.equal([34, 33, 33]);
    // 14.6 %, 27.6 %, 57.8 %: a plain rounding gives 15 + 28 + 58 = 101.
    expect(wholePercentages([146, 276, 578])).to.deep.equal([14, 28, 58]);
    // 0.4 % four times and 98.4 %: plain rounding gives 0 + 0 + 0 + 0 + 98 = 98.
    expect(wholePercentages([4, 4, 4, 4, 984])).to.deep.equal([1, 0, 0, 0, 99]);
  });

  it('breaks equal remainders by the larger part, then by order', () => {
    // 16.7 %, 16.7 %, 66.7 %: the target zone keeps its 67 %, then the earlier of the equal pair.
    expect(zonePercentages({ low: 60, building: 60, target: 240, high: 0 })).to.deep.equal({ low: 17, building: 16, target: 67, high: 0 });
    expect(wholePercentages([1, 1])).to.deep.equal([50, 50]);
    expect(wholePercentages([1, 1, 1, 1, 1, 1, 1])).to.deep.equal([15, 15, 14, 14, 14, 14, 14]);
  });

  it('is all zeros before any time is zoned, and 100 for a run all in one zone', () => {
    expect(zonePercentages({ low: 0, building: 0, target: 0, high: 0 })).to.deep.equal({ low: 0, building: 0, target: 0, high: 0 });
    expect(zonePercentages({ low: 0, building: 0, target: 0.5, high: 0 })).to.deep.equal({ low: 0, building: 0, target: 100, high: 0 });
    expect(wholePercentages([])).to.deep.equal([]);
  });

  it('always sums to 100 and stays within one point of the exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 8 }), (parts) => {
        const percents = wholePercentages(parts);
        const total = sum(parts);
        if (total === 0) return percents.every((p) => p === 0);
        return sum(percents) === 100 && percents.every((p, i) => Number.isInteger(p) && Math.abs(p - (parts[i]! / total) * 100) < 1);
      }),
    );
  });

  it('shows one share as its nearest whole percent, half up, even where the double falls just short of the half', () => {
    expect(wholePercent(0.596)).to.equal(60);
    expect(wholePercent(0.595)).to.equal(60);
    expect(wholePercent(0.5949)).to.equal(59);
    expect(wholePercent(0)).to.equal(0);
    expect(wholePercent(1)).to.equal(100);
  });
});
