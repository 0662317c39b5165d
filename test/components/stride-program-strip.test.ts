// The treadmill screen's program strip from the rules' own moments: warm-up, minutes at target
// done and left, the metronome block of blocks and whether it is on now; a test its time only.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-program-strip.js';
import type { StrideProgramStrip } from '../../src/components/stride-program-strip.js';
import { programMoment } from '../../src/program/program-moment.js';
import { appTheme } from '../support/app-theme.js';

const words = (el: StrideProgramStrip) => el.shadowRoot!.querySelector('#program-strip')!.textContent!.replace(/\s+/g, ' ').trim();

async function strip(run: { kind: 'test' | 'session'; n: number | null }, runningS: number) {
  const name = run.kind === 'test' ? 'Baseline test' : `Session ${run.n} of 8`;
  return fixture<StrideProgramStrip>(html`<stride-program-strip .moment=${programMoment(run, runningS)} name=${name}
    .targetSpm=${run.kind === 'test' ? null : 172}></stride-program-strip>`);
}

describe('stride-program-strip', () => {
  before(() => appTheme);

  it('says the phase, minutes done and left, the block and the metronome in a faded session', async () => {
    // Session 5: 22 minutes, 75 % metronome. 300 s warm-up.
    expect(words(await strip({ kind: 'session', n: 5 }, 120))).to.equal('Session 5 of 8 Warm-up then the minutes at 172 Metronome off now');
    const first = await strip({ kind: 'session', n: 5 }, 300 + 60);
    expect(words(first)).to.match(/^Session 5 of 8 At 172 1 min done, 21 min left block 1 of \d+ Metronome on now$/);
    // Late in a cycle the metronome is off (75 % ON first in each cycle after the first 3 minutes).
    const moment = programMoment({ kind: 'session', n: 5 }, 300 + 22 * 60 - 20);
    const late = await strip({ kind: 'session', n: 5 }, 300 + 22 * 60 - 20);
    expect(words(late)).to.contain('0:20 left').and.contain(`block ${moment.block} of ${moment.blocks}`).and.contain('Metronome off now');
    expect(words(await strip({ kind: 'session', n: 5 }, 300 + 22 * 60 + 5))).to.equal('Session 5 of 8 Minutes at target done cool down, then Stop Metronome off now');
    await expect(late).to.be.accessible();
  });

  it('never says "Metronome on now" while the coach is muted or the recording paused', async () => {
    const moment = programMoment({ kind: 'session', n: 2 }, 300 + 600);
    const muted = await fixture<StrideProgramStrip>(html`<stride-program-strip .moment=${moment} name="Session 2 of 8" .targetSpm=${172} muted></stride-program-strip>`);
    expect(words(muted)).to.equal('Session 2 of 8 At 172 10 min done, 7 min left Metronome muted');
    const paused = await fixture<StrideProgramStrip>(html`<stride-program-strip .moment=${moment} name="Session 2 of 8" .targetSpm=${172} muted paused></stride-program-strip>`);
    expect(words(paused)).to.equal('Session 2 of 8 At 172 10 min done, 7 min left Metronome paused');
    // Off in the plan stays "off now" either way.
    const off = await fixture<StrideProgramStrip>(html`<stride-program-strip .moment=${programMoment({ kind: 'session', n: 8 }, 300 + 60)} name="Session 8 of 8" .targetSpm=${172} muted></stride-program-strip>`);
    expect(words(off)).to.contain('Metronome off now');
  });

  it('a session with the metronome throughout has one block, and says none', async () => {
    expect(words(await strip({ kind: 'session', n: 2 }, 300 + 600))).to.equal('Session 2 of 8 At 172 10 min done, 7 min left Metronome on now');
  });

  it('a test says its time only: no target, no metronome', async () => {
    expect(words(await strip({ kind: 'test', n: null }, 60))).to.equal('Baseline test Warm-up the 5 test minutes start after 5 minutes of running');
    expect(words(await strip({ kind: 'test', n: null }, 300 + 130))).to.equal('Baseline test Test 2 min done, 3 min left');
    expect(words(await strip({ kind: 'test', n: null }, 700))).to.equal('Baseline test Test done cool down, then Stop');
  });
});
