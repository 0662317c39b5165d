// Builds Heart Rate Measurement (0x2A37) bytes, for the tests and a simulated strap: both then
// speak to the app in bytes, exactly as a real strap does, and exercise the same parser.
import type { HeartRateMeasurement } from './heart-rate.js';
import {
  CONTACT_DETECTED,
  CONTACT_SUPPORTED,
  ENERGY_EXPENDED_PRESENT,
  RR_INTERVALS_PRESENT,
  RR_STEPS_PER_SECOND,
  VALUE_UINT16,
} from './heart-rate-flags.js';

const clamp = (value: number, max: number): number => Math.min(max, Math.max(0, Math.round(value)));

const CONTACT_BITS = {
  'not-supported': 0,
  'not-detected': CONTACT_SUPPORTED,
  detected: CONTACT_SUPPORTED | CONTACT_DETECTED,
} as const;

/**
 * Encodes one measurement; values round to the resolution the characteristic carries and clamp
 * at its ends. The heart rate goes in one byte when it fits, as straps do, unless `uint16` asks
 * for the wide format.
 */
export function encodeHeartRateMeasurement(fields: HeartRateMeasurement, options: { uint16?: boolean } = {}): Uint8Array {
  const heartRate = clamp(fields.heartRateBpm, 0xffff);
  const wide = options.uint16 === true || heartRate > 0xff;
  const bytes: number[] = [0];
  const u16 = (value: number): void => {
    bytes.push(value & 0xff, value >>> 8);
  };
  let flags = CONTACT_BITS[fields.sensorContact];
  if (wide) {
    flags |= VALUE_UINT16;
    u16(heartRate);
  } else {
    bytes.push(heartRate);
  }
  if (fields.energyExpendedKj !== null) {
    flags |= ENERGY_EXPENDED_PRESENT;
    u16(clamp(fields.energyExpendedKj, 0xffff));
  }
  if (fields.rrIntervalsS !== null) {
    flags |= RR_INTERVALS_PRESENT;
    for (const seconds of fields.rrIntervalsS) u16(clamp(seconds * RR_STEPS_PER_SECOND, 0xffff));
  }
  bytes[0] = flags;
  return Uint8Array.from(bytes);
}
