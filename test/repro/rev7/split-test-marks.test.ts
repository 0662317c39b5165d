// A program run can span more than one recording (ActiveProgramRun.sessionIds; a run stopped and
// started again goes on "in the next recording from the running seconds it had"), and each
// recording carries the same ProgramMark. The Weeks page then says ONE test twice: the matched-pace
// chart's flag reads "Retest + Retest" and the readout "Retention test, end of block, Retention
// test, end of block this week", the week's table "Program 3/8, Program 3/8": the runner reads that
// they took the end-of-block test twice (or ran session 3 twice, which the program only does when
// a repeat is chosen). Issue 18: "History and Weeks mark program sessions and test runs; the Weeks
// 'cadence at matched pace' chart marks the tests."
import { expect } from '@open-wc/testing';
import { weekTestMarks } from '../../../src/charts/weeks-chart-tests.js';
import { programRunsByWeek } from '../../../src/pages/weeks-program.js';
import type { ProgramMark } from '../../../src/session/recorded-session.js';
import type { WeekRow } from '../../../src/session/weekly-trends.js';
import { summary } from '../../support/session-summaries.js';

const weekStart = new Date(2025, 2, 17).getTime();
const rows = [{ weekStart }] as unknown as WeekRow[];
const at = (day: number, hour: number, minute = 0) => new Date(2025, 2, day, hour, minute).getTime();
const endTest: ProgramMark = { kind: 'test', test: 'end-of-block', n: null, block: 1, mainFromT: 300_000, mainToT: 600_000 };
const session3: ProgramMark = { kind: 'session', test: null, n: 3, block: 1, mainFromT: 300_000, mainToT: 1_200_000 };

describe('one program run in two recordings (rev7)', () => {
  it('the matched-pace chart marks one end-of-block test once, though it was recorded in two parts', () => {
    const parts = [summary(at(18, 7), { id: 'a', program: endTest }), summary(at(18, 7, 6), { id: 'b', program: endTest })];
    expect(weekTestMarks(rows, parts)).to.deep.equal([{ x: 0, label: 'Retest', tests: ['end-of-block'] }]);
  });

  it('the Weeks table names session 3 once, though it was recorded in two parts', () => {
    const parts = [summary(at(19, 18), { id: 'a', program: session3 }), summary(at(19, 18, 20), { id: 'b', program: session3 })];
    expect(programRunsByWeek(rows, parts).get(weekStart)).to.deep.equal(['Program 3/8']);
  });
});
