// FIT counts running cadence in strides (one foot) per minute: `cadence` is the whole strides and
// `fractionalCadence` the rest in 1/128 rpm. We count steps (both feet), so steps = 2 × strides.
// An odd step count is a half stride (64/128), so whole-number steps/min round-trip exactly, and
// any cadence comes back to 1/64 step per minute.

/** Largest whole-stride value: 255 is FIT's "no value" for a uint8. */
const MAX_STRIDES = 254;
const FRACTION_STEPS = 128;

export interface FitCadence {
  /** Whole strides per minute. */
  cadence: number;
  /** The rest, in strides per minute, a multiple of 1/128 below 1. */
  fractionalCadence: number;
}

/** Steps per minute as FIT's strides per minute; negative or unknown cadence is written as 0. */
export function fitCadenceOf(stepsPerMinute: number): FitCadence {
  const strides = Number.isFinite(stepsPerMinute) ? Math.max(0, stepsPerMinute / 2) : 0;
  const in128ths = Math.min(Math.round(strides * FRACTION_STEPS), MAX_STRIDES * FRACTION_STEPS + FRACTION_STEPS - 1);
  const cadence = Math.floor(in128ths / FRACTION_STEPS);
  return { cadence, fractionalCadence: (in128ths - cadence * FRACTION_STEPS) / FRACTION_STEPS };
}

/** Steps per minute from FIT's strides; a missing fraction counts as none. */
export const stepsPerMinuteOf = (cadence: number, fractionalCadence: number | undefined): number =>
  2 * (cadence + (fractionalCadence ?? 0));
