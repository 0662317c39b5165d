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
/** Corrections are whole tenths of a km/h, so noise under that moves nothing. */
const TENTHS_PER_KMH = 10;

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
}

/** The corrected belt speed, or null to leave the belt as it is. */
export function holdPaceSpeed({ stepKmh, beltKmh, podKmh, nowS, stepEndsAtS, lastCorrectionAtS }: HoldPaceInput): number | null {
  if (podKmh === null || !(podKmh > 0) || !(stepKmh > 0) || !Number.isFinite(beltKmh)) return null;
  if (!(nowS - lastCorrectionAtS >= CORRECTION_EVERY_S) || !(stepEndsAtS - nowS > QUIET_BEFORE_END_S)) return null;
  const low = stepKmh * (1 - HOLD_BAND);
  const high = stepKmh * (1 + HOLD_BAND);
  if (Math.abs(beltKmh - stepKmh) > stepKmh * HOLD_BAND) return null;
  // The pod reads the runner; the belt moves by what the pod is short of (or over) the step's speed.
  const wanted = Math.min(high, Math.max(low, beltKmh + (stepKmh - podKmh)));
  const sign = Math.sign(wanted - beltKmh);
  // Whole tenths, counted as integers so 3 × 0.1 is 0.3 and not a hair over it.
  let tenths = Math.floor(Math.min(MAX_CORRECTION_KMH, Math.abs(wanted - beltKmh)) * TENTHS_PER_KMH + 1e-9);
  if (Math.abs(beltKmh + (sign * tenths) / TENTHS_PER_KMH - stepKmh) > stepKmh * HOLD_BAND) tenths -= 1;
  return tenths > 0 ? beltKmh + (sign * tenths) / TENTHS_PER_KMH : null;
}
