// Where a block can begin: from the newest baseline, or from a retention test of the last block
// that held. A test older than eight weeks no longer says where the runner is, so the program
// asks for a new baseline first.

import { daysBetween } from './local-days.js';
import type { ProgramBlock, ProgramState, TestResult } from './program-types.js';
import { SESSIONS_PER_BLOCK } from './session-plan.js';
import { retentionVerdict } from './targets.js';

export const TEST_MAX_AGE_DAYS = 56;
export const RETENTION_TESTS = 3;

/** The test a new block would start from, and the last block's target when it is a retention test. */
export interface BlockSource {
  from: TestResult;
  /** Null when `from` is a baseline. */
  lastTargetSpm: number | null;
}

export const isPaused = (state: ProgramState): boolean => state.pauses.at(-1)?.toMs === null;

/** Session 8 is done and no repeat of it is waiting. */
export function sessionsComplete(block: ProgramBlock): boolean {
  const last = block.sessions.at(-1);
  return last !== undefined && last.n === SESSIONS_PER_BLOCK && (block.repeatChosen !== true || block.tests.length > 0);
}

/** All three retention tests are done. */
export const blockOver = (block: ProgramBlock): boolean => sessionsComplete(block) && block.tests.length >= RETENTION_TESTS;

export const testIsFresh = (test: TestResult, nowMs: number): boolean => daysBetween(test.atMs, nowMs) <= TEST_MAX_AGE_DAYS;

/**
 * The newest baseline not yet used, or the last block's latest retention test when it held; null
 * when there is neither (mid-block, or the change faded).
 */
export function blockSource(state: ProgramState): BlockSource | null {
  const last = state.blocks.at(-1);
  if (last !== undefined && !sessionsComplete(last)) return null;
  if (state.baseline !== null) return { from: state.baseline, lastTargetSpm: null };
  const latest = last?.tests.at(-1);
  if (last === undefined || latest === undefined) return null;
  return retentionVerdict(latest.result.cadenceSpm, last.targetSpm) === 'held' ? { from: latest.result, lastTargetSpm: last.targetSpm } : null;
}

/** A block can begin now: a fresh test to start from, no run going on, not paused. */
export function canStartBlock(state: ProgramState, nowMs: number): boolean {
  const source = blockSource(state);
  return source !== null && testIsFresh(source.from, nowMs) && state.active === null && !isPaused(state);
}

/**
 * A baseline test is due before any block can begin: there is none yet, the one waiting is older
 * than eight weeks, or the last block's tests are all done and none left a fresh one that held.
 */
export function needsNewBaseline(state: ProgramState, nowMs: number): boolean {
  if (state.baseline !== null) return !testIsFresh(state.baseline, nowMs);
  const last = state.blocks.at(-1);
  if (last === undefined) return true;
  if (!blockOver(last)) return false;
  const source = blockSource(state);
  return source === null || !testIsFresh(source.from, nowMs);
}
