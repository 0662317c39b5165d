// A block's target and whether the change held. Targets come from the runner's own cadence at the
// test speed, never from the 170-180 guideline, and move in small steps: at most 10 % above the
// baseline (Heiderscheit et al. 2011 tested +5 and +10 %), and a next block at most 5 % above the
// last target.

import type { TargetPercent } from './program-types.js';

/** A test at or above this share of the target counts as having kept the change. */
export const HELD_SHARE = 0.98;
/** A next block's target rises at most this much over the last target. */
export const NEXT_BLOCK_RISE = 0.05;

// Whole-number percent arithmetic keeps 170 × 1.05 at 178.5 exactly, so it rounds as a person would.
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
  return Math.min(Math.round(withPercent(heldSpm, NEXT_BLOCK_RISE * 100)), Math.floor(withPercent(lastTargetSpm, NEXT_BLOCK_RISE * 100)));
}

export type Verdict = 'held' | 'faded';

/** 'held' when the test's cadence is within 2 % below the target, or above it. */
export function retentionVerdict(cadenceSpm: number, targetSpm: number): Verdict {
  // A hair of slack so a cadence of exactly 98 % (166.6 of 170) is not lost to binary fractions.
  return cadenceSpm >= HELD_SHARE * targetSpm - 1e-9 ? 'held' : 'faded';
}
