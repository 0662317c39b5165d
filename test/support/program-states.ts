// Programs at a given point, built with the program's own transitions (src/program/program-state.ts),
// as the service would store them: for the service's tests, a baseline taken and a block begun with
// some of its sessions done; for the screens' tests, the same through runNext with answers, and
// retention tests that held or faded.
import {
  newProgram,
  withAnswers,
  withBlockStarted,
  withRunStarted,
  withSessionDone,
  withTestDone,
  withTestSpeed,
} from '../../src/program/program-state.js';
import { addDays, dueItem, nextItem } from '../../src/program/program-schedule.js';
import type { ProgramState, TargetPercent, TestResult } from '../../src/program/program-types.js';
import { metronomeShare, sessionMinutes } from '../../src/program/session-plan.js';

/**
 * A baseline at `cadenceSpm` and `speedMps` taken the day before (a test and a session are never on
 * the same day, so session 1 is due on `nowMs`'s day), a block started from it, and sessions 1..done run.
 */
export function programInBlock(nowMs: number, { cadenceSpm = 166, speedMps = 3, percent = 5 as TargetPercent, done = 0 } = {}): ProgramState {
  const baselineAt = addDays(nowMs, -1) + (nowMs - addDays(nowMs, 0));
  let state = withTestSpeed(newProgram(baselineAt), speedMps);
  state = withRunStarted(state, { kind: 'test', block: 0, test: 'baseline', dayMs: baselineAt, speedMps, done: null }, baselineAt);
  const result = { sessionId: 'baseline-run', atMs: baselineAt, speedMps, cadenceSpm, strideLengthM: (speedMps * 60) / cadenceSpm, keptMinutes: 5, discardedMinutes: 0 };
  state = withTestDone(state, { ok: true, result, note: null }, 'baseline-run');
  state = withBlockStarted(state, percent, nowMs);
  const target = state.blocks[0]!.targetSpm;
  for (let n = 1; n <= done; n++) {
    const session = { n, sessionIds: [`run-${n}`], atMs: nowMs, mainRunningS: sessionMinutes(n) * 60, plannedMinutes: sessionMinutes(n), cadenceSpm: target, speedMps, metronomeShare: metronomeShare(n) };
    state = withSessionDone({ ...state, active: { kind: 'session', test: null, n, block: 1, startedAtMs: nowMs, sessionIds: [], warmUpRunningS: 0, mainRunningS: 0 } }, session);
  }
  return state;
}

export const DAY = 86_400_000;
/** 10.0 km/h. */
export const TEST_SPEED = 10 / 3.6;

export function testResult(atMs: number, cadenceSpm: number, more: Partial<TestResult> = {}): TestResult {
  return { sessionId: `test-${atMs}`, atMs, speedMps: TEST_SPEED, cadenceSpm, strideLengthM: (TEST_SPEED * 60) / cadenceSpm, keptMinutes: 5, discardedMinutes: 0, ...more };
}

/**
 * Runs the next item of `state` at `atMs`: a test with `cadence`, or a session run at `cadence` with
 * its answers. Only an item due by then, as Start allows, so a fixture cannot put two items on one day.
 */
export function runNext(state: ProgramState, atMs: number, cadence: number, answers: { effort: number; natural: number } | null = null): ProgramState {
  const item = dueItem(state, atMs);
  if (!item) throw new Error(`nothing due on ${new Date(atMs).toDateString()}: next is ${JSON.stringify(nextItem(state, atMs))}`);
  const started = withRunStarted(state, item, atMs);
  if (item.kind === 'test') return withTestDone(started, { ok: true, result: testResult(atMs, cadence), note: null }, `test-${atMs}`);
  const done = withSessionDone(started, {
    n: item.n, sessionIds: [`run-${atMs}`], atMs, mainRunningS: item.minutes * 60, plannedMinutes: sessionMinutes(item.n),
    cadenceSpm: cadence, speedMps: TEST_SPEED, metronomeShare: metronomeShare(item.n),
  });
  if (!answers) return done;
  const block = done.blocks.at(-1)!;
  return withAnswers(done, block.number, block.sessions.length - 1, answers);
}

/** Speed chosen, baseline 164 on `start`, block at +5 % (172) begun the next day, `sessions` sessions two days apart. */
export function programWithSessions(start: number, sessions: number): ProgramState {
  let state = runNext(withTestSpeed(newProgram(start - DAY), TEST_SPEED), start, 164);
  state = withBlockStarted(state, 5, start + DAY);
  for (let i = 0; i < sessions; i++) state = runNext(state, start + DAY + i * 2 * DAY, 171, { effort: 4 + (i % 2), natural: 3 });
  return state;
}
