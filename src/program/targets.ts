// A block's target and whether the change held. Targets come from the runner's own cadence at the
// test speed, never from the 170-180 guideline, and move in small steps: at most 10 % above the
// baseline (Heiderscheit et al. 2011 tested +5 and +10 %). A block from a held retention test (the
// next step) is at most 5 % above the last TARGET (issue 18: "once a retention test holds, the
// program offers the next block with a new target at most 5 % above the last one"), even when the
// runner already runs above it. A block from a NEW baseline starts afresh from that baseline alone:
// capping it by an older target could aim below the cadence the runner runs today.

import { wholeSteps } from '../session/shown-cadence.js';
import type { TargetPercent } from './program-types.js';

/** A test at or above this share of the target counts as having kept the change. */
export const HELD_SHARE = 0.98;
/** A next block's target rises at most this much over the last block's target. */
export const NEXT_BLOCK_RISE = 0.05;

const withPercent = (spm: number, percent: number): number => (spm * (100 + percent)) / 100;

/**
 * The highest whole step/min at most `percent` above a cadence, both as measured and as the runner
 * reads it (whole steps): 170 + 5 % is 178, not the nearest 179 (5.3 % above), and a test of 171.4,
 * shown as 171, gives 179, not 180. The small epsilon keeps an exact product whole in binary.
 */
const atMostAbove = (spm: number, percent: number): number => Math.floor(withPercent(Math.min(spm, Math.round(spm)), percent) + 1e-9);

/** Whole steps/min about `percent` above the baseline cadence, never more. */
export function blockTarget(baselineSpm: number, percent: TargetPercent): number {
  return atMostAbove(baselineSpm, percent);
}

/**
 * The next block's target from a retention test that held: at most 5 % above the held cadence, as
 * measured and as shown (whole steps, floored, as `blockTarget`), and never more than 5 % above the
 * last target (floored). A test that came out far above the target does not lift the next step:
 * the page then says the runner already runs above it.
 */
export function nextBlockTarget(lastTargetSpm: number, heldSpm: number): number {
  return Math.min(atMostAbove(heldSpm, NEXT_BLOCK_RISE * 100), highestAfter(lastTargetSpm));
}

/** The highest target any block after one that aimed at `lastTargetSpm` may have: 5 % above, floored. */
export function highestAfter(lastTargetSpm: number): number {
  return Math.floor(withPercent(lastTargetSpm, NEXT_BLOCK_RISE * 100) + 1e-9);
}

export type Verdict = 'held' | 'faded';

/**
 * 'held' when the test's cadence, in the whole steps the runner reads, is within 2 % below the
 * target, or above it: the verdict never says "held" next to a number more than 2 % below.
 */
export function retentionVerdict(cadenceSpm: number, targetSpm: number): Verdict {
  return wholeSteps(cadenceSpm) >= HELD_SHARE * targetSpm ? 'held' : 'faded';
}
