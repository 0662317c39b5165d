import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { type FeedbackBlock, FIRST_ON_S, feedbackBlocks, MIN_ON_S, metronomeOnAt } from '../../src/program/feedback-fading.js';
import { metronomeShare, sessionMinutes } from '../../src/program/session-plan.js';

const onSeconds = (blocks: readonly FeedbackBlock[]): number =>
  blocks.reduce((sum, b) => sum + (b.metronome ? b.toS - b.fromS : 0), 0);

describe('feedbackBlocks: the plain cases', () => {
  it('plays throughout at share 1 and never at share 0, as one block each', () => {
    expect(feedbackBlocks(900, 1)).to.deep.equal([{ fromS: 0, toS: 900, metronome: true }]);
    expect(feedbackBlocks(1800, 0)).to.deep.equal([{ fromS: 0, toS: 1800, metronome: false }]);
  });

  it('session 5 (22 min at 75 %): first 3 minutes on, then cycles of about 4 minutes, 990 s on in all', () => {
    const blocks = feedbackBlocks(sessionMinutes(5) * 60, metronomeShare(5));
    // rest 1140 s → 5 cycles of 228 s, each ON for (990 − 180) / 1140 of itself.
    expect(blocks.length).to.equal(10);
    expect(blocks[0]!.metronome).to.equal(true);
    expect(blocks[0]!.toS).to.be.closeTo(180 + 228 * (810 / 1140), 1e-9);
    expect(blocks[1]).to.deep.include({ metronome: false });
    expect(blocks[1]!.toS).to.be.closeTo(180 + 228, 1e-9);
    expect(onSeconds(blocks)).to.be.closeTo(990, 1e-9);
  });

  it('session 6 (25 min at 50 %): ON blocks of at least 2 minutes, so 4 cycles rather than 5 shorter ones', () => {
    const blocks = feedbackBlocks(sessionMinutes(6) * 60, metronomeShare(6));
    // rest 1320 s, r = 570 / 1320: ON 120 s → cycle 278 s → 5 cycles would play 114 s each; 4 play 142.5.
    const on = blocks.slice(1).filter((b) => b.metronome).map((b) => b.toS - b.fromS);
    expect(on).to.have.length(3);
    for (const s of on) expect(s).to.be.closeTo(142.5, 1e-9);
    expect(blocks[0]!.toS).to.be.closeTo(180 + 142.5, 1e-9);
    expect(onSeconds(blocks)).to.be.closeTo(750, 1e-9);
  });

  it('session 7 (27 min at 25 %): 405 s on, so after the first 3 minutes one block of 3:45 then the rest off', () => {
    // rest 1440 s, r = 225 / 1440: two cycles would play 112.5 s each, under 2 minutes: one cycle.
    const blocks = feedbackBlocks(sessionMinutes(7) * 60, metronomeShare(7));
    expect(blocks).to.have.length(2);
    expect(blocks[0]).to.deep.include({ fromS: 0, metronome: true });
    expect(blocks[0]!.toS).to.be.closeTo(405, 1e-9);
    expect(blocks[1]).to.deep.include({ toS: 1620, metronome: false });
  });

  it('gives nothing for a main part of no length', () => {
    expect(feedbackBlocks(0, 0.5)).to.deep.equal([]);
    expect(feedbackBlocks(Number.NaN, 0.5)).to.deep.equal([]);
  });

  it('says so in words when the share is not a number', () => {
    expect(() => feedbackBlocks(600, Number.NaN)).to.throw(RangeError, /share/);
  });

  it('puts all the ON time first when the share is less than the first minutes', () => {
    expect(feedbackBlocks(400, 0.25)).to.deep.equal([
      { fromS: 0, toS: 100, metronome: true },
      { fromS: 100, toS: 400, metronome: false },
    ]);
  });
});

