// What the live session hands on for each pod row: the merged 1 Hz reading the recorder records
// and the pages show. Kept apart from LiveSession so the recorder needs only the shape.

import type { SpeedSource } from './speed-source.js';

/** The latest values of the sensors beside the pod; null where none (or too old to count). */
export interface LatestChannels {
  heartRate: number | null;
  treadmillSpeedMps: number | null;
  inclinePercent: number | null;
  /** Running power from the pod (Cycling Power 0x2A63), watts. */
  powerW: number | null;
}

export interface LiveReading extends LatestChannels {
  timeS: number;
  /** From the sensor `speedFrom` names: the calibrated pod's, or the belt's. */
  speedMps: number;
  cadence: number;
  strideLengthM: number;
  /** True when the pod sent no stride length and it was derived from speed and cadence. */
  strideDerived: boolean;
  distanceM: number;
  running: boolean;
  /** The pod's speed and distance before calibration (NaN on readings made without a pod). */
  rawSpeedMps: number;
  rawDistanceM: number;
  /** The sensor this row's speed and distance came from (the pod when the treadmill was silent). */
  speedFrom: SpeedSource;
  /** What the pod sent, before the steps-or-strides decision; absent on readings made elsewhere. */
  sent?: { cadence: number; strideLengthM: number | null };
}
