// Targets in whole steps a few percent above the runner's own cadence, and the 98 % line between
// a change that held and one that faded.
import { expect } from '@open-wc/testing';
import { blockTarget, nextBlockTarget, retentionVerdict } from '../../src/program/targets.js';

describe('blockTarget', () => {
  const rows: [number, 5 | 7.5 | 10, number][] = [
    [160, 5, 168],
    [160, 7.5, 172],
    [160, 10, 176],
    // 170 × 1.05 is 178.5: half a step rounds up, not down by a binary fraction.
    [170, 5, 179],
    [150, 5, 158],
    [162.3, 5, 170],
    [162.3, 7.5, 174],
    [162.3, 10, 179],
    [155.2, 7.5, 167],
  ];
  for (const [baseline, percent, target] of rows) {
    it(`is ${target} for a baseline of ${baseline} + ${percent} %`, () => {
      expect(blockTarget(baseline, percent)).to.equal(target);
    });
  }
});

describe('nextBlockTarget', () => {
  it('is 5 % above the held cadence when that is within 5 % of the last target', () => {
    expect(nextBlockTarget(170, 169)).to.equal(177);
  });
  it('is at most 5 % above the last target, floored, when the test came out far above it', () => {
    // 180 × 1.05 = 189 but 170 × 1.05 = 178.5: floor to 178, never 179.
    expect(nextBlockTarget(170, 180)).to.equal(178);
  });
  it('rounds the held cadence as the first target does', () => {
    expect(nextBlockTarget(200, 170)).to.equal(179);
  });
});

describe('retentionVerdict', () => {
  it('holds at exactly 98 % of the target, and fades just below', () => {
    expect(retentionVerdict(166.6, 170)).to.equal('held');
    expect(retentionVerdict(166.59, 170)).to.equal('faded');
    expect(retentionVerdict(171.5, 175)).to.equal('held');
    expect(retentionVerdict(171.49, 175)).to.equal('faded');
  });
  it('holds above the target', () => {
    expect(retentionVerdict(190, 170)).to.equal('held');
  });
});
