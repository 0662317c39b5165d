// Whether the program keeps a saved run as one of its own: the run going on, a session done or a
// test's result. A recording it does not keep is an ordinary run and carries no program mark.

import type { ActiveProgramRun, ProgramState } from '../program/program-types.js';

export function programHolds(state: ProgramState | null, id: string): boolean {
  if (!state) return false;
  if (state.active?.sessionIds.includes(id) || state.baseline?.sessionId === id) return true;
  return state.blocks.some(
    (block) =>
      block.from.sessionId === id ||
      block.sessions.some((session) => session.sessionIds.includes(id)) ||
      block.tests.some((test) => test.result.sessionId === id),
  );
}

/** The same armed run (another tab may have cancelled it and armed the next since). */
export function sameRun(a: ActiveProgramRun | null | undefined, b: ActiveProgramRun | null | undefined): boolean {
  return !!a && !!b && a.startedAtMs === b.startedAtMs && a.kind === b.kind && a.n === b.n && a.block === b.block && a.test === b.test;
}
