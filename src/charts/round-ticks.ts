// Axis ticks at values a runner counts in: elapsed time at round seconds, minutes and hours,
// pace at whole or half minutes, distance at tenths, halves and wholes of the runner's unit.
// uPlot's own number steps (1, 2, 2.5, 5 × 10ⁿ) put time at 200 s (3:20, 6:40) and, in the first
// seconds of a run, finer than a label of whole seconds can show (0:00 0:00 0:00 0:01).
//
// uPlot picks the smallest step of a list whose ticks stand at least `space` pixels apart, then
// asks `splits` for the ticks; these lists and ticksEvery are all it needs.

import type uPlot from 'uplot';
import { type DistanceUnit, distanceIn, formatDuration, formatPace } from '../session/units.js';

const MINUTE_S = 60;
const HOUR_S = 3600;

/** Seconds: 1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30 min; 1, 2, 3, 6, 12, 24 h. Never below a second. */
export const timeTickSteps: readonly number[] = [
  1, 2, 5, 10, 15, 30,
  ...[1, 2, 5, 10, 15, 30].map((m) => m * MINUTE_S),
  ...[1, 2, 3, 6, 12, 24].map((h) => h * HOUR_S),
];

/** Seconds per km or mile: half a minute, a minute, two, five. */
export const paceTickSteps: readonly number[] = [30, 60, 120, 300];

/** Metres: 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100 of the runner's unit (a label shows tenths at most). */
export function distanceTickSteps(unit: DistanceUnit): number[] {
  const metres = 1 / distanceIn(1, unit);
  return [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100].map((n) => Math.round(n * metres * 1e6) / 1e6);
}

/**
 * Every whole multiple of `step` from `min` to `max`, ends included, none below `floor` (time
 * and distance start at zero: a tick at −1 s would read "0:00" twice).
 */
export function ticksEvery(step: number, min: number, max: number, floor = -Infinity): number[] {
  if (!(step > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return [];
  const ticks: number[] = [];
  // A little slack so a range ending at 59.99999 still gets its tick at 60.
  const slack = step * 1e-9;
  // "+ 0" turns -0 (the multiple just below a floor of zero) into 0.
  for (let k = Math.ceil((Math.max(min, floor) - slack) / step); k * step <= max + slack; k++) ticks.push(k * step + 0);
  return ticks;
}

/** Labels like "5:00" for time, and the least space one needs (uPlot's default is 50 px). */
const TIME_LABEL_SPACE_PX = 60;
const PACE_LABEL_SPACE_PX = 30;
const DISTANCE_LABEL_SPACE_PX = 60;

type AxisTicks = Pick<uPlot.Axis, 'incrs' | 'space' | 'splits' | 'values'>;

/** Elapsed-time axis: round steps, no tick before the start, labels m:ss or h:mm:ss. */
export const roundTimeAxis = (): AxisTicks => ({
  incrs: [...timeTickSteps],
  space: TIME_LABEL_SPACE_PX,
  splits: (_u, _axis, min, max, step) => ticksEvery(step, min, max, 0),
  values: (_u, splits) => splits.map((s) => formatDuration(s)),
});

/** Pace axis (seconds per km or mile) at whole or half minutes, labels m:ss. */
export const roundPaceAxis = (): AxisTicks => ({
  incrs: [...paceTickSteps],
  space: PACE_LABEL_SPACE_PX,
  splits: (_u, _axis, min, max, step) => ticksEvery(step, min, max),
  values: (_u, splits) => splits.map((s) => formatPace(s)),
});

/** Distance axis (metres) at round tenths or wholes of the runner's unit, labelled in it. */
export const roundDistanceAxis = (unit: DistanceUnit): AxisTicks => ({
  incrs: distanceTickSteps(unit),
  space: DISTANCE_LABEL_SPACE_PX,
  splits: (_u, _axis, min, max, step) => ticksEvery(step, min, max, 0),
  values: (_u, splits, _axis, _space, step) => {
    const decimals = distanceIn(step, unit) < 0.999 ? 1 : 0;
    return splits.map((s) => `${distanceIn(s, unit).toFixed(decimals)} ${unit}`);
  },
});
