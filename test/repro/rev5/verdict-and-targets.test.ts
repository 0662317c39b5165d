// rev5: the numbers a runner reads beside the program's decisions: the retention verdict, the target
// chooser, and the next block's offer.
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import '../../../src/components/stride-program-target.js';
import type { StrideProgramTarget } from '../../../src/components/stride-program-target.js';
import { verdictWords, wholeCadence } from '../../../src/components/program-format.js';
import { programNextBlock } from '../../../src/pages/program-sections.js';
import { nextItem } from '../../../src/program/program-schedule.js';
import { canStartBlock, withBlockStarted } from '../../../src/program/program-state.js';
import { retentionVerdict } from '../../../src/program/targets.js';
import { DAY, programWithSessions, runNext, testResult } from '../../support/program-states.js';

const start = new Date(2026, 11, 1, 7).getTime();

describe('rev5: verdicts and targets in the runner\'s numbers', () => {
  // Issue 18: the result page "says whether the change held (within 2 % of the target) or faded".
  // The verdict is judged on the unrounded mean but said with the whole-step cadence: a test of
  // 166.55 against 170 reads "Faded: 167 steps/min against the target of 170, more than 2 % below
  // it" (167 is 1.8 % below), and 174.45 against 178 reads "Held: 174 … within 2 % of it or above"
  // (174 is 2.2 % below). The sentence contradicts its own numbers, and the decision (offer a next
  // block or not) flips on decimals the runner never sees.
  for (const [cadence, target] of [[166.55, 170], [174.45, 178]] as const) {
    it(`says a verdict that is true of the cadence it shows (${cadence} against ${target})`, () => {
      const verdict = retentionVerdict(cadence, target);
      const words = verdictWords(verdict, testResult(start, cadence), target);
      const shown = wholeCadence(cadence);
      expect(words).to.contain(`${shown} steps/min`);
      const withinTwo = shown >= 0.98 * target;
      expect(verdict, words).to.equal(withinTwo ? 'held' : 'faded');
    });
  }

  // After a block that faded, a new baseline offers the chooser "+10 %: 182 steps/min" and
  // "Target: 182 steps/min"; pressing Start gives a block aimed at 180 (capped at 5 % above the last
  // target 172). The runner picks a number on screen and gets another one.
  it('starts a block from a new baseline at the target the chooser showed for the chosen percent', async () => {
    let state = programWithSessions(start, 8);
    // Faded against 172 (below 168.56) at each retention test, then a new baseline of 166.
    for (const [day, cadence] of [[18, 165], [25, 165], [53, 165]] as const) state = runNext(state, start + day * DAY, cadence);
    const baselineAt = start + 60 * DAY;
    expect(nextItem(state, baselineAt)).to.deep.include({ kind: 'test', test: 'baseline' });
    state = runNext(state, baselineAt, 166);
    const now = baselineAt + DAY;
    expect(canStartBlock(state, now)).to.equal(true);
    const el = await fixture<StrideProgramTarget>(html`<stride-program-target .baseline=${state.baseline} unit="km"></stride-program-target>`);
    el.percent = 10;
    await el.updateComplete;
    const shown = Number(/Target: (\d+) steps\/min/.exec(el.shadowRoot!.querySelector('#target')!.textContent!)![1]);
    const started = withBlockStarted(state, 10, now).blocks.at(-1)!;
    expect(started.targetSpm).to.equal(shown);
  });

  // Issue 18: "once a retention test holds, the program offers the next block with a new target at
  // most 5 % above the last one". The offer says so in words ("at most 5 % above the last target")
  // but shows 5 % above the held test when it came out above the target: 185 against 172 offers
  // 194, 12.8 % above the last target.
  it('offers a next block whose target is at most 5 % above the last target, as its sentence says', () => {
    let state = programWithSessions(start, 8);
    state = runNext(state, start + 18 * DAY, 185);
    const now = start + 19 * DAY;
    expect(canStartBlock(state, now)).to.equal(true);
    const host = document.createElement('div');
    document.body.append(host);
    render(programNextBlock(state, true, () => {}), host);
    const text = host.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('at most 5 % above the last target');
    const offered = Number(host.querySelector('#next-target')!.textContent!.match(/\d+/)![0]);
    expect(offered).to.be.at.most(172 * 1.05);
    host.remove();
  });
});
