// Builds RSC Measurement (0x2A53) bytes. The simulated footpod and the tests speak to the app
// in bytes, exactly as a real pod does, so they exercise the same parser.

import type { RscMeasurement } from './rsc.js';
import { DISTANCE_PRESENT, RUNNING, STRIDE_PRESENT } from './rsc-flags.js';

const clamp = (value: number, max: number): number => Math.min(max, Math.max(0, Math.round(value)));

/** Encodes one measurement; values are rounded to the resolution the characteristic carries. */
export function encodeRscMeasurement(fields: RscMeasurement): Uint8Array {
  const hasStride = fields.strideLengthM !== null;
  const hasDistance = fields.totalDistanceM !== null;
  const bytes = new Uint8Array(4 + (hasStride ? 2 : 0) + (hasDistance ? 4 : 0));
  const view = new DataView(bytes.buffer);
  view.setUint8(0, (hasStride ? STRIDE_PRESENT : 0) | (hasDistance ? DISTANCE_PRESENT : 0) | (fields.isRunning ? RUNNING : 0));
  view.setUint16(1, clamp(fields.speedMps * 256, 0xffff), true);
  view.setUint8(3, clamp(fields.cadence, 0xff));
  let offset = 4;
  if (fields.strideLengthM !== null) {
    view.setUint16(offset, clamp(fields.strideLengthM * 100, 0xffff), true);
    offset += 2;
  }
  if (fields.totalDistanceM !== null) {
    // The pod's counter is uint32 decimetres and wraps; keep only the low 32 bits as it would.
    view.setUint32(offset, Math.round(fields.totalDistanceM * 10) % 2 ** 32, true);
  }
  return bytes;
}
