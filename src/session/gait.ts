// Walking or running, row by row. The RSC measurement carries a walking/running bit, but only a pod
// whose RSC Feature sets "walking or running status supported" (bit 2) fills it in: the others
// send 0, "walking", whatever the runner does. Taken at its word, such a pod stores a run as a walk
// (no running seconds, average cadence 0), keeps the coach quiet, never auto-starts and auto-pauses
// a run going on. So the bit counts only from a pod that says it has it; any other pod's rows are
// judged by their cadence and speed, here and nowhere else, and everything downstream (the stored
// running flag, the coach's active time, auto-start and auto-pause) reads the one answer.

import { gaitOf } from './calibration.js';
import { MIN_MOVING_SPEED_MPS } from './gap-steps.js';

/** Whether the pod fills in the walking/running bit: from its RSC Feature, or null while unknown. */
export type RunningStatus = 'reported' | 'not-reported' | null;

/** What a pod row says about gait: its cadence in steps a minute, speed, and the bit it sent. */
export interface GaitReading {
  cadence: number;
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
 * The row's gait: the pod's own bit where its feature bits promise it; by cadence and speed where
 * they say it is not filled in. A pod whose feature bits are unknown (not read) is taken at its word,
 * as a pod that sends the bit at all most likely fills it in.
 */
export function isRunning(reading: GaitReading, status: RunningStatus): boolean {
  if (status === 'not-reported') return runsByCadenceAndSpeed(reading.cadence, reading.speedMps);
  return reading.sentRunning;
}
