// A block's target and whether the change held. Targets come from the runner's own cadence at the
// test speed, never from the 170-180 guideline, and move in small steps: at most 10 % above the
// baseline (Heiderscheit et al. 2011 tested +5 and +10 %), and a next block at most 5 % above the
// last level the runner reached (the last target, or the held test's cadence when it came out
// above it), never below the cadence they start from.

import type { TargetPercent } from './program-types.js';

/** A test at or above this share of the target counts as having kept the change. */
export const HELD_SHARE = 0.98;
/** A next block's target rises at most this much over the last level reached. */
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
 * The next block's target from a retention test that held: 5 % above the higher of the last target
 * and the cadence the runner kept, floored. A test that came out far above the target starts the
 * next block above it, never at a slower cadence than the runner now runs.
 */
export function nextBlockTarget(lastTargetSpm: number, heldSpm: number): number {
  return highestAfter(Math.max(lastTargetSpm, heldSpm));
}

/** The highest target any block after one that reached `levelSpm` may have: 5 % above, floored. */
export function highestAfter(levelSpm: number): number {
  return atMostAbove(levelSpm, NEXT_BLOCK_RISE * 100);
}

export type Verdict = 'held' | 'faded';

/** 'held' when the test's cadence is within 2 % below the target, or above it. */
export function retentionVerdict(cadenceSpm: number, targetSpm: number): Verdict {
  return cadenceSpm >= HELD_SHARE * targetSpm ? 'held' : 'faded';
}
