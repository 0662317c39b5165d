// Drives a program the way the service does, with generated runs: the next item is started, run,
// measured and saved through the pure transitions. Tests are measured by testResult from recorded
// columns (a warm-up, then five minutes at the test speed); sessions from their planned minutes.
import { nextItem } from '../../src/program/program-schedule.js';
import { withAnswers, withRunStarted, withSessionDone, withTestDone } from '../../src/program/program-state.js';
import type { ProgramState, ScheduleItem } from '../../src/program/program-types.js';
import { WARM_UP_S, TEST_S } from '../../src/program/session-plan.js';
import { type TestOutcome, testResult } from '../../src/program/test-result.js';
import { columnsOf, second, spell } from '../support/generated-program-runs.js';

export interface TestRun {
  cadence: number;
  /** Minutes (0-4) of the test run off the test speed, by this factor. */
  offMinutes?: number[];
  offBy?: number;
}

/** A recorded test: the warm-up a little slower, then five minutes at the test speed. */
export function testColumns(speedMps: number, run: TestRun) {
  const seconds = [second({ speedMps: speedMps * 0.9, cadence: run.cadence - 6 }), ...spell(WARM_UP_S, { speedMps: speedMps * 0.9, cadence: run.cadence - 6 })];
  for (let m = 0; m < TEST_S / 60; m++) {
    const factor = run.offMinutes?.includes(m) ? (run.offBy ?? 1.08) : 1;
    seconds.push(...spell(60, { speedMps: speedMps * factor, cadence: run.cadence, strideLengthM: (speedMps * factor * 60) / run.cadence }));
  }
  return columnsOf(seconds);
}

export interface Step {
  state: ProgramState;
  item: ScheduleItem;
  outcome: TestOutcome | null;
}

/** The next item, run at `atMs`: a test with `test`'s cadence, or a session answered with `effort`. */
export function runNext(state: ProgramState, atMs: number, run: { test?: TestRun; sessionSpm?: number; effort?: number | null; speedMps?: number }): Step {
  const item = nextItem(state, atMs);
  if (item === null) throw new Error('Nothing is due');
  const started = withRunStarted(state, item, atMs);
  const sessionId = `run-${atMs}`;
  if (item.kind === 'test') {
    const columns = testColumns(item.speedMps, run.test ?? { cadence: 170 });
    const outcome = testResult(columns, { fromT: WARM_UP_S, toT: WARM_UP_S + TEST_S }, item.speedMps, { sessionId, atMs });
    return { state: withTestDone(started, outcome, sessionId), item, outcome };
  }
  let next = withSessionDone(started, {
    n: item.n,
    sessionIds: [sessionId],
    atMs,
    mainRunningS: item.minutes * 60,
    plannedMinutes: item.minutes,
    cadenceSpm: run.sessionSpm ?? item.targetSpm,
    speedMps: run.speedMps ?? 2.8,
    metronomeShare: item.metronomeShare,
  });
  const block = next.blocks.at(-1)!;
  if (run.effort !== null && run.effort !== undefined) next = withAnswers(next, block.number, block.sessions.length - 1, { effort: run.effort, natural: 3 });
  return { state: next, item, outcome: null };
}

/** `hour` o'clock on the local day of `dayMs`. */
export const onDay = (dayMs: number, hour = 18): number => {
  const d = new Date(dayMs);
  d.setHours(hour, 0, 0, 0);
  return d.getTime();
};
