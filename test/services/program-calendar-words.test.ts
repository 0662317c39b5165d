// What a calendar event tells the runner: a test's belt speed in their unit, and before the speed
// is chosen, that it is still to be chosen (never "0.0 km/h", a speed no runner can follow).
import { expect } from '@open-wc/testing';
import { programCalendar } from '../../src/export/program-calendar.js';
import { programSchedule } from '../../src/program/program-schedule.js';
import { newProgram, withTestSpeed } from '../../src/program/program-state.js';
import { calendarWords } from '../../src/services/program-calendar-words.js';

const now = new Date(2026, 11, 7, 9, 0).getTime();
const baselineWords = (speedMps: number | null, unit: 'km' | 'mi') => {
  const state = speedMps === null ? newProgram(now) : withTestSpeed(newProgram(now), speedMps);
  const [item] = programSchedule(state, now);
  return calendarWords(item!, unit).description;
};

describe('calendarWords for a test', () => {
  it('says the baseline\'s speed is still to be chosen before the runner chose it, in the .ics too', () => {
    for (const unit of ['km', 'mi'] as const) {
      const words = baselineWords(null, unit);
      expect(words).to.contain('5 minutes at an easy belt speed you can repeat (choose it in the app before the test)');
      expect(words).not.to.match(/at 0\.0/);
    }
    const state = newProgram(now);
    const ics = programCalendar(programSchedule(state, now), (item) => calendarWords(item, 'km'), now, state.createdAtMs).replace(/\r\n /g, '');
    expect(ics).to.contain('BEGIN:VEVENT');
    expect(ics).not.to.match(/0\.0 km\/h/);
  });

  it('gives a chosen speed in the runner\'s unit, to a tenth', () => {
    expect(baselineWords(2.8, 'km')).to.equal('Baseline test: a warm-up, then 5 minutes at 10.1 km/h with no metronome and no cues.');
    expect(baselineWords(2.8, 'mi')).to.contain('5 minutes at 6.3 mph');
  });
});
