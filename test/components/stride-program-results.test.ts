// The tests side by side: baseline, target and each retention test with cadence and stride at the
// test speed, and the verdict in words: held within 2 % of the target (or above), or faded.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-program-results.js';
import type { StrideProgramResults } from '../../src/components/stride-program-results.js';
import { appTheme } from '../support/app-theme.js';
import { DAY, programWithSessions, runNext } from '../support/program-states.js';

const start = new Date(2026, 11, 1, 7).getTime();
/** Eight sessions, then the end-of-block test with `cadence` two days after the last. */
const afterBlock = (...cadences: number[]) => {
  let state = programWithSessions(start, 8);
  const days = [17, 24, 52];
  cadences.forEach((c, i) => (state = runNext(state, start + (days[i]! + 1) * DAY, c)));
  return state;
};

/** Each cell's text without the date under a test's name. */
const rows = (el: StrideProgramResults) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((c) => {
      const copy = c.cloneNode(true) as Element;
      copy.querySelector('.when')?.remove();
      return copy.textContent!.trim();
    }),
  );

describe('stride-program-results', () => {
  before(() => appTheme);

  it('a test within 2 % of the target held; the next one 2.5 % under it faded, both said with their numbers', async () => {
    // Target 172 (164 + 5 %): 168.6 is 98.02 % of it, 167.7 is 97.5 %.
    const state = afterBlock(168.6, 167.7);
    const el = await fixture<StrideProgramResults>(html`<stride-program-results .blocks=${state.blocks} unit="km"></stride-program-results>`);
    expect(rows(el)).to.deep.equal([
      ['Baseline test', '164', '1.02 m', '–'],
      ['Target (+5\u00a0%)', '172', '–', '–'],
      ['Retention test, end of block', '169', '0.99 m', 'Held'],
      ['Retention test, 1 week', '168', '0.99 m', 'Faded'],
    ]);
    expect(el.shadowRoot!.querySelector('caption')!.textContent).to.equal('At the test speed, 10.0 km/h');
    expect(el.shadowRoot!.querySelector('#verdict-1')!.textContent).to.equal(
      'Retention test, 1 week: Faded: 168 steps/min against the target of 172, more than 2 % below it.',
    );
    await expect(el).to.be.accessible();
  });

  it('says held for the latest test when it held', async () => {
    const state = afterBlock(175);
    const el = await fixture<StrideProgramResults>(html`<stride-program-results .blocks=${state.blocks} unit="km"></stride-program-results>`);
    expect(el.shadowRoot!.querySelector('#verdict-1')!.textContent).to.equal(
      'Retention test, end of block: Held: 175 steps/min against the target of 172, within 2 % of it or above.',
    );
  });

  it('before any retention test: the baseline and target, and when the first test comes', async () => {
    const state = programWithSessions(start, 3);
    const el = await fixture<StrideProgramResults>(html`<stride-program-results .blocks=${state.blocks} unit="mi"></stride-program-results>`);
    expect(rows(el)).to.have.length(2);
    expect(el.shadowRoot!.querySelector('caption')!.textContent).to.equal('At the test speed, 6.2 mph');
    expect(el.shadowRoot!.querySelector('.hint')!.textContent).to.contain('after session 8');
  });
});
