// Displayed cadence and pace can be smoothed over a few seconds; the recorded samples never are.

export type SmoothingSeconds = 0 | 5 | 15;
export const smoothingChoices: readonly SmoothingSeconds[] = [0, 5, 15];

/**
 * Mean of `values` over the samples whose time lies within `windowS` seconds of the last one.
 * `times` and `values` are parallel columns; 0 s (or a single sample) returns the last value.
 */
export function trailingMean(times: Float64Array, values: Float64Array, windowS: number): number {
  const last = values.length - 1;
  if (last < 0) return Number.NaN;
  if (windowS <= 0) return values[last]!;
  const from = times[last]! - windowS;
  let sum = 0;
  let count = 0;
  for (let i = last; i >= 0 && times[i]! > from; i--) {
    sum += values[i]!;
    count++;
  }
  return sum / count;
}