describe('feedbackBlocks: properties over main lengths and shares', () => {
  const mains = fc.integer({ min: 60, max: 3600 });
  const shares = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.25, 0.5, 0.75));

  it('covers [0, main] with contiguous blocks, neighbours never alike', () => {
    fc.assert(
      fc.property(mains, shares, (mainS, share) => {
        const blocks = feedbackBlocks(mainS, share);
        expect(blocks[0]!.fromS).to.equal(0);
        expect(blocks[blocks.length - 1]!.toS).to.equal(mainS);
        blocks.forEach((b, k) => {
          expect(b.toS).to.be.greaterThan(b.fromS);
          if (k > 0) {
            expect(b.fromS).to.equal(blocks[k - 1]!.toS);
            expect(b.metronome).to.not.equal(blocks[k - 1]!.metronome);
          }
        });
      }),
    );
  });

  it('plays for exactly share × main', () => {
    fc.assert(
      fc.property(mains, shares, (mainS, share) => {
        expect(onSeconds(feedbackBlocks(mainS, share))).to.be.closeTo(share * mainS, 1e-6);
      }),
    );
  });

  it('plays the first 180 s (or all its ON time, if less) whenever 0 < share < 1', () => {
    fc.assert(
      fc.property(mains, fc.double({ min: 0.001, max: 0.999, noNaN: true }), (mainS, share) => {
        const first = feedbackBlocks(mainS, share)[0]!;
        expect(first.metronome).to.equal(true);
        expect(first.toS).to.be.at.least(Math.min(FIRST_ON_S, share * mainS) - 1e-9);
      }),
    );
  });

  it('plays in blocks of at least 2 minutes after the first (less only when less ON time is left)', () => {
    fc.assert(
      fc.property(mains, fc.double({ min: 0.001, max: 0.999, noNaN: true }), (mainS, share) => {
        const leftS = Math.max(0, share * mainS - FIRST_ON_S);
        for (const b of feedbackBlocks(mainS, share).slice(1)) if (b.metronome) expect(b.toS - b.fromS).to.be.at.least(Math.min(MIN_ON_S, leftS) - 1e-6);
      }),
    );
  });

  it('as many cycles as fit: an ON block after the first plays under twice max(2 min, r × 4 min)', () => {
    fc.assert(
      fc.property(mains, fc.double({ min: 0.001, max: 0.999, noNaN: true }), (mainS, share) => {
        fc.pre(share * mainS > FIRST_ON_S);
        const restS = mainS - FIRST_ON_S;
        const r = (share * mainS - FIRST_ON_S) / restS;
        const cycleOnS = Math.max(MIN_ON_S, r * 240);
        // A rest shorter than one cycle plays all its ON time in one block.
        fc.pre(restS >= cycleOnS / r);
        for (const b of feedbackBlocks(mainS, share).slice(1)) if (b.metronome) expect(b.toS - b.fromS).to.be.below(2 * cycleOnS + 1e-6);
      }),
    );
  });
});

describe('feedbackBlocks: the cycles after the first minutes', () => {
  const faded = fc.tuple(fc.integer({ min: 60, max: 3600 }), fc.double({ min: 0.001, max: 0.999, noNaN: true })).filter(([mainS, share]) => share * mainS > FIRST_ON_S + 1);

  it('are equal: every OFF stretch as long as the others, every ON stretch after the first too', () => {
    fc.assert(
      fc.property(faded, ([mainS, share]) => {
        const blocks = feedbackBlocks(mainS, share);
        const lengths = (on: boolean) => blocks.slice(1).filter((b) => b.metronome === on).map((b) => b.toS - b.fromS);
        for (const on of [true, false]) for (const length of lengths(on)) expect(length).to.be.closeTo(lengths(on)[0]!, 1e-6);
      }),
    );
  });

  it('each play first, then rest: the main part ends with the metronome off', () => {
    fc.assert(
      fc.property(faded, ([mainS, share]) => {
        const blocks = feedbackBlocks(mainS, share);
        expect(blocks[blocks.length - 1]!.metronome).to.equal(false);
      }),
    );
  });
});

describe('metronomeOnAt', () => {
  it('follows the blocks, each block from its start up to (not including) its end', () => {
    const blocks = feedbackBlocks(400, 0.25);
    expect(metronomeOnAt(blocks, 0)).to.equal(true);
    expect(metronomeOnAt(blocks, 99.999)).to.equal(true);
    expect(metronomeOnAt(blocks, 100)).to.equal(false);
    expect(metronomeOnAt(blocks, 399)).to.equal(false);
  });

  it('keeps the last block after the end and is off with no blocks', () => {
    expect(metronomeOnAt(feedbackBlocks(600, 1), 700)).to.equal(true);
    expect(metronomeOnAt([], 10)).to.equal(false);
  });

  it('plays for share × main of the running seconds when asked second by second', () => {
    for (const n of [5, 6, 7]) {
      const mainS = sessionMinutes(n) * 60;
      const blocks = feedbackBlocks(mainS, metronomeShare(n));
      let on = 0;
      for (let s = 0; s < mainS; s += 0.5) if (metronomeOnAt(blocks, s)) on += 0.5;
      expect(on).to.be.closeTo(metronomeShare(n) * mainS, 1);
    }
  });

  // Found by the coverage property on seed -2055797121: a share a hair under 1 left OFF blocks of
  // 1e-13 s between the ON ones, and the last block ended past the main part.
  it('leaves no sliver of a block and never ends past the main part, for a share a hair under 1', () => {
    const blocks = feedbackBlocks(2747, 0.9999999999999997);
    expect(blocks.every((b) => b.toS - b.fromS >= 1e-3), 'no sliver').to.equal(true);
    expect(blocks.at(-1)!.toS).to.be.at.most(2747);
  });
});
