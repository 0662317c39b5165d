// A live reading as the recorder gets it from the live session, for tests that feed a recorder by
// hand: a runner at 3 m/s and 170 steps/min, the distance counting from the live clock's zero.
import type { LiveReading } from '../../src/session/live-reading.js';

/** `timeS` into the run; no raw pod values and no other sensors unless `over` gives them. */
export const runnerReading = (timeS: number, over: Partial<LiveReading> = {}): LiveReading => ({
  timeS,
  speedMps: 3,
  cadence: 170,
  strideLengthM: 1.0625,
  strideDerived: false,
  distanceM: timeS * 3,
  running: true,
  rawSpeedMps: Number.NaN,
  rawDistanceM: Number.NaN,
  heartRate: null,
  treadmillSpeedMps: null,
  inclinePercent: null,
  powerW: null,
  speedFrom: 'footpod',
  ...over,
});
