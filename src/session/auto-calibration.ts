// Calibrating a pod from a smart treadmill as the runner runs: over every steady stretch (both the
// belt and the pod at one speed for half a minute) the belt's speed over the pod's is a factor at
// that speed. Stretches where the belt is changing speed, or the runner is not keeping up with it,
// teach nothing; a factor outside the sane range is dropped, never applied. A stretch is one gait
// (its point is a walking or a running one), and a stretch up an incline teaches nothing: the foot
// lands and pushes off differently uphill, so a factor learned there would be applied on the flat.

import { type CalibrationCurve, type CalibrationPoint, type Gait, gaitOf, isSaneFactor } from './calibration.js';
import { type PointChange, addPoint } from './calibration-points.js';

export interface PairedReading {
  t: number;
  podSpeedMps: number;
  treadmillSpeedMps: number;
  /** Steps a minute, for the gait; absent counts as running. */
  cadence?: number;
  /** The row's one walking/running answer (gait.ts), which the live rows were scaled by; absent: by cadence and speed. */
  running?: boolean;
  /** The treadmill's incline, or null / absent when it sends none (taken as flat). */
  inclinePercent?: number | null;
}

/** Steeper than this (up or down), the belt teaches nothing. */
export const MOST_LEARNING_INCLINE_PERCENT = 2;

/** Both speeds within this share of where the stretch began count as one speed. */
const STEADY_BAND = 0.03;
/** A stretch teaches a factor once it has lasted this long. */
export const STRETCH_S = 30;
/** Readings further apart than this (a lost link) end the stretch. */
const MAX_STEP_S = 3;

const gaitOfReading = (reading: PairedReading): Gait =>
  reading.running === undefined ? gaitOf(reading.cadence ?? 0, reading.podSpeedMps) : reading.running ? 'run' : 'walk';

export class AutoCalibration {
  #curve: CalibrationPoint[];
  #stretch: PairedReading[] = [];
  #lastChange: PointChange | null = null;
  locked = false;

  constructor(curve: CalibrationCurve = []) {
    this.#curve = [...curve];
  }

  /** The curve learned so far (starting from the one it was given). */
  get curve(): CalibrationCurve {
    return this.#curve;
  }

  /** What the last point learned replaced or merged in the curve, or null before one. */
  get lastChange(): PointChange | null {
    return this.#lastChange;
  }

  /** Takes one second of both speeds; returns a new point when a steady stretch completed. */
  add(reading: PairedReading): CalibrationPoint | null {
    const incline = reading.inclinePercent ?? 0;
    if (this.locked || !(reading.podSpeedMps > 0.5) || !(reading.treadmillSpeedMps > 0.5) || Math.abs(incline) > MOST_LEARNING_INCLINE_PERCENT) {
      this.#stretch = [];
      return null;
    }
    const first = this.#stretch[0];
    const last = this.#stretch.at(-1);
    const steady =
      first !== undefined &&
      last !== undefined &&
      reading.t - last.t <= MAX_STEP_S &&
      gaitOfReading(reading) === gaitOfReading(first) &&
      Math.abs(reading.treadmillSpeedMps - first.treadmillSpeedMps) <= first.treadmillSpeedMps * STEADY_BAND &&
      Math.abs(reading.podSpeedMps - first.podSpeedMps) <= first.podSpeedMps * STEADY_BAND;
    if (!steady) {
      this.#stretch = [reading];
      return null;
    }
    this.#stretch.push(reading);
    if (reading.t - first.t < STRETCH_S) return null;
    const mean = (pick: (r: PairedReading) => number) => this.#stretch.reduce((s, r) => s + pick(r), 0) / this.#stretch.length;
    const pod = mean((r) => r.podSpeedMps);
    const walking = gaitOfReading(first) === 'walk';
    const point: CalibrationPoint = { podSpeedMps: pod, factor: mean((r) => r.treadmillSpeedMps) / pod, ...(walking ? { walking: true as const } : {}) };
    this.#stretch = [];
    if (!isSaneFactor(point.factor)) return null;
    const { curve, replaced, merged } = addPoint(this.#curve, point);
    this.#curve = curve;
    this.#lastChange = { replaced, merged };
    return point;
  }
}
