// The bandwidth cues through a whole faded session: the moment says when they may sound, the
// cues say when they do. Every cue falls where the metronome is off, and each OFF stretch gets one
// per half-minute of its running when the runner is off the target, none when near it.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { BandwidthCues } from '../../src/program/bandwidth-cues.js';
import { programMoment } from '../../src/program/program-moment.js';
import { sessionMinutes, WARM_UP_S } from '../../src/program/session-plan.js';

interface Heard {
  block: number;
  allowed: boolean;
  cues: number;
}

/** A session run at 1 Hz without a break, a cadence each second; what each second allowed and cued. */
function session(n: number, target: number, cadence: (runningS: number) => number): Heard[] {
  const rule = new BandwidthCues(target);
  const total = WARM_UP_S + sessionMinutes(n) * 60 + 120;
  const heard: Heard[] = [];
  for (let s = 0; s <= total; s++) {
    const moment = programMoment({ kind: 'session', n }, s);
    const events = rule.update({ timeS: s, cadence: cadence(s), running: true, paused: false, allowed: moment.bandwidthCues });
    if (moment.metronomeOn) expect(moment.bandwidthCues).to.equal(false);
    heard.push({ block: moment.phase === 'main' ? moment.block : 0, allowed: moment.bandwidthCues, cues: events.length });
  }
  return heard;
}

describe('Bandwidth cues in a whole session', () => {
  it('cue only where the metronome is off, once per 30 s of each OFF stretch, when off by more than 3 %', () => {
    fc.assert(
      fc.property(fc.constantFrom(5, 6, 7, 8), fc.integer({ min: 150, max: 190 }), fc.double({ min: 0.031, max: 0.15, noNaN: true }), (n, target, off) => {
        const heard = session(n, target, () => target * (1 + off));
        expect(heard.filter((h) => !h.allowed).every((h) => h.cues === 0)).to.equal(true);
        const blocks = new Set(heard.filter((h) => h.allowed).map((h) => h.block));
        expect(blocks.size).to.be.greaterThan(0);
        for (const block of blocks) {
          const inBlock = heard.filter((h) => h.allowed && h.block === block);
          // The first allowed second's step began under the metronome: it is not heard.
          expect(inBlock.reduce((sum, h) => sum + h.cues, 0), `block ${block}`).to.equal(Math.floor((inBlock.length - 1) / 30));
        }
      }),
    );
  });

  it('never cue in a session run within 3 % of the target, however it wobbles', () => {
    fc.assert(
      fc.property(fc.constantFrom(5, 6, 7, 8), fc.integer({ min: 150, max: 190 }), fc.array(fc.double({ min: -0.03, max: 0.03, noNaN: true }), { minLength: 1, maxLength: 90 }), (n, target, offs) => {
        const heard = session(n, target, (s) => target * (1 + offs[s % offs.length]!));
        expect(heard.reduce((sum, h) => sum + h.cues, 0)).to.equal(0);
      }),
    );
  });

  it('session 8 cues throughout its main part and never in warm-up or cool-down', () => {
    const heard = session(8, 172, () => 160);
    const cueAt = heard.flatMap((h, s) => (h.cues > 0 ? [s] : []));
    expect(cueAt[0]).to.equal(WARM_UP_S + 30);
    // The main part's last second (2099 → 2100) is the cool-down's at its end: no cue there.
    expect(cueAt[cueAt.length - 1]).to.equal(WARM_UP_S + 30 * 60 - 30);
    expect(cueAt.length).to.equal(59);
  });
});
