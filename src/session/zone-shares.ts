// Time-in-zone shares as whole percentages that add up to exactly 100, the way a runner expects
// shares shown side by side to add up. Rounding each share on its own can give 101 % (87.5 % and
// 12.5 % round to 88 % and 13 %) or 99 %. The largest-remainder method rounds every share down,
// then gives the points still missing, one each, to the shares that lost the most.

import type { ZoneTimes } from './time-in-zone.js';
import { type ZoneId, zoneIds } from './zones.js';

/** Remainders closer than this are equal: 1/6 and 4/6 of a total differ in the last bits. */
const SAME_REMAINDER = 1e-9;

/**
 * Whole percentages of `parts` that sum to 100, or all zeros when the parts sum to nothing.
 * Of equal remainders the larger part rounds up first (87.5 % and 12.5 % read 88 % and 12 %),
 * then the earlier one, so equal inputs always give the same answer.
 */
export function wholePercentages(parts: readonly number[]): number[] {
  const valid = parts.map((p) => (Number.isFinite(p) && p > 0 ? p : 0));
  const total = valid.reduce((sum, p) => sum + p, 0);
  if (!(total > 0)) return valid.map(() => 0);
  const exact = valid.map((p) => (p / total) * 100);
  const whole = exact.map((e) => Math.floor(e));
  let missing = 100 - whole.reduce((sum, w) => sum + w, 0);
  const byRemainder = exact
    .map((e, i) => ({ i, remainder: e - whole[i]! }))
    .sort((a, b) =>
      Math.abs(b.remainder - a.remainder) > SAME_REMAINDER ? b.remainder - a.remainder : valid[b.i]! - valid[a.i]! || a.i - b.i,
    );
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    whole[i]! += 1;
    missing--;
  }
  return whole;
}

/** Each zone's share of the zoned time in whole percent, summing to 100 (all 0 before any running). */
export function zonePercentages(times: Readonly<ZoneTimes>): Record<ZoneId, number> {
  const percents = wholePercentages(zoneIds.map((zone) => times[zone]));
  return Object.fromEntries(zoneIds.map((zone, i) => [zone, percents[i]!])) as Record<ZoneId, number>;
}

/**
 * One share (0 to 1) as the whole percent shown for it: rounded to the nearest, half up. Every
 * single share the app shows (Weeks, the plan) reads through this, and the plan judges its
 * threshold on this very number, so a share shown as 60 % is never "under 60 %". (The hair added
 * keeps 0.595, stored as 59.4999…, at 60.) Shares shown side by side use zonePercentages instead.
 */
export const wholePercent = (share: number): number => Math.round(share * 100 + 1e-9);
