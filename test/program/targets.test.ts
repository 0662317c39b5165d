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
  it('is 5 % above the held cadence when the test came out just below the last target', () => {
    // 169 × 1.05 = 177.45; the cap, 170 × 1.05 = 178.5, is not reached.
    expect(nextBlockTarget(170, 169)).to.equal(177);
  });
  it('is never more than 5 % above the last target, floored, however high the held test came out', () => {
    // Block 1 aimed at 174, the runner kept 185: the next step is 182 (174 × 1.05 = 182.7), not 194.
    expect(nextBlockTarget(174, 185)).to.equal(182);
    expect(nextBlockTarget(172, 180)).to.equal(180);
    expect(nextBlockTarget(170, 180.6)).to.equal(178);
  });
  it('is at most 5 % above the held cadence as shown, floored as blockTarget: a held 170.0 gives 178, not 179', () => {
    // 170 × 1.05 is 178.5: 179 would be 5.3 % above the 170 the runner reads.
    expect(nextBlockTarget(172, 170)).to.equal(178);
    // 171.4, shown as 171: 179 (171 × 1.05 = 179.55), not 180.
    expect(nextBlockTarget(174, 171.4)).to.equal(179);
  });
  it('is min(floor(held as shown × 1.05), floor(last target × 1.05)) for any held test', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 220 }), fc.double({ min: 0.98, max: 1.2, noNaN: true }), (last, share) => {
        const held = last * share;
        const target = nextBlockTarget(last, held);
        const shown = Math.min(held, Math.round(held));
        expect(Number.isInteger(target)).to.equal(true);
        expect(target).to.be.at.most(last * 1.05 + 1e-9);
        expect(target, `held ${held}`).to.be.at.most(shown * 1.05 + 1e-9);
        expect(target).to.equal(Math.min(Math.floor(shown * 1.05 + 1e-9), Math.floor(last * 1.05 + 1e-9)));
      }),
    );
  });
});

describe('retentionVerdict', () => {
  it('holds at 98 % of the target, as read in whole steps, and fades just below', () => {
    // 98 % of 170 is 166.6: 167 holds (from 166.5), 166 fades.
    expect(retentionVerdict(166.5, 170)).to.equal('held');
    expect(retentionVerdict(166.49, 170)).to.equal('faded');
    expect(retentionVerdict(171.5, 175)).to.equal('held');
    expect(retentionVerdict(171.49, 175)).to.equal('faded');
  });
  it('is judged on the whole steps the runner reads, so "held" never shows a number more than 2 % below', () => {
    // 176.45 reads 176, 2.2 % below 180: faded. 176.5 reads 177: held.
    expect(retentionVerdict(176.45, 180)).to.equal('faded');
    expect(retentionVerdict(176.5, 180)).to.equal('held');
    fc.assert(
      fc.property(fc.double({ min: 100, max: 240, noNaN: true }), fc.integer({ min: 100, max: 240 }), (cadence, target) => {
        if (retentionVerdict(cadence, target) === 'held') expect(Math.round(cadence)).to.be.at.least(0.98 * target);
        else expect(Math.round(cadence)).to.be.below(0.98 * target);
      }),
    );
  });
  it('holds above the target', () => {
    expect(retentionVerdict(190, 170)).to.equal('held');
  });
});
