// Cadence for a runner without a pod: they tap along to their steps for 30 seconds. People miss
// a beat or tap twice, so the rate comes from the typical interval between taps, not from the
// count of taps: a missed tap or a double tap moves it by nothing rather than by a few percent.

import { TAPPED_MAX_SPM, TAPPED_MIN_SPM } from '../session/plan-settings.js';

export type TapMode = 'every-step' | 'right-foot';

/** The first tap starts a window this long; later taps are not counted. */
export const TAP_WINDOW_MS = 30_000;
/** Fewer steady intervals than this say too little about a rhythm. */
export const MIN_TAP_INTERVALS = 8;
/**
 * Two taps closer than this are one step tapped twice, whatever the rhythm: 300 steps/min, faster
 * than any runner's feet. A fixed floor, so a finger that bounces on every other step cannot drag
 * the threshold down with its own short intervals, as a share of their median did.
 */
export const MIN_STEP_MS = 200;
/** Two taps closer than this share of the typical interval (after the floor) are one step tapped twice. */
const DOUBLE_TAP = 0.5;
/** Intervals this far from the typical one are a missed tap or a stumble, not the rhythm. */
const STEADY_LOW = 0.75;
const STEADY_HIGH = 1.33;

export type TapCadence =
  | { kind: 'too-few'; steadyIntervals: number; needed: number; reason: string }
  | { kind: 'unsteady'; reason: string }
  /** The rate read is no running or walking cadence: refused, not shown. */
  | { kind: 'implausible'; reason: string }
  | { kind: 'cadence'; spm: number; steadyIntervals: number };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const intervalsOf = (times: readonly number[]): number[] => times.slice(1).map((t, i) => t - times[i]!);

/**
 * Steps per minute from tap times (ms, any clock that only increases). The first tap starts the
 * window and is the lead-in, taken while the runner finds the beat: counting starts at the second.
 * 'right-foot' taps once per two steps, so its rate is doubled.
 */
export function tapCadence(tapsMs: readonly number[], mode: TapMode): TapCadence {
  const first = tapsMs[0];
  const inWindow = first === undefined ? [] : tapsMs.filter((t) => t >= first && t <= first + TAP_WINDOW_MS);
  // Double taps go before the lead-in does: a lead-in tapped twice would otherwise leave its
  // second half as the first counted tap, and a short interval after it.
  const taps = withoutDoubleTaps(inWindow).slice(1);
  const intervals = intervalsOf(taps);
  if (intervals.length === 0) return tooFew(0);
  const beat = median(intervals);
  const steady = intervals.filter((i) => i >= beat * STEADY_LOW && i <= beat * STEADY_HIGH);
  if (intervals.length >= MIN_TAP_INTERVALS && steady.length * 2 < intervals.length) {
    return { kind: 'unsteady', reason: 'The taps were too uneven to read a rhythm. Try again, one tap on each step.' };
  }
  if (steady.length < MIN_TAP_INTERVALS) return tooFew(steady.length);
  const mean = steady.reduce((a, b) => a + b, 0) / steady.length;
  const spm = (60_000 / mean) * (mode === 'right-foot' ? 2 : 1);
  if (spm < TAPPED_MIN_SPM || spm > TAPPED_MAX_SPM) return implausible(spm, mode);
  return { kind: 'cadence', spm, steadyIntervals: steady.length };
}

/** The taps after `t` closer than `gapMs` to the tap kept before them left out. */
function merged(taps: readonly number[], gapMs: number): number[] {
  const kept: number[] = [];
  for (const t of taps) if (kept.length === 0 || t - kept[kept.length - 1]! >= gapMs) kept.push(t);
  return kept;
}

/**
 * The taps with the second tap of each double left out, so one step is not split in two intervals:
 * first every tap within MIN_STEP_MS of the one before, then (for slow rhythms) within half the
 * typical interval of what is left.
 */
function withoutDoubleTaps(taps: readonly number[]): number[] {
  const steps = merged(taps, MIN_STEP_MS);
  const intervals = intervalsOf(steps);
  return intervals.length === 0 ? steps : merged(steps, median(intervals) * DOUBLE_TAP);
}

function implausible(spm: number, mode: TapMode): TapCadence {
  const which =
    spm > TAPPED_MAX_SPM
      ? `faster than any running rhythm (over ${TAPPED_MAX_SPM} steps/min)${mode === 'right-foot' ? ': with "right foot only", tap on the right foot alone' : ''}`
      : `slower than any running or walking rhythm (under ${TAPPED_MIN_SPM} steps/min)${mode === 'every-step' ? ': with "every step", tap on both feet' : ''}`;
  return { kind: 'implausible', reason: `The taps came ${which}. Try again, one tap on each step.` };
}

function tooFew(steadyIntervals: number): TapCadence {
  return {
    kind: 'too-few',
    steadyIntervals,
    needed: MIN_TAP_INTERVALS,
    reason: `Too few taps to tell: tap on at least ${MIN_TAP_INTERVALS + 2} steps in a row, at your running rhythm.`,
  };
}
