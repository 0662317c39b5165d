// Steps or strides, judged from one reading. RSC means cadence as steps per minute (both feet),
// but some pods count strides (one foot) and send half that, with a stride length that may be a
// two-step stride, a single step, or absent. The app always means steps and metres per step.

import { WALKING_FASTEST_MPS } from './calibration.js';

export type CadenceUnit = 'steps' | 'strides';
/** The runner's choice per pod in Settings: 'auto' lets the readings decide. */
export type CadenceUnitOverride = 'auto' | CadenceUnit;
export type CadenceVerdict = CadenceUnit | 'unknown';

/** One measurement as the pod sent it. */
export interface SentReading {
  speedMps: number;
  /** Per minute, steps or strides. */
  cadence: number;
  /** Metres per step, per two-step stride, or null when the pod sends none. */
  strideLengthM: number | null;
  /**
   * The pod's "running" bit only where it counts (gait.ts believesRunningBit), else false: a pod that
   * does not fill the bit sends "walking" at any pace, and a strides pod jogging at 82/min with it
   * was taken for a walker at 82 steps/min, its cadence shown halved.
   */
  running: boolean;
}

// Below this the runner is standing, shuffling or the belt is still speeding up: cadence then says
// nothing about the unit (a slow walk can take under 60 steps/min, as a strides pod would send).
const MOVING_FROM_MPS = 0.8;
// A believed "running" bit counts from here. From WALKING_FASTEST_MPS (2.2 m/s, the gait rule's line)
// it is a run whatever the bit: a walk there takes 120 steps/min or more, so a cadence below the
// running bounds cannot be a walking step rate.
const RUNNING_FROM_MPS = 2.0;
// Running: nobody runs at fewer than about 140 steps/min, while a strides pod sends 70–105.
// Between the two bounds a reading decides nothing.
const RUNNING_STRIDES_BELOW = 115;
const RUNNING_STEPS_FROM = 130; // as strides this would be 260 steps/min or more
// Walking: a walk faster than 0.8 m/s takes more than about 75 steps/min, never 180 or more.
const WALKING_STRIDES_BELOW = 60;
const WALKING_STEPS_FROM = 90;
// A walking step is at most about 1.0 m (a fast walker: 2.0 m/s at 125 steps/min is 0.96 m; a race
// walker: 2.2 m/s at 150 is 0.88 m), and a walk that long takes well over 115 steps/min. So a
// cadence under 115 whose step, speed ÷ (cadence/60), would be longer than 1.2 m (20 % over the
// longest walk, room for a pod's speed read high) is a count of strides: a strides pod on a 1.9 m/s
// jog at 80/min would be walking 1.43 m steps. Under the walking bounds (60-90) this decides slow
// jogs; a steps pod's walk (≤ 1.1 m a step) or jog (150+/min) never comes near it.
const LONGEST_WALKING_STEP_M = 1.2;
const STEP_LENGTH_RULE_BELOW = 115;
// How far (in octaves) speed × 60 / (cadence × length) may be from 0.5, 1 or 2 and still count as
// it: ±19 %, room for a pod whose speed and length are calibrated a little apart.
const RATIO_TOLERANCE = 0.25;

/**
 * How the sent length relates to the sent cadence, as a power of two: 0 when speed = cadence/60 ×
 * length (length and cadence count the same thing), 1 when speed is twice that (a strides pod
 * sending step length), -1 when half (a steps pod sending a two-step stride). Null when the reading
 * cannot tell: no length, standing, or a ratio near none of these.
 */
export function lengthScaleOf(reading: SentReading): -1 | 0 | 1 | null {
  const { speedMps, cadence, strideLengthM } = reading;
  if (strideLengthM === null || !(strideLengthM > 0) || !(cadence > 0) || !(speedMps >= MOVING_FROM_MPS)) return null;
  const octaves = Math.log2((speedMps * 60) / (cadence * strideLengthM));
  for (const scale of [-1, 0, 1] as const) {
    if (Math.abs(octaves - scale) <= RATIO_TOLERANCE) return scale;
  }
  return null;
}

/** What a cadence alone says at this speed: far below any human step rate is strides. */
export function plausibleUnit(reading: SentReading): CadenceVerdict {
  const { speedMps, cadence, running } = reading;
  if (!(cadence > 0)) return 'unknown';
  // A pod that sends no speed (0) but a believed "running" bit: the bit alone says running, and
  // nobody runs at under 115 steps/min. Without it, a strides pod sending 85/min was never decided.
  const runningWithoutSpeed = running && speedMps === 0;
  if (!(speedMps >= MOVING_FROM_MPS) && !runningWithoutSpeed) return 'unknown';
  if (cadence < STEP_LENGTH_RULE_BELOW && (speedMps * 60) / cadence > LONGEST_WALKING_STEP_M) return 'strides';
  const isRun = runningWithoutSpeed || speedMps >= WALKING_FASTEST_MPS || (running && speedMps >= RUNNING_FROM_MPS);
  const [stridesBelow, stepsFrom] = isRun
    ? [RUNNING_STRIDES_BELOW, RUNNING_STEPS_FROM]
    : [WALKING_STRIDES_BELOW, WALKING_STEPS_FROM];
  if (cadence < stridesBelow) return 'strides';
  if (cadence >= stepsFrom) return 'steps';
  return 'unknown';
}

/**
 * One reading's verdict. A length twice the speed's worth means steps were counted with a
 * two-step length; half means a strides pod sending step length. A length that matches (ratio 1)
 * fits both a steps pod with step length and a strides pod with two-step stride length, so there
 * the cadence's plausibility decides; when the two disagree the reading decides nothing.
 */
export function classifyReading(reading: SentReading): CadenceVerdict {
  const plausible = plausibleUnit(reading);
  const scale = lengthScaleOf(reading);
  const fromLength: CadenceVerdict = scale === 1 ? 'strides' : scale === -1 ? 'steps' : 'unknown';
  if (fromLength === 'unknown') return plausible;
  if (plausible === 'unknown' || plausible === fromLength) return fromLength;
  return 'unknown';
}

export interface StepsReading {
  /** Steps per minute. */
  cadence: number;
  /** Metres per step, or null when the pod sent no length. */
  strideLengthM: number | null;
}

/**
 * The reading in the app's units, given the pod's unit and how its length relates to its cadence
 * (`lengthScale` from lengthScaleOf, 0 when never seen): cadence in steps/min, length per step.
 */
export function inSteps(reading: SentReading, unit: CadenceUnit, lengthScale: -1 | 0 | 1): StepsReading {
  const perMinute = unit === 'strides' ? 2 : 1;
  const { strideLengthM } = reading;
  return {
    cadence: reading.cadence * perMinute,
    // A length that matches the sent cadence covers `perMinute` steps; one with scale 1 covers half that.
    strideLengthM: strideLengthM === null ? null : (strideLengthM * 2 ** lengthScale) / perMinute,
  };
}
