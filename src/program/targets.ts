// A block's target and whether the change held. Targets come from the runner's own cadence at the
// test speed, never from the 170-180 guideline, and move in small steps: at most 10 % above the
// baseline (Heiderscheit et al. 2011 tested +5 and +10 %), and a next block at most 5 % above the
// last target.

import type { TargetPercent } from './program-types.js';

/** A test at or above this share of the target counts as having kept the change. */
export const HELD_SHARE = 0.98;
/** A next block's target rises at most this much over the last target. */
export const NEXT_BLOCK_RISE = 0.05;

const withPercent = (spm: number, percent: number): number => (spm * (100 + percent)) / 100;

/** Whole steps/min `percent` above the baseline cadence. */
export function blockTarget(baselineSpm: number, percent: TargetPercent): number {
  return Math.round(withPercent(baselineSpm, percent));
}

/**
 * The next block's target from a retention test that held: 5 % above what the runner kept, but
 * never more than 5 % above the last target, even when the test came out far above it.
 */
export function nextBlockTarget(lastTargetSpm: number, heldSpm: number): number {
  return Math.min(Math.round(withPercent(heldSpm, NEXT_BLOCK_RISE * 100)), highestAfter(lastTargetSpm));
}

/** The highest target any block after one aiming at `lastTargetSpm` may have: 5 % above, floored. */
export function highestAfter(lastTargetSpm: number): number {
  return Math.floor(withPercent(lastTargetSpm, NEXT_BLOCK_RISE * 100));
}

export type Verdict = 'held' | 'faded';

/** 'held' when the test's cadence is within 2 % below the target, or above it. */
export function retentionVerdict(cadenceSpm: number, targetSpm: number): Verdict {
  return cadenceSpm >= HELD_SHARE * targetSpm ? 'held' : 'faded';
}
