// The schedule as a runner reads it: every item with its date (in the one date format), what it
// holds, a tick and the numbers once done, and the next item said in words.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-program-schedule.js';
import type { StrideProgramSchedule } from '../../src/components/stride-program-schedule.js';
import { nextItem, programSchedule } from '../../src/program/program-schedule.js';
import { formatDate } from '../../src/session/date-format.js';
import { appTheme } from '../support/app-theme.js';
import { DAY, programWithSessions } from '../support/program-states.js';

const start = new Date(2026, 11, 1, 7).getTime();

describe('stride-program-schedule', () => {
  before(() => appTheme);

  it('lists the baseline, the eight sessions and three tests with dates, ticks the done ones with their numbers and marks the next', async () => {
    const state = programWithSessions(start, 2);
    const now = start + 4 * DAY;
    const items = programSchedule(state, now);
    const el = await fixture<StrideProgramSchedule>(html`<stride-program-schedule .items=${items} .next=${nextItem(state, now)} unit="km"></stride-program-schedule>`);
    const rows = [...el.shadowRoot!.querySelectorAll('li')];
    expect(rows).to.have.length(items.length);
    expect(rows.map((li) => li.querySelector('.when')!.textContent)).to.deep.equal(items.map((i) => formatDate(i.dayMs)));
    const text = (li: Element) => li.textContent!.replace(/\s+/g, ' ').trim();
    expect(el.shadowRoot!.querySelectorAll('h3')[0]!.textContent).to.equal('Before the first block');
    expect(el.shadowRoot!.querySelectorAll('h3')[1]!.textContent).to.equal('Block 1: target 172 steps/min');
    expect(text(rows[0]!)).to.contain('Baseline test: 5 min at 10.0 km/h, cue-free');
    expect(text(rows[0]!)).to.contain('Done: cadence 164, stride');
    expect(text(rows[1]!)).to.contain('Session 1: 15 min at 172, metronome throughout');
    expect(text(rows[1]!)).to.contain('Done: 15 min, cadence 171, effort 4/10, natural 3/5');
    expect(text(rows[2]!)).to.contain('Done: 17 min, cadence 171, effort 5/10, natural 3/5');
    expect(rows.slice(0, 3).every((li) => li.querySelector('.tick')!.textContent === '✓')).to.equal(true);
    expect(rows[3]!.classList.contains('next')).to.equal(true);
    expect(text(rows[3]!)).to.contain('Session 3: 18 min at 172, metronome throughout').and.contain('Next');
    expect(el.shadowRoot!.querySelectorAll('li.next')).to.have.length(1);
    expect(text(rows[7]!)).to.contain('Session 7: 27 min at 172, metronome 25 %');
    expect(rows.slice(-3).map((li) => li.querySelector('.name')!.textContent)).to.deep.equal([
      'Retention test, end of block', 'Retention test, 1 week', 'Retention test, 4 weeks',
    ]);
    await expect(el).to.be.accessible();
  });
});
