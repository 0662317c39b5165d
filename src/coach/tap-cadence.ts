// Cadence for a runner without a pod: they tap along to their steps for 30 seconds. People miss
// a beat or tap twice, so the rate comes from the typical interval between taps, not from the
// count of taps: a missed tap or a double tap moves it by nothing rather than by a few percent.

export type TapMode = 'every-step' | 'right-foot';

/** The first tap starts a window this long; later taps are not counted. */
export const TAP_WINDOW_MS = 30_000;
/** Fewer steady intervals than this say too little about a rhythm. */
export const MIN_TAP_INTERVALS = 8;
/** Two taps closer than this share of the typical interval are one step tapped twice. */
const DOUBLE_TAP = 0.5;
/** Intervals this far from the typical one are a missed tap or a stumble, not the rhythm. */
const STEADY_LOW = 0.75;
const STEADY_HIGH = 1.33;

export type TapCadence =
  | { kind: 'too-few'; steadyIntervals: number; needed: number; reason: string }
  | { kind: 'unsteady'; reason: string }
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
  return { kind: 'cadence', spm: (60_000 / mean) * (mode === 'right-foot' ? 2 : 1), steadyIntervals: steady.length };
}

/** The taps with the second tap of each double left out, so one step is not split in two intervals. */
function withoutDoubleTaps(taps: readonly number[]): number[] {
  const raw = intervalsOf(taps).filter((i) => i > 0);
  // Taps all at one instant are one tap.
  if (raw.length === 0) return taps.slice(0, 1);
  const typical = median(raw);
  const kept: number[] = [];
  for (const t of taps) if (kept.length === 0 || t - kept[kept.length - 1]! >= typical * DOUBLE_TAP) kept.push(t);
  return kept;
}

function tooFew(steadyIntervals: number): TapCadence {
  return {
    kind: 'too-few',
    steadyIntervals,
    needed: MIN_TAP_INTERVALS,
    reason: `Too few taps to tell: tap on at least ${MIN_TAP_INTERVALS + 2} steps in a row, at your running rhythm.`,
  };
}
