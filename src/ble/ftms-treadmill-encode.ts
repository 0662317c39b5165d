// Builds Treadmill Data (0x2ACD) bytes, for the tests and a simulated treadmill: both then speak
// to the app in bytes, exactly as a real treadmill does, and exercise the same parser.
import type { TreadmillData } from './ftms-treadmill.js';
import {
  AVERAGE_PACE_PRESENT,
  AVERAGE_SPEED_PRESENT,
  ELAPSED_TIME_PRESENT,
  ELEVATION_GAIN_PRESENT,
  EXPENDED_ENERGY_PRESENT,
  FORCE_AND_POWER_PRESENT,
  HEART_RATE_PRESENT,
  INCLINATION_PRESENT,
  INSTANTANEOUS_PACE_PRESENT,
  METABOLIC_EQUIVALENT_PRESENT,
  MORE_DATA,
  NOT_AVAILABLE_SINT16,
  NOT_AVAILABLE_UINT16,
  NOT_AVAILABLE_UINT8,
  REMAINING_TIME_PRESENT,
  SPEED_STEPS_PER_MPS,
  TOTAL_DISTANCE_PRESENT,
} from './ftms-treadmill-flags.js';

// Values round to the field's step and saturate at its ends, as a treadmill's display would;
// the top is one below a "Data Not Available" code so a real reading never turns into "no reading".
const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(value)));

/**
 * Encodes one notification. A field group (inclination and ramp angle, the three energies,
 * force and power) is sent when any of its fields is a number, with "Data Not Available" for its
 * null fields; a group whose fields are all null is left out, which parses back the same.
 * Speed is sent exactly when `moreData` is false, so the two must agree.
 */
export function encodeTreadmillData(fields: TreadmillData): Uint8Array {
  if (fields.moreData !== (fields.speedMps === null)) {
    throw new TypeError(
      fields.moreData ? 'speedMps must be null when moreData is true' : 'speedMps is required when moreData is false',
    );
  }
  if ((fields.positiveElevationGainM === null) !== (fields.negativeElevationGainM === null)) {
    // The pair has no "not available" code, so half of it cannot be sent.
    throw new TypeError('positiveElevationGainM and negativeElevationGainM are sent together: give both or neither');
  }

  const bytes: number[] = [0, 0];
  let flags = fields.moreData ? MORE_DATA : 0;
  const u8 = (value: number): void => {
    bytes.push(value & 0xff);
  };
  const u16 = (value: number): void => {
    bytes.push(value & 0xff, (value >>> 8) & 0xff);
  };
  const u24 = (value: number): void => {
    bytes.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff);
  };
  const any = (...values: (number | null)[]): boolean => values.some((value) => value !== null);
  const uint16 = (value: number | null, scale: number, max = 0xffff): number => (value === null ? NOT_AVAILABLE_UINT16 : clamp(value * scale, 0, max));
  const sint16 = (value: number | null, scale: number): number => (value === null ? NOT_AVAILABLE_SINT16 : clamp(value * scale, -0x8000, NOT_AVAILABLE_SINT16 - 1));

  if (fields.speedMps !== null) u16(uint16(fields.speedMps, SPEED_STEPS_PER_MPS));
  if (fields.averageSpeedMps !== null) {
    flags |= AVERAGE_SPEED_PRESENT;
    u16(uint16(fields.averageSpeedMps, SPEED_STEPS_PER_MPS));
  }
  if (fields.totalDistanceM !== null) {
    flags |= TOTAL_DISTANCE_PRESENT;
    u24(clamp(fields.totalDistanceM, 0, 0xffffff));
  }
  if (any(fields.inclinationPercent, fields.rampAngleDegrees)) {
    flags |= INCLINATION_PRESENT;
    u16(sint16(fields.inclinationPercent, 10));
    u16(sint16(fields.rampAngleDegrees, 10));
  }
  if (fields.positiveElevationGainM !== null && fields.negativeElevationGainM !== null) {
    flags |= ELEVATION_GAIN_PRESENT;
    u16(uint16(fields.positiveElevationGainM, 10));
    u16(uint16(fields.negativeElevationGainM, 10));
  }
  if (fields.instantaneousPaceSPer500m !== null) {
    flags |= INSTANTANEOUS_PACE_PRESENT;
    u16(uint16(fields.instantaneousPaceSPer500m, 1));
  }
  if (fields.averagePaceSPer500m !== null) {
    flags |= AVERAGE_PACE_PRESENT;
    u16(uint16(fields.averagePaceSPer500m, 1));
  }
  if (any(fields.totalEnergyKcal, fields.energyPerHourKcal, fields.energyPerMinuteKcal)) {
    flags |= EXPENDED_ENERGY_PRESENT;
    u16(uint16(fields.totalEnergyKcal, 1, NOT_AVAILABLE_UINT16 - 1));
    u16(uint16(fields.energyPerHourKcal, 1, NOT_AVAILABLE_UINT16 - 1));
    u8(fields.energyPerMinuteKcal === null ? NOT_AVAILABLE_UINT8 : clamp(fields.energyPerMinuteKcal, 0, NOT_AVAILABLE_UINT8 - 1));
  }
  if (fields.heartRateBpm !== null) {
    flags |= HEART_RATE_PRESENT;
    u8(clamp(fields.heartRateBpm, 0, 0xff));
  }
  if (fields.metabolicEquivalent !== null) {
    flags |= METABOLIC_EQUIVALENT_PRESENT;
    u8(clamp(fields.metabolicEquivalent * 10, 0, 0xff));
  }
  if (fields.elapsedTimeS !== null) {
    flags |= ELAPSED_TIME_PRESENT;
    u16(uint16(fields.elapsedTimeS, 1));
  }
  if (fields.remainingTimeS !== null) {
    flags |= REMAINING_TIME_PRESENT;
    u16(uint16(fields.remainingTimeS, 1));
  }
  if (any(fields.forceOnBeltN, fields.powerOutputW)) {
    flags |= FORCE_AND_POWER_PRESENT;
    u16(sint16(fields.forceOnBeltN, 1));
    u16(sint16(fields.powerOutputW, 1));
  }
  bytes[0] = flags & 0xff;
  bytes[1] = flags >>> 8;
  return Uint8Array.from(bytes);
}
