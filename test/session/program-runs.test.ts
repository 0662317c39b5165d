// A program run recorded in two parts (a reload goes on in the next recording, with the same
// mark) is one test or one session: the Weeks chart's flag and the Weeks table name it once,
// while a repeat of a session, on another day, stays a run of its own.
import { expect } from '@open-wc/testing';
import { weekTestMarks } from '../../src/charts/weeks-chart-tests.js';
import { programRunsByWeek } from '../../src/pages/weeks-program.js';
import { distinctProgramRuns } from '../../src/session/program-runs.js';
import type { ProgramMark } from '../../src/session/recorded-session.js';
import type { WeekRow } from '../../src/session/weekly-trends.js';
import { summary } from '../support/session-summaries.js';

/** Monday 17 March 2025. */
const weekStart = new Date(2025, 2, 17).getTime();
const rows = [{ weekStart }] as unknown as WeekRow[];
const at = (day: number, hour: number, minute = 0) => new Date(2025, 2, day, hour, minute).getTime();
const endTest: ProgramMark = { kind: 'test', test: 'end-of-block', n: null, block: 1, mainFromT: 300_000, mainToT: 600_000 };
const session3: ProgramMark = { kind: 'session', test: null, n: 3, block: 1, mainFromT: 300_000, mainToT: 1_200_000 };

describe('program runs recorded in parts', () => {
  it('the matched-pace chart flags an end-of-block test recorded in two parts once', () => {
    const parts = [summary(at(18, 7, 6), { id: 'b', program: endTest }), summary(at(18, 7), { id: 'a', program: endTest })];
    expect(weekTestMarks(rows, parts)).to.deep.equal([{ x: 0, label: 'Retest', tests: ['end-of-block'] }]);
  });

  it('the Weeks table names session 3 recorded in two parts once', () => {
    const parts = [summary(at(19, 18), { id: 'a', program: session3 }), summary(at(19, 18, 20), { id: 'b', program: session3 })];
    expect(programRunsByWeek(rows, parts).get(weekStart)).to.deep.equal(['Program 3/8']);
  });

  it('keeps a repeat of session 3 on another day, and runs of another block or kind, as runs of their own', () => {
    const runs = [
      summary(at(17, 18), { id: 'a', program: session3 }),
      summary(at(17, 18, 30), { id: 'a2', program: session3 }),
      summary(at(19, 18), { id: 'repeat', program: session3 }),
      summary(at(19, 19), { id: 'block2', program: { ...session3, block: 2 } }),
      summary(at(19, 20), { id: 'test', program: endTest }),
      summary(at(19, 21), { id: 'plain' }),
    ];
    expect(distinctProgramRuns(runs).map((s) => s.id)).to.deep.equal(['a', 'repeat', 'block2', 'test']);
    expect(programRunsByWeek(rows, runs).get(weekStart)).to.deep.equal(['Program 3/8', 'Program 3/8', 'Program 3/8', 'Retention test, end of block']);
  });
});
