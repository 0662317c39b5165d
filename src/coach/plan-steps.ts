// Where the cadence plan's next target zone lies: a few percent above the runner's baseline, the
// zone widths kept and rounded to whole steps, never more than 5 % above today's target in one
// step, and never past the goal. Every proposal passes checkCadenceZones.

import { type CadenceZones, checkCadenceZones, defaultCadenceZones, middleOfTarget } from '../session/zones.js';

/** A step aims this far above the baseline... */
export const STEP_ABOVE_BASELINE = 0.03;
/** ...and never moves the target's middle more than this in one go. */
export const MAX_STEP = 0.05;
/** A step smaller than this would not be felt. */
export const MIN_STEP_SPM = 2;
/** With no plan yet and a baseline this far below the target zone, the plan starts lower. */
export const FAR_BELOW = 0.05;

export const targetLabel = (zones: Pick<CadenceZones, 'targetFrom' | 'targetTo'>): string => `${zones.targetFrom}–${zones.targetTo}`;

/** Today's zone widths, rounded to whole steps, at a new target start. */
function zonesFrom(zones: CadenceZones, targetFrom: number): CadenceZones {
  const width = Math.max(1, Math.round(zones.targetTo - zones.targetFrom));
  const building = Math.max(1, Math.round(zones.targetFrom - zones.buildingFrom));
  return { buildingFrom: targetFrom - building, targetFrom, targetTo: targetFrom + width };
}

/** The highest whole-step zones, no wider than today's, whose middle is at most `cap` and near `aim`. */
function zonesAround(zones: CadenceZones, aim: number, cap: number): CadenceZones {
  const half = Math.max(1, Math.round(zones.targetTo - zones.targetFrom)) / 2;
  let from = Math.round(aim - half);
  while (from + half > cap + 1e-9) from--;
  return zonesFrom(zones, from);
}

/** The next target above today's, or null when today's is already at the goal. */
export function nextStep(zones: CadenceZones, baseline: number, goal: CadenceZones = defaultCadenceZones): CadenceZones | null {
  const middle = middleOfTarget(zones);
  const cap = Math.min(middle * (1 + MAX_STEP), middleOfTarget(goal));
  const to = zonesAround(zones, Math.max(baseline * (1 + STEP_ABOVE_BASELINE), middle + MIN_STEP_SPM), cap);
  return middleOfTarget(to) > middle && checkCadenceZones(to) === null ? to : null;
}

/** Where a plan starts for a baseline far below the target: a few percent above it, not at 170-180. */
export function firstStep(zones: CadenceZones, baseline: number): CadenceZones | null {
  if (!(baseline < zones.targetFrom * (1 - FAR_BELOW))) return null;
  const to = zonesAround(zones, baseline * (1 + STEP_ABOVE_BASELINE), baseline * (1 + MAX_STEP));
  return to.targetFrom < zones.targetFrom && checkCadenceZones(to) === null ? to : null;
}
