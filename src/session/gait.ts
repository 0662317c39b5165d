// Walking or running, row by row. The RSC measurement carries a walking/running bit, but only a pod
// whose RSC Feature sets "walking or running status supported" (bit 2) fills it in: the others
// send 0, "walking", whatever the runner does. Taken at its word, such a pod stores a run as a walk
// (no running seconds, average cadence 0), keeps the coach quiet, never auto-starts and auto-pauses
// a run going on. So the bit counts only from a pod that says it has it, or, where its feature could
// not be read, once it has sent "running" (a pod that fills the bit will); any other row is judged
// by its cadence and the pod's raw speed (the one speed the calibration can trust: the shown speed
// is the calibrated one, or the belt's), here and nowhere else. Everything downstream reads the one
// answer: the calibration's walking or running points, the stored running flag (which a re-scale
// reads back rather than judge again), the coach's active time, auto-start and auto-pause.

import { type Gait, gaitOf } from './calibration.js';
import { MIN_MOVING_SPEED_MPS } from './moving-speed.js';

/** Whether the pod fills in the walking/running bit: from its RSC Feature, or null while unknown. */
export type RunningStatus = 'reported' | 'not-reported' | null;

/** What a pod row says about gait: its cadence in steps a minute, the pod's raw speed, and the bit it sent. */
export interface GaitReading {
  cadence: number;
  /** The pod's raw speed, m/s: never the calibrated or the belt's. */
  speedMps: number;
  sentRunning: boolean;
}

/**
 * Running, for a pod that cannot say: moving at least MIN_MOVING_SPEED_MPS (so running on the spot,
 * or a pod still counting while the belt stops, is not) with a cadence the calibration's gait rule
 * calls running (gaitOf: from WALKING_BELOW_SPM steps a minute, or at any cadence from
 * WALKING_FASTEST_MPS): one line between walking and running for the whole app.
 */
export const runsByCadenceAndSpeed = (cadence: number, speedMps: number): boolean =>
  cadence > 0 && speedMps >= MIN_MOVING_SPEED_MPS && gaitOf(cadence, speedMps) === 'run';

/**
 * Whether the pod's walking/running bit counts: where its feature bits promise it, or, where they are
 * unknown (not read), once it has sent "running" (`sentRunningBefore`, or this row); until then a
 * "walking" bit is no evidence. The one rule for the bit, here and in the cadence unit's decision.
 */
export const believesRunningBit = (status: RunningStatus, sentRunningBefore: boolean, sentRunning: boolean): boolean =>
  status === 'reported' || (status === null && (sentRunningBefore || sentRunning));

/**
 * The row's gait: the pod's own bit where it counts (believesRunningBit); by cadence and speed
 * everywhere else.
 */
export function isRunning(reading: GaitReading, status: RunningStatus, sentRunningBefore = false): boolean {
  if (believesRunningBit(status, sentRunningBefore, reading.sentRunning)) return reading.sentRunning;
  return runsByCadenceAndSpeed(reading.cadence, reading.speedMps);
}

/** The calibration's gait for a row, from the one answer. */
export const gaitOfRow = (running: boolean): Gait => (running ? 'run' : 'walk');
