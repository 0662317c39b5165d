// Running power from the pod into a live session. The pod sends it on a characteristic of its own
// (Cycling Power Measurement 0x2A63, beside RSC), so this file and its parser load with the first
// power reading: a pod without power never fetches them. A malformed packet is counted and said by
// the session, never thrown.

import { CyclingPowerParseError, parseCyclingPowerMeasurement } from '../ble/cycling-power.js';
import type { LiveSession } from './live-session.js';
import { sensorsOf } from './sensors-of.js';

/** One Cycling Power Measurement notification of the pod. */
export function ingestPower(session: LiveSession, view: DataView): void {
  sensorsOf(session);
  let measurement;
  try {
    measurement = parseCyclingPowerMeasurement(view);
  } catch (error) {
    if (!(error instanceof CyclingPowerParseError)) throw error;
    session.skipped('footpod', error.message);
    return;
  }
  // While the pod compensates its offset (flag bit 12) the number it sends is no measured power.
  session.takePower(measurement.offsetCompensation ? null : measurement.powerW);
}
