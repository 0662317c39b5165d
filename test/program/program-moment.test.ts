import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { feedbackBlocks, metronomeOnAt } from '../../src/program/feedback-fading.js';
import { programMoment } from '../../src/program/program-moment.js';
import { metronomeShare, sessionMinutes, TEST_S, WARM_UP_S } from '../../src/program/session-plan.js';

const session = (n: number) => ({ kind: 'session' as const, n });
const test = { kind: 'test' as const, n: null };

describe('programMoment: phases at their boundaries', () => {
  it('is warm-up up to 299 s of running and the main part from 300 s', () => {
    expect(programMoment(session(1), 0).phase).to.equal('warm-up');
    expect(programMoment(session(1), 299.999).phase).to.equal('warm-up');
    const main = programMoment(session(1), WARM_UP_S);
    expect(main).to.deep.include({ phase: 'main', mainDoneS: 0, mainLeftS: 15 * 60 });
  });

  it('ends the main part after the session minutes of running, then cool-down until Stop', () => {
    const mainS = sessionMinutes(3) * 60;
    expect(programMoment(session(3), WARM_UP_S + mainS - 1)).to.deep.include({ phase: 'main', mainDoneS: mainS - 1, mainLeftS: 1 });
    expect(programMoment(session(3), WARM_UP_S + mainS)).to.deep.include({ phase: 'cool-down', mainDoneS: mainS, mainLeftS: 0, block: 0 });
    expect(programMoment(session(3), 5 * 3600)).to.deep.include({ phase: 'cool-down', mainDoneS: mainS, mainLeftS: 0 });
  });

  it('gives a test five minutes of main part, cue-free in every phase', () => {
    expect(programMoment(test, 299)).to.deep.include({ phase: 'warm-up', cueFree: true, metronomeOn: false, bandwidthCues: false });
    expect(programMoment(test, 300)).to.deep.include({ phase: 'main', mainLeftS: TEST_S, cueFree: true, metronomeOn: false, bandwidthCues: false, block: 0, blocks: 0 });
    expect(programMoment(test, 599)).to.deep.include({ phase: 'main', mainLeftS: 1 });
    expect(programMoment(test, 600)).to.deep.include({ phase: 'cool-down', cueFree: true });
  });

  it('reads no running (or a broken count) as the start of the warm-up', () => {
    expect(programMoment(session(2), -5)).to.deep.include({ phase: 'warm-up', mainDoneS: 0 });
    expect(programMoment(session(2), Number.NaN)).to.deep.include({ phase: 'warm-up', mainDoneS: 0 });
  });

  it('says in words when a session has no number in the block', () => {
    expect(() => programMoment({ kind: 'session', n: 9 }, 0)).to.throw(RangeError, /sessions 1 to 8/);
    expect(() => programMoment({ kind: 'session', n: null }, 0)).to.throw(RangeError, /number/);
  });
});

describe('programMoment: the metronome and the bandwidth cues', () => {
  it('keeps the metronome off in warm-up and cool-down, on throughout sessions 1-4 main parts', () => {
    for (const n of [1, 2, 3, 4]) {
      expect(programMoment(session(n), 299)).to.deep.include({ metronomeOn: false, bandwidthCues: false, cueFree: false });
      expect(programMoment(session(n), 300)).to.deep.include({ metronomeOn: true, bandwidthCues: false, block: 1, blocks: 1 });
      expect(programMoment(session(n), 300 + sessionMinutes(n) * 60)).to.deep.include({ metronomeOn: false, bandwidthCues: false });
    }
  });

  it('session 8: metronome off and bandwidth cues on throughout the main part', () => {
    const mainS = sessionMinutes(8) * 60;
    for (const s of [300, 301, 300 + mainS / 2, 300 + mainS - 1]) {
      expect(programMoment(session(8), s)).to.deep.include({ metronomeOn: false, bandwidthCues: true, block: 1, blocks: 1 });
    }
    expect(programMoment(session(8), 299).bandwidthCues).to.equal(false);
    expect(programMoment(session(8), 300 + mainS).bandwidthCues).to.equal(false);
  });

  it('follows the faded blocks in sessions 5-7, cues exactly where the metronome is off', () => {
    fc.assert(
      fc.property(fc.constantFrom(5, 6, 7), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (n, at) => {
        const mainS = sessionMinutes(n) * 60;
        const blocks = feedbackBlocks(mainS, metronomeShare(n));
        const moment = programMoment(session(n), WARM_UP_S + at * mainS);
        expect(moment.phase).to.equal('main');
        expect(moment.metronomeOn).to.equal(metronomeOnAt(blocks, at * mainS));
        expect(moment.bandwidthCues).to.equal(!moment.metronomeOn);
        expect(moment.blocks).to.equal(blocks.length);
        const block = blocks[moment.block - 1]!;
        expect(at * mainS).to.be.within(block.fromS, block.toS);
      }),
    );
  });

  it('always starts a faded main part with the metronome on, in block 1', () => {
    for (const n of [5, 6, 7]) expect(programMoment(session(n), WARM_UP_S + 179)).to.deep.include({ metronomeOn: true, block: 1 });
  });

  it('mainDoneS + mainLeftS is the main part, and done only grows with running', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.double({ min: 0, max: 4000, noNaN: true }), { minLength: 2 }), (n, times) => {
        const sorted = [...times].sort((a, b) => a - b);
        let done = -1;
        for (const s of sorted) {
          const m = programMoment(session(n), s);
          expect(m.mainDoneS + m.mainLeftS).to.be.closeTo(sessionMinutes(n) * 60, 1e-9);
          expect(m.mainDoneS).to.be.at.least(done);
          done = m.mainDoneS;
        }
      }),
    );
  });
});
