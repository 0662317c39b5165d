// The belt speed a test is run at. A test is only comparable with the baseline it follows when it
// is run at the same speed, so once a baseline is taken every test after it (the block's end-of-block
// and retention tests) is at that baseline's speed; the program's chosen test speed is the speed of
// the next NEW baseline only. The schedule, the calendar and the judging of a test all ask here.

import type { ProgramState, TestKind } from './program-types.js';

/** Belt speeds a test can be run at, m/s (1.8 to 36 km/h). */
export const TEST_SPEED_MIN_MPS = 0.5;
export const TEST_SPEED_MAX_MPS = 10;

export const isTestSpeed = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= TEST_SPEED_MIN_MPS && value <= TEST_SPEED_MAX_MPS;

/**
 * The speed a test of the program is run and judged at: a baseline at the chosen test speed (null
 * while none is chosen), any later test at the speed of the test its block began from. `run` is a
 * schedule's test item or the active run; null for a session (its `test` is null), which has none.
 */
export function testSpeedFor(state: ProgramState, run: { test: TestKind | null; block: number }): number | null {
  if (run.test === null) return null;
  if (run.test === 'baseline') return state.testSpeedMps;
  return state.blocks.find((b) => b.number === run.block)?.from.speedMps ?? null;
}
