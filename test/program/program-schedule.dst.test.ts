// Calendar days across daylight-saving changes: a block planned across the change keeps its
// sessions two calendar days apart at local midnight, where adding 48 hours would land at 23:00 or
// 01:00 and, near midnight, on the wrong day.
import { expect } from '@open-wc/testing';
import { addDays, dayStart, programSchedule } from '../../src/program/program-schedule.js';
import { newProgram, withBlockStarted, withTestDone, withTestSpeed } from '../../src/program/program-state.js';
import { setTimeZone } from '../support/time-zone.js';
import { at, dateOf, testAt } from './program-fixtures.js';

const label = (dayMs: number): string => `${dateOf(dayMs)} ${new Date(dayMs).getHours()}:${new Date(dayMs).getMinutes()}`;

function blockFrom(startMs: number) {
  let state = withTestSpeed(newProgram(startMs - 86_400_000 * 2), 2.8);
  state = withTestDone(state, { ok: true, result: testAt(startMs - 86_400_000, 170), note: null }, 'base');
  return withBlockStarted(state, 5, startMs);
}

describe('the schedule across daylight-saving changes', () => {
  afterEach(() => setTimeZone(null));

  it('keeps sessions two days apart at local midnight through the spring change in London', async () => {
    await setTimeZone('Europe/London');
    // Clocks go forward on Sunday 28 March 2027; the block begins on the Friday before.
    const start = at(2027, 3, 26, 21);
    const sessions = programSchedule(blockFrom(start), start).filter((i) => i.kind === 'session' && i.done === null);
    expect(sessions.slice(0, 4).map((i) => label(i.dayMs))).to.deep.equal(['2027-03-26 0:0', '2027-03-28 0:0', '2027-03-30 0:0', '2027-04-01 0:0']);
    // The Sunday of the change is 23 hours long.
    expect(addDays(sessions[1]!.dayMs, 1) - sessions[1]!.dayMs).to.equal(23 * 3600_000);
  });

  it('keeps them on their days through the autumn change in New York, planned late at night', async () => {
    await setTimeZone('America/New_York');
    // Clocks go back on Sunday 1 November 2026 (a 25-hour day).
    const start = at(2026, 10, 30, 23, 30);
    const items = programSchedule(blockFrom(start), start).filter((i) => i.done === null);
    expect(items.slice(0, 4).map((i) => label(i.dayMs))).to.deep.equal(['2026-10-30 0:0', '2026-11-01 0:0', '2026-11-03 0:0', '2026-11-05 0:0']);
    expect(addDays(items[1]!.dayMs, 1) - items[1]!.dayMs).to.equal(25 * 3600_000);
  });

  it('moves one calendar day at a time in a zone whose clocks skip midnight', async () => {
    // Chile moves its clocks at midnight: on the change day 00:00 does not exist.
    await setTimeZone('America/Santiago');
    let day = dayStart(at(2026, 8, 25, 12));
    const dates: string[] = [];
    for (let i = 0; i < 30; i++) {
      dates.push(dateOf(day));
      expect(dayStart(day), dateOf(day)).to.equal(day);
      day = addDays(day, 1);
    }
    expect(new Set(dates).size).to.equal(30);
    expect(dates[0]).to.equal('2026-08-25');
    expect(dates[29]).to.equal('2026-09-23');
    expect(dateOf(addDays(dayStart(at(2026, 9, 5, 12)), 2))).to.equal('2026-09-07');
  });
});
