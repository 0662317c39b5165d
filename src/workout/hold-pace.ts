// "Hold the footpod's pace" (off by default): the belt and the pod rarely agree, so the belt may
// be corrected toward the step's speed as the pod measures it, gently and within bounds a runner
// would not notice as a surprise. A belt the runner has moved by hand is theirs.

/** At most this much per correction... */
export const MAX_CORRECTION_KMH = 0.3;
/** ...and at most one correction in this long. */
export const CORRECTION_EVERY_S = 30;
/** The belt never leaves this share of the step's speed. */
export const HOLD_BAND = 0.05;
/** No correction this close to a step's end: the next step's change is coming. */
export const QUIET_BEFORE_END_S = 20;
/** Smaller corrections are noise in the pod's mean, not the runner's pace. */
export const MIN_CORRECTION_KMH = 0.1;

/** Where the belt's settings lie: its minimum plus whole increments, up to its maximum (Supported Speed Range). */
export type BeltGrid = { minKmh: number; incrementKmh: number; maxKmh?: number };

export interface HoldPaceInput {
  stepKmh: number;
  /** The belt's speed now (Treadmill Data, or what was last set). */
  beltKmh: number;
  /** The pod's mean speed over the last 30 s; null without one. */
  podKmh: number | null;
  nowS: number;
  /** When the step ends; for a step by distance, now plus its distance left at the pod's speed. */
  stepEndsAtS: number;
  /** When the belt was last set in this step; the step's own start counts. */
  lastCorrectionAtS: number;
  /**
   * The treadmill's speed grid: a correction is a value on it (as clampSpeed will send it), so the
   * bounds hold for what the belt really does. Absent or null: whole tenths from the belt's speed.
   */
  grid?: BeltGrid | null;
}

/** In hundredths of a km/h (the control point's unit) so grid steps add up exactly. */
const hundredths = (kmh: number): number => kmh * 100;
const EPS = 1e-6;

/**
 * The corrected belt speed, or null to leave the belt as it is. The move is toward the step's
 * speed as the pod reads it, never past it, at least 0.1 and at most 0.3 km/h, within 5 % of the
 * step's speed, and on the belt's grid; when no value on the grid keeps to all that (a 0.5 km/h
 * increment), there is no correction.
 */
export function holdPaceSpeed({ stepKmh, beltKmh, podKmh, nowS, stepEndsAtS, lastCorrectionAtS, grid = null }: HoldPaceInput): number | null {
  if (podKmh === null || !(podKmh > 0) || !(stepKmh > 0) || !Number.isFinite(beltKmh)) return null;
  if (!(nowS - lastCorrectionAtS >= CORRECTION_EVERY_S) || !(stepEndsAtS - nowS > QUIET_BEFORE_END_S)) return null;
  const low = stepKmh * (1 - HOLD_BAND);
  const high = stepKmh * (1 + HOLD_BAND);
  if (Math.abs(beltKmh - stepKmh) > stepKmh * HOLD_BAND) return null;
  // The pod reads the runner; the belt moves by what the pod is short of (or over) the step's speed.
  const wanted = Math.min(high, Math.max(low, beltKmh + (stepKmh - podKmh)));
  const sign = Math.sign(wanted - beltKmh);
  const belt = hundredths(beltKmh);
  const most = hundredths(Math.min(MAX_CORRECTION_KMH, Math.abs(wanted - beltKmh)));
  const band = hundredths(stepKmh * HOLD_BAND);
  const usable = grid !== null && grid.incrementKmh > 0 && Number.isFinite(grid.incrementKmh) && Number.isFinite(grid.minKmh);
  const origin = usable ? Math.round(hundredths(grid.minKmh)) : belt;
  const step = usable ? Math.max(1, Math.round(hundredths(grid.incrementKmh))) : hundredths(MIN_CORRECTION_KMH);
  const top = usable && grid.maxKmh !== undefined ? Math.round(hundredths(grid.maxKmh)) : Infinity;
  if (sign === 0) return null;
  // Grid values from the belt toward the wanted speed: the farthest that keeps every bound wins.
  let best: number | null = null;
  for (let k = sign > 0 ? Math.floor((belt - origin) / step) : Math.ceil((belt - origin) / step); ; k += sign) {
    const value = origin + k * step;
    const move = sign * (value - belt);
    if (move > most + EPS) break;
    if (move >= hundredths(MIN_CORRECTION_KMH) - EPS && Math.abs(value - hundredths(stepKmh)) <= band + EPS && value <= top) best = value;
  }
  // Back to km/h without the hair binary adds (12.4 km/h is 1240.0000000000002 hundredths).
  return best === null ? null : Math.round(best * 1e4) / 1e6;
}
