// Programs at a given point, built with the program's own transitions, for the service's tests:
// a baseline taken and a block begun, with some of its sessions done.
import { addDays } from '../../src/program/program-schedule.js';
import { newProgram, withBlockStarted, withRunStarted, withSessionDone, withTestDone, withTestSpeed } from '../../src/program/program-state.js';
import type { ProgramState, TargetPercent } from '../../src/program/program-types.js';
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
