import { expect } from '@open-wc/testing';
import { trailingMean } from '../../src/session/smoothing.js';

describe('trailingMean', () => {
  const t = Float64Array.from([0, 1, 2, 3, 4, 5, 6]);
  const v = Float64Array.from([100, 160, 170, 180, 170, 160, 190]);

  it('returns the last value for instant (0 s)', () => {
    expect(trailingMean(t, v, 0)).to.equal(190);
  });
  it('averages the samples within the window', () => {
    // t in (1, 6]: 170, 180, 170, 160, 190
    expect(trailingMean(t, v, 5)).to.equal(174);
    expect(trailingMean(t, v, 15)).to.be.closeTo(1130 / 7, 1e-9);
  });
  it('is NaN with no samples', () => {
    expect(trailingMean(new Float64Array(0), new Float64Array(0), 5)).to.be.NaN;
  });
});
