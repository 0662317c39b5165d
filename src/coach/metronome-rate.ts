// The rate the metronome starts at, and the runner's one-press change to it. A metronome far above
// the runner's own cadence asks for a jump the plan's "small steps" forbid (175 for a runner at
// 158 is 11 % at once), so the start is never more than 5 % above the cadence the pod reads now.

import { type MetronomeSettings, METRONOME_MAX_SPM, METRONOME_MIN_SPM } from '../session/coach-settings.js';
import { type CadenceZones, middleOfTarget } from '../session/zones.js';

/** The start is at most this share above the runner's current cadence. */
export const START_AT_MOST_ABOVE = 0.05;
/**
 * One press of −/+ or an arrow key. 2 steps/min is about 1 % at running cadences: the smallest
 * change a runner notices under foot (1 step/min moves each beat by 2 ms), and a 5 % step
 * (166 to 175) is four or five presses, not nine.
 */
export const RATE_STEP_SPM = 2;

const clampRate = (rateSpm: number): number => Math.min(METRONOME_MAX_SPM, Math.max(METRONOME_MIN_SPM, rateSpm));
const isCadence = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

/**
 * The highest whole rate at most 5 % above `cadence`. Rounded down: rounding to the nearest would
 * start 158 for a runner at 150 (157.5), 5.3 % above. The small allowance only keeps a product that
 * is whole in decimals (160 × 1.05 = 168) whole in binary floating point.
 */
export const startCeiling = (cadence: number): number => Math.floor(cadence * (1 + START_AT_MOST_ABOVE) + 1e-9);

/**
 * The rate to start clicking at, in whole steps/min within 140-220. The target is the cadence
 * plan's target when the runner follows the plan and there is one (Settings: "Follow my cadence
 * plan when I have one", so it wins over a rate typed earlier), else the runner's own rate.
 * With a current cadence: the target, or without one the cadence itself, but never more than 5 %
 * above the cadence. Without a cadence yet: the target, or the middle of the target zone.
 * A cadence below the metronome's range (a walk) starts it at its lowest rate, 140.
 */
export function metronomeRate(
  settings: MetronomeSettings,
  zones: CadenceZones,
  planTarget?: number | null,
  currentCadence?: number | null,
): number {
  const hasPlan = settings.followPlan && isCadence(planTarget);
  const target = hasPlan ? planTarget : settings.rateSpm;
  const fallback = Math.round(middleOfTarget(zones));
  if (!isCadence(currentCadence)) return clampRate(Math.round(isCadence(target) ? target : fallback));
  const ceiling = startCeiling(currentCadence);
  const wanted = Math.round(isCadence(target) ? target : currentCadence);
  return clampRate(Math.min(wanted, ceiling));
}

/** One press up (+1) or down (−1) from `rateSpm`, kept within 140-220. */
export function nudgedRate(rateSpm: number, direction: 1 | -1): number {
  return clampRate(Math.round(rateSpm) + direction * RATE_STEP_SPM);
}
