// rev1: the .ics a runner imports into their calendar must not tell them a wrong belt speed.
import { expect } from '@open-wc/testing';
import { programCalendar } from '../../../src/export/program-calendar.js';
import { programSchedule } from '../../../src/program/program-schedule.js';
import { newProgram } from '../../../src/program/program-state.js';
import { calendarWords } from '../../../src/services/program-calendar-words.js';

describe('rev1: program calendar before the test speed is chosen', () => {
  it('never tells the runner to run the baseline test at 0.0 km/h', () => {
    // Why: a new program has no test speed yet, and the schedule plans its baseline test with
    // speed 0 ("Speed 0 until the runner picks the belt speed"). The calendar export turns that
    // into "5 minutes at 0.0 km/h" in the runner's own calendar, a number no runner can follow.
    // The issue: the baseline test runs "at a fixed belt speed the runner picks".
    const now = new Date(2026, 11, 7, 9, 0).getTime();
    const ics = programCalendar(programSchedule(newProgram(now), now), (item) => calendarWords(item, 'km'), now);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).to.contain('BEGIN:VEVENT');
    expect(unfolded).not.to.match(/ 0\.0 km\/h/);
  });
});
