// Every speed and incline the app sends is clamped to what the treadmill supports and to the
// maximum the runner allows, and put on the treadmill's own increment: a step can ask for
// anything, the belt gets only what it and the runner agreed to, and the runner is told why.

import type { InclinationRange, SpeedRange } from '../ble/ftms-ranges.js';
import type { DistanceUnit } from '../session/units.js';
import { beltSpeedWords, inclineWords } from './speed-words.js';

export interface BeltLimits {
  speed: SpeedRange | null;
  incline: InclinationRange | null;
  /** The runner's maximum (Settings), or defaultRunnerMax. */
  maxSpeedKmh: number;
  maxInclinePercent: number;
  /**
   * False when the runner never set that maximum (it is the default from the treadmill): the words
   * then name the treadmill's maximum or the app's cap, never "your maximum". Absent: set by the runner.
   */
  maxSpeedSetByRunner?: boolean;
  maxInclineSetByRunner?: boolean;
}

/** A sane running speed: no default lets an app drive a belt faster, whatever the treadmill can do. */
export const DEFAULT_MAX_SPEED_KMH = 20;
/** The runner's incline maximum when the treadmill does not say its range. */
export const DEFAULT_MAX_INCLINE_PERCENT = 15;

/** The runner's maximum speed until they set one: the treadmill's, capped at a sane running speed. */
export const defaultRunnerMax = (speed: SpeedRange | null): number =>
  speed === null ? DEFAULT_MAX_SPEED_KMH : Math.min(speed.maxKmh, DEFAULT_MAX_SPEED_KMH);

/** The runner's maximum incline until they set one: the treadmill's. */
export const defaultRunnerMaxIncline = (incline: InclinationRange | null): number =>
  incline === null ? DEFAULT_MAX_INCLINE_PERCENT : incline.maxPercent;

export interface Clamped {
  value: number;
  changed: null | 'runner-max' | 'treadmill-max' | 'treadmill-min';
  message: string | null;
}

interface Axis {
  /** Units of the control point's field per km/h or per %: the finest grid a value can be on. */
  perUnit: number;
  range: { min: number; max: number; increment: number } | null;
  runnerMax: number;
  /** Used when the runner's maximum is not a number; the app's cap when the treadmill says no range. */
  fallbackMax: number;
  /** The runner set their maximum (else it is the default, the treadmill's or the app's cap). */
  runnerSet: boolean;
  words: (value: number) => string;
  /** "maximum" or "maximum incline". */
  what: string;
}

/**
 * Values are counted in the field's own units (0.01 km/h, 0.1 %) so the grid is exact: the value
 * is the treadmill's minimum plus a whole number of increments, rounded to the nearest, but never
 * above either maximum after rounding. When the runner's maximum is below the treadmill's minimum
 * the value stays at or under the runner's maximum (the belt may refuse it; never faster).
 */
function clamp(asked: number, axis: Axis): Clamped {
  const u = (value: number): number => Math.round(value * axis.perUnit);
  const range = axis.range ?? { min: 0, max: Infinity, increment: 1 / axis.perUnit };
  const min = u(range.min);
  const step = Math.max(1, u(range.increment));
  const treadmillMax = range.max === Infinity ? Infinity : u(range.max);
  const runnerMax = Math.floor((Number.isFinite(axis.runnerMax) ? axis.runnerMax : axis.fallbackMax) * axis.perUnit + 1e-9);
  const top = Math.min(treadmillMax, runnerMax);
  // To a millionth of a field unit: 16.1 km/h is 1610.0000000000002 hundredths in binary, not over 16.1.
  const wanted = Number.isNaN(asked) ? -Infinity : Math.round(asked * axis.perUnit * 1e6) / 1e6;
  // Over or under a limit only once on the field's own grid: 10 mph, a runner's maximum kept as
  // 16.093 km/h, is 1609.3 hundredths, floored to a maximum of 1609; a step of 10 mph is the same
  // 1609 when sent, so it is at the maximum, not over it.
  const field = Math.round(wanted);
  let k = Math.round((Math.min(Math.max(wanted, min), top) - min) / step);
  if (min + k * step > top) k -= 1;
  const value = (min + k * step) / axis.perUnit;
  const askedWords = Number.isFinite(asked) ? axis.words(asked) : 'no usable value';
  const say = (changed: Exclude<Clamped['changed'], null>, limit: string): Clamped => ({
    value,
    changed,
    message: `The step asks ${askedWords}; the belt is set to ${limit} of ${axis.words(value)}.`,
  });
  if (top < min || field > top) {
    if (runnerMax > treadmillMax) return say('treadmill-max', `the treadmill's ${axis.what}`);
    if (axis.runnerSet) return say('runner-max', `your ${axis.what}`);
    // The default maximum: the treadmill's own, or the app's cap below it.
    return runnerMax === treadmillMax ? say('treadmill-max', `the treadmill's ${axis.what}`) : say('runner-max', "the app's cap");
  }
  if (field < min) return say('treadmill-min', `the treadmill's ${axis.what.replace('maximum', 'minimum')}`);
  return { value, changed: null, message: null };
}

/** A step's speed as the belt may take it; `unit` is only for the words. */
export function clampSpeed(kmh: number, limits: BeltLimits, unit: DistanceUnit = 'km'): Clamped {
  const { speed } = limits;
  return clamp(kmh, {
    perUnit: 100,
    range: speed && { min: speed.minKmh, max: speed.maxKmh, increment: speed.incrementKmh },
    runnerMax: limits.maxSpeedKmh,
    fallbackMax: DEFAULT_MAX_SPEED_KMH,
    runnerSet: limits.maxSpeedSetByRunner ?? true,
    words: (v) => beltSpeedWords(v, unit),
    what: 'maximum',
  });
}

/** A step's incline as the belt may take it. */
export function clampIncline(percent: number, limits: BeltLimits): Clamped {
  const { incline } = limits;
  return clamp(percent, {
    perUnit: 10,
    range: incline && { min: incline.minPercent, max: incline.maxPercent, increment: incline.incrementPercent },
    runnerMax: limits.maxInclinePercent,
    fallbackMax: DEFAULT_MAX_INCLINE_PERCENT,
    runnerSet: limits.maxInclineSetByRunner ?? true,
    words: inclineWords,
    what: 'maximum incline',
  });
}
