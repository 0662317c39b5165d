// What Start may arm: the next item only on its planned day or later, never on a rest day or
// before a retention test's day; and the sentence that says when it is, instead.
import { expect } from '@open-wc/testing';
import { addDays, dueItem, nextItem } from '../../src/program/program-schedule.js';
import { newProgram, withBlockStarted, withRunStarted, withSessionDone, withTestDone, withTestSpeed } from '../../src/program/program-state.js';
import type { ProgramState } from '../../src/program/program-types.js';
import { formatDate, formatWeekday } from '../../src/session/date-format.js';
import { notDueWords } from '../../src/services/program-due-words.js';
import { at, testAt } from './program-fixtures.js';

function begun(startMs: number): ProgramState {
  let state = withTestSpeed(newProgram(at(2026, 12, 1, 6)), 2.8);
  state = withTestDone(state, { ok: true, result: testAt(at(2026, 12, 1), 170), note: null }, 'base');
  return withBlockStarted(state, 5, startMs);
}

function sessionRun(state: ProgramState, atMs: number): ProgramState {
  const item = nextItem(state, atMs)!;
  const started = withRunStarted(state, item, atMs);
  const n = item.kind === 'session' ? item.n : 0;
  return withSessionDone(started, { n, sessionIds: [`s-${atMs}`], atMs, mainRunningS: 900, plannedMinutes: 15, cadenceSpm: 178, speedMps: 2.8, metronomeShare: 1 });
}

describe('dueItem', () => {
  it('is the next item from its planned day on, and nothing on the days before it', () => {
    const start = at(2026, 12, 2, 7);
    let state = begun(start);
    // Every hour for three weeks, a session run the first hour one is due: due exactly from its day.
    for (let hour = 0; hour < 21 * 24; hour++) {
      const now = start + hour * 3_600_000;
      const next = nextItem(state, now);
      const due = dueItem(state, now);
      if (next === null) break;
      expect(due === null ? null : due.dayMs, `at hour ${hour}`).to.equal(next.dayMs <= now ? next.dayMs : null);
      if (due?.kind === 'session') state = sessionRun(state, now);
    }
    const sessionDays = state.blocks[0]!.sessions.map((s) => new Date(s.atMs).getDate());
    expect(sessionDays, 'a rest day between two').to.deep.equal([2, 4, 6, 8, 10, 12, 14, 16]);
  });

  it('says when the next item is planned, in the runner’s own words for dates', () => {
    const now = at(2026, 12, 7, 9);
    const day = (d: number) => addDays(now, d);
    const session = { kind: 'session', block: 1, n: 4, minutes: 20, targetSpm: 176, metronomeShare: 1, done: null } as const;
    expect(notDueWords({ ...session, dayMs: day(1) }, now)).to.equal('Rest today: session 4 is planned for tomorrow.');
    expect(notDueWords({ ...session, dayMs: day(3) }, now)).to.equal(`Rest today: session 4 is planned for ${formatWeekday(day(3))}.`);
    const test = { kind: 'test', block: 1, test: 'one-week', speedMps: 2.8, done: null } as const;
    expect(notDueWords({ ...test, dayMs: day(7) }, now)).to.equal(`Nothing is due today: the one-week retention test is planned for ${formatDate(day(7))}.`);
  });
});
