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
 * Encodes one notification. A field group (inclination and ramp angle, the elevation gains, the
 * three energies, force and power) is sent when any of its fields is a number, with "Data Not
 * Available" for its null fields; a group whose fields are all null is left out, which parses back
 * the same. Speed is sent exactly when `moreData` is false, so the two must agree. Pace goes in
 * the width of the fields given: 2 bytes for seconds per 500 m, 1 byte for FTMS 1.0's km per
 * minute. A heart rate of 0 is sent as 0, a treadmill's way of saying it has none.
 */
export function encodeTreadmillData(fields: TreadmillData): Uint8Array {
  if (fields.moreData !== (fields.speedMps === null)) {
    throw new TypeError(
      fields.moreData ? 'speedMps must be null when moreData is true' : 'speedMps is required when moreData is false',
    );
  }
  const kmPerMin = fields.instantaneousPaceKmPerMin !== null || fields.averagePaceKmPerMin !== null;
  if (kmPerMin && (fields.instantaneousPaceSPer500m !== null || fields.averagePaceSPer500m !== null)) {
    // The width is the packet's, read from its length: one packet cannot carry both.
    throw new TypeError('pace is sent in one width per packet: give seconds per 500 m (2 bytes) or km per minute (1 byte, FTMS 1.0), not both');
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
  // The parser takes both 0xFFFF and 0x7FFF here for "no reading", so a reading steps around them.
  const elevation = (value: number | null): number => {
    const raw = uint16(value, 10, NOT_AVAILABLE_UINT16 - 1);
    return value !== null && raw === NOT_AVAILABLE_SINT16 ? NOT_AVAILABLE_SINT16 - 1 : raw;
  };

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
  if (any(fields.positiveElevationGainM, fields.negativeElevationGainM)) {
    flags |= ELEVATION_GAIN_PRESENT;
    u16(elevation(fields.positiveElevationGainM));
    u16(elevation(fields.negativeElevationGainM));
  }
  const instantaneousPace = kmPerMin ? fields.instantaneousPaceKmPerMin : fields.instantaneousPaceSPer500m;
  const averagePace = kmPerMin ? fields.averagePaceKmPerMin : fields.averagePaceSPer500m;
  const pace = (value: number): void => (kmPerMin ? u8(clamp(value * 10, 0, 0xff)) : u16(uint16(value, 1)));
  if (instantaneousPace !== null) {
    flags |= INSTANTANEOUS_PACE_PRESENT;
    pace(instantaneousPace);
  }
  if (averagePace !== null) {
    flags |= AVERAGE_PACE_PRESENT;
    pace(averagePace);
  }
  if (any(fields.totalEnergyKcal, fields.energyPerHourKcal, fields.energyPerMinuteKcal)) {
    flags |= EXPENDED_ENERGY_PRESENT;
    u16(uint16(fields.totalEnergyKcal, 1, NOT_AVAILABLE_UINT16 - 1));
    u16(uint16(fields.energyPerHourKcal, 1, NOT_AVAILABLE_UINT16 - 1));
    u8(fields.energyPerMinuteKcal === null ? NOT_AVAILABLE_UINT8 : clamp(fields.energyPerMinuteKcal, 0, NOT_AVAILABLE_UINT8 - 1));
  }
  if (fields.heartRateBpm !== null || fields.heartRateNotAvailable) {
    flags |= HEART_RATE_PRESENT;
    u8(clamp(fields.heartRateBpm ?? 0, 0, 0xff));
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
