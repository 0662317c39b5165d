// Speed and distance of each pod row, from the sensor the runner chose: the pod, calibrated (its
// raw speed times the factor at that speed, each raw metre likewise), or the treadmill's belt and
// its own distance count while the treadmill is fresh. The raw pod values are kept either way.
// The treadmill's count is kept with the other sensor parts (session-sensors.ts, loaded with the
// treadmill) and comes in with each row, so a footpod-only run loads none of it.

import { type CalibrationCurve, type Gait, factorAt } from './calibration.js';
import { DistanceTracker } from './distance.js';
import type { SpeedSource } from './speed-source.js';

export interface MergedSpeed {
  speedMps: number;
  distanceM: number;
  rawDistanceM: number;
  /** The calibration factor at this row's raw pod speed (also for the pod's stride length). */
  factor: number;
  speedFrom: SpeedSource;
}

export class SpeedDistanceMerge {
  speedFrom: SpeedSource = 'footpod';
  calibration: CalibrationCurve = [];
  /** The pod's own count, before calibration. */
  readonly #pod = new DistanceTracker();
  #distanceM = 0;
  #rawAtLastRowM = 0;
  /** Whether the previous row had a fresh belt speed, so the treadmill's step covers one row only. */
  #treadmillFreshLastRow = false;
  /**
   * Pod metres of the rows the treadmill gave speed for but sent no count since: its next count
   * covers them, and should it fall silent instead, the pod's metres stand in for them.
   */
  #awaitingTreadmillM = 0;

  /**
   * One pod row; `beltSpeedMps` is the treadmill's speed when fresh, else null, and
   * `treadmillStepM` the metres it counted since the previous row (null when it sent none, or
   * there is no treadmill); `gait` picks the curve's walking or running points.
   */
  row(
    timeS: number,
    rawSpeedMps: number,
    podTotalM: number | null,
    beltSpeedMps: number | null,
    treadmillStepM: number | null,
    gait: Gait = 'run',
  ): MergedSpeed {
    const factor = factorAt(this.calibration, rawSpeedMps, gait);
    const rawDistanceM = this.#pod.add(timeS, rawSpeedMps, podTotalM);
    const podStepM = (rawDistanceM - this.#rawAtLastRowM) * factor;
    this.#rawAtLastRowM = rawDistanceM;
    const fromTreadmill = this.speedFrom === 'treadmill' && beltSpeedMps !== null;
    this.#distanceM += this.#step(fromTreadmill, podStepM, treadmillStepM);
    this.#treadmillFreshLastRow = beltSpeedMps !== null;
    return {
      speedMps: fromTreadmill ? beltSpeedMps : rawSpeedMps * factor,
      distanceM: this.#distanceM,
      rawDistanceM,
      factor,
      speedFrom: fromTreadmill ? 'treadmill' : 'footpod',
    };
  }

  /** A (re)paired pod: its counter starts its own count; another pod's odometer is never spliced in. */
  newPod(): void {
    this.#pod.newSource();
  }

  #step(fromTreadmill: boolean, podStepM: number, treadmillStepM: number | null): number {
    if (fromTreadmill && this.#treadmillFreshLastRow) {
      if (treadmillStepM !== null) {
        this.#awaitingTreadmillM = 0;
        return treadmillStepM;
      }
      this.#awaitingTreadmillM += podStepM;
      return 0;
    }
    // After a silence the treadmill's count may span rows the pod already covered: the pod's step
    // stands in for this row, as for the rows whose treadmill count never came.
    const step = podStepM + this.#awaitingTreadmillM;
    this.#awaitingTreadmillM = 0;
    return step;
  }
}
