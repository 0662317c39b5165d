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
 *
 * Whether a step was limited is a different question from what is sent: a step is over a maximum
 * only when it is more than half a field unit above that maximum on the field's grid (the runner's
 * rounded to it, not floored). 8 mph, a maximum kept as 12.875 km/h, is 12.88 on the grid; a step
 * of 8 mph asks that same 12.88, so it is at the maximum, not over it, even though what is sent is
 * 12.87 (never above the runner's true maximum). A treadmill that says its 12 mph maximum as 19.31
 * km/h is at a step of 12 mph (19.312) too.
 */
function clamp(asked: number, axis: Axis): Clamped {
  const u = (value: number): number => Math.round(value * axis.perUnit);
  const range = axis.range ?? { min: 0, max: Infinity, increment: 1 / axis.perUnit };
  const min = u(range.min);
  const step = Math.max(1, u(range.increment));
  const treadmillMax = range.max === Infinity ? Infinity : u(range.max);
  // To a millionth of a field unit: 16.1 km/h is 1610.0000000000002 hundredths in binary, not over 16.1.
  const units = (value: number): number => Math.round(value * axis.perUnit * 1e6) / 1e6;
  const runnerExact = units(Number.isFinite(axis.runnerMax) ? axis.runnerMax : axis.fallbackMax);
  /** The highest field value not above the runner's maximum: what may be sent. */
  const runnerMax = Math.floor(runnerExact);
  /** The runner's maximum on the field's grid, rounded: what a step is compared with. */
  const runnerAt = Math.round(runnerExact);
  const top = Math.min(treadmillMax, runnerMax);
  const wanted = Number.isNaN(asked) ? -Infinity : units(asked);
  // Over a maximum only by more than half a field unit: the step and the maximum are then apart on
  // the grid (see above); under the minimum only once on the grid.
  const over = wanted > Math.min(treadmillMax, runnerAt) + 0.5;
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
  if (top < min || over) {
    if (runnerAt > treadmillMax) return say('treadmill-max', `the treadmill's ${axis.what}`);
    if (axis.runnerSet) return say('runner-max', `your ${axis.what}`);
    // The default maximum: the treadmill's own, or the app's cap below it.
    return runnerAt === treadmillMax ? say('treadmill-max', `the treadmill's ${axis.what}`) : say('runner-max', "the app's cap");
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
