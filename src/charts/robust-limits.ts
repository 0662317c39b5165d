// Axis limits that fit what the runner ran, not what a watch file got wrong. Imported runs carry
// records of 0 steps/min, 250 steps/min, 12 m strides and paces of a few seconds per km; an axis
// fitted to the extremes squeezes the run into a strip. These limits come from the percentiles of
// the values after dropping the few points far outside the bulk (bulkRange), padded, and rounded
// out to the axis's tick step. A line past them is clipped at the plot's edge.

export interface AxisLimits {
  min: number;
  max: number;
}

export interface LimitRules {
  /** Tick step the limits are rounded out to (5 steps/min, 0.1 m, 30 s). */
  step: number;
  /** Room added beyond the percentiles before rounding, so the line does not run along an edge. */
  pad: number;
  /** The least height of the axis: a steady (or constant) series is not drawn as a line on the edge. */
  minSpan: number;
  /** The spread below which values count as steady, so a constant run does not fence out every wobble. */
  minSpread: number;
  /** A range that must stay in view whatever the values (the cadence target zone). */
  keep?: readonly [number, number];
  /** No limit below this (a stride or a pace is never negative). */
  floor?: number;
}

/**
 * Points this many interquartile spreads past the quartiles are outliers, tried in turn: a
 * cluster far from the bulk but with many points (the fast minutes of intervals, a run-walk's
 * jogs) is a part of the run, and a wider fence takes it in.
 */
const FENCE_SPREADS = [3, 6, 12, 24];
/** The share of the values the limits always hold. */
const SHARE_HELD = 0.98;
/** Within a fence, the share of the points left out at either end: the percentiles 0.5 and 99.5. */
const TAIL = 0.005;

/**
 * The value range that holds the bulk of `values`, outliers left out: the 0.5th to 99.5th
 * percentile of the points within the narrowest fence that leaves out at most 2 % of them
 * (less of a tail when the fence left out more than 1 %), or the 1st to 99th percentile of all
 * when no fence does. Either way it holds at least 98 % of the values. Null when there are none.
 */
export function bulkRange(values: readonly number[], minSpread = 0): [number, number] | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return null;
  const q1 = sorted[Math.floor(0.25 * (n - 1))]!;
  const q3 = sorted[Math.ceil(0.75 * (n - 1))]!;
  const spread = Math.max(q3 - q1, minSpread);
  for (const spreads of FENCE_SPREADS) {
    const inliers = sorted.filter((v) => v >= q1 - spreads * spread && v <= q3 + spreads * spread);
    const m = inliers.length;
    if (m >= SHARE_HELD * n) return percentiles(inliers, Math.max(0, Math.min(TAIL, (1 - (SHARE_HELD * n) / m) / 2)));
  }
  return percentiles(sorted, (1 - SHARE_HELD) / 2);
}

/**
 * Limits for an axis of `values` under `rules`, or null when there are no values. min < max,
 * both whole multiples of rules.step; at least 98 % of the values lie within them.
 */
export function robustLimits(values: readonly number[], rules: LimitRules): AxisLimits | null {
  const bulk = bulkRange(values, rules.minSpread);
  if (!bulk) return null;
  let low = bulk[0] - rules.pad;
  let high = bulk[1] + rules.pad;
  if (rules.keep) {
    low = Math.min(low, rules.keep[0]);
    high = Math.max(high, rules.keep[1]);
  }
  if (high - low < rules.minSpan) {
    const middle = (low + high) / 2;
    low = middle - rules.minSpan / 2;
    high = middle + rules.minSpan / 2;
  }
  if (rules.floor !== undefined && low < rules.floor) {
    high = Math.max(high, rules.floor + rules.minSpan);
    low = rules.floor;
  }
  return { min: roundedDown(low, rules.step), max: roundedUp(high, rules.step) };
}

/**
 * The `tail` and 1 − `tail` percentiles by rank, each taken outward, so that at least
 * 1 − 2 × `tail` of the values lie between them (the ranks span (1 − 2 × tail)(n − 1) + 1).
 */
function percentiles(sorted: readonly number[], tail: number): [number, number] {
  const n = sorted.length;
  return [sorted[Math.floor(tail * (n - 1))]!, sorted[Math.ceil((1 - tail) * (n - 1))]!];
}

/** Whole multiples of the step, without the float dust of 0.1 × 13 = 1.3000000000000003. */
const tidy = (multiple: number, step: number): number => Number((multiple * step).toPrecision(12)) + 0;
// The slack lets a limit already on a tick (170.00000001 after padding arithmetic) stay there.
const roundedDown = (value: number, step: number): number => tidy(Math.floor(value / step + 1e-9), step);
const roundedUp = (value: number, step: number): number => tidy(Math.ceil(value / step - 1e-9), step);
