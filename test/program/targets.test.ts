// Targets in whole steps a few percent above the runner's own cadence, and the 98 % line between
// a change that held and one that faded.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { blockTarget, nextBlockTarget, retentionVerdict } from '../../src/program/targets.js';

describe('blockTarget', () => {
  const rows: [number, 5 | 7.5 | 10, number][] = [
    [160, 5, 168],
    [160, 7.5, 172],
    [160, 10, 176],
    // 170 × 1.05 is 178.5: the nearest whole step, 179, would be 5.3 % above.
    [170, 5, 178],
    [150, 5, 157],
    [162.3, 5, 170],
    [162.3, 7.5, 174],
    // 162.3 × 1.1 is 178.53, but the runner reads 162, and 162 × 1.1 is 178.2.
    [162.3, 10, 178],
    [155.2, 7.5, 166],
    // 171.43 × 1.05 is 180.0015; read as 171, 180 would be 5.3 % above.
    [171.43, 5, 179],
  ];
  for (const [baseline, percent, target] of rows) {
    it(`is ${target} for a baseline of ${baseline} + ${percent} %`, () => {
      expect(blockTarget(baseline, percent)).to.equal(target);
    });
  }

  it('is never more than the chosen percent above the baseline, measured or read as whole steps, and within a step of it', () => {
    fc.assert(
      fc.property(fc.double({ min: 60, max: 260, noNaN: true }), fc.constantFrom<5 | 7.5 | 10>(5, 7.5, 10), (baseline, percent) => {
        const target = blockTarget(baseline, percent);
        const most = Math.min(baseline, Math.round(baseline)) * (1 + percent / 100);
        expect(Number.isInteger(target)).to.equal(true);
        expect(target).to.be.at.most(most + 1e-9);
        expect(target).to.be.greaterThan(most - 1);
        expect(target).to.be.greaterThan(baseline);
      }),
    );
  });
});

describe('nextBlockTarget', () => {
  it('is 5 % above the last target, floored, when the held test came out just below it', () => {
    // 170 × 1.05 = 178.5.
    expect(nextBlockTarget(170, 169)).to.equal(178);
  });
  it('is 5 % above the held cadence when the test came out above the last target, never below it', () => {
    // Block 1 aimed at 174, the runner kept 185: the next block asks for 194, not 182 (below 185).
    expect(nextBlockTarget(174, 185)).to.equal(194);
    // 180 × 1.05 = 189.
    expect(nextBlockTarget(170, 180)).to.equal(189);
  });
  it('reads the held cadence as whole steps, as the runner does', () => {
    // 180.4 reads 180: 189, not floor(189.42).
    expect(nextBlockTarget(170, 180.4)).to.equal(189);
    expect(nextBlockTarget(170, 180.6)).to.equal(189);
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
