// A name the runner typed is kept as typed (issue 17: "a runner's own name kept"). isDefaultRunName
// tries every zone offset from UTC-12 to UTC+14, so any "Run <date>, <time>" a runner types that
// some zone's clock could have read at the start (up to 26 hours away, same quarter hour) is taken
// for the app's own name and replaced by the start's title. A runner who names a treadmill run after
// the race it stood in for ("Run 7 Dec 2026, 09:00") sees it renamed back to the recording time.
import { expect } from '@open-wc/testing';
import { legacyRunTitle, runTitle } from '../../src/session/date-format.js';
import { sessionTitle } from '../../src/session/session-title.js';

describe('a runner-typed name that looks like a date', () => {
  it('keeps "Run <another time>" that the runner typed', () => {
    const start = new Date(2026, 11, 7, 2, 45).getTime(); // 02:45 on the machine's clock
    // The runner types another time of that day, in the app's old fixed English form, 6 h 15 min later.
    const typed = legacyRunTitle(start + (6 * 60 + 15) * 60_000); // "Run 7 Dec 2026, 09:00"
    expect(typed).to.match(/, 09:00$/);
    const shown = sessionTitle({ name: typed, startedAt: start, sport: 'run', origin: 'recorded' });
    expect(shown, `start reads ${runTitle(start)}`).to.equal(typed);
  });
});
