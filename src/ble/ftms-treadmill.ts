// Treadmill Data (0x2ACD) of the Fitness Machine Service (0x1826). A treadmill we do not control
// sends these, so every field is length-checked before it is read and a short packet fails with
// FtmsParseError: callers can drop a bad packet and keep the session.
//
// Field types follow the GATT Specification Supplement (the YAML the Bluetooth SIG publishes,
// which FTMS v1.0 defers to). Instantaneous and Average Pace there are uint16 seconds per 500 m;
// the 2017 GATT XML had uint8 in 0.1 km/min, and some treadmill firmware may still send that,
// but only the current layout can be honoured without guessing, and every later field depends
// on the width.
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

export class FtmsParseError extends Error {
  override readonly name = 'FtmsParseError';
}

/**
 * One Treadmill Data notification. `null` is a field the packet left out, or one the treadmill
 * sent as "Data Not Available"; the two mean the same to the app: no reading.
 */
export interface TreadmillData {
  /** More notifications of the same record follow; Instantaneous Speed is then absent. */
  moreData: boolean;
  /** Belt speed (sent in 0.01 km/h). */
  speedMps: number | null;
  /** Average since the session started (sent in 0.01 km/h). */
  averageSpeedMps: number | null;
  /** Since the session started, 1 m steps, uint24. */
  totalDistanceM: number | null;
  /** 0.1 % steps; negative is downhill. */
  inclinationPercent: number | null;
  /** 0.1 degree steps. */
  rampAngleDegrees: number | null;
  /** Climbed since the session started, 0.1 m steps. */
  positiveElevationGainM: number | null;
  /** Descended since the session started, as a positive distance, 0.1 m steps. */
  negativeElevationGainM: number | null;
  /** Seconds per 500 m. */
  instantaneousPaceSPer500m: number | null;
  averagePaceSPer500m: number | null;
  totalEnergyKcal: number | null;
  energyPerHourKcal: number | null;
  energyPerMinuteKcal: number | null;
  heartRateBpm: number | null;
  /** 0.1 steps. */
  metabolicEquivalent: number | null;
  elapsedTimeS: number | null;
  remainingTimeS: number | null;
  /** Positive when the runner drives the belt, negative when braking it. */
  forceOnBeltN: number | null;
  powerOutputW: number | null;
}

const WHAT = 'Treadmill data';

function requireBytes(view: DataView, needed: number, field: string): void {
  if (view.byteLength < needed) {
    throw new FtmsParseError(`${WHAT} too short: ${view.byteLength} bytes, ${field} needs ${needed}`);
  }
}

const orNull = (raw: number, notAvailable: number): number | null => (raw === notAvailable ? null : raw);

/** A notification with no fields: what every writer of Treadmill Data starts from. */
export function emptyTreadmillData(moreData = false): TreadmillData {
  return {
    moreData,
    speedMps: null,
    averageSpeedMps: null,
    totalDistanceM: null,
    inclinationPercent: null,
    rampAngleDegrees: null,
    positiveElevationGainM: null,
    negativeElevationGainM: null,
    instantaneousPaceSPer500m: null,
    averagePaceSPer500m: null,
    totalEnergyKcal: null,
    energyPerHourKcal: null,
    energyPerMinuteKcal: null,
    heartRateBpm: null,
    metabolicEquivalent: null,
    elapsedTimeS: null,
    remainingTimeS: null,
    forceOnBeltN: null,
    powerOutputW: null,
  };
}

/**
 * Parses one notification. Reserved flag bits (13-15) and bytes after the last field the flags
 * promise are ignored, as for RSC: a newer treadmill may append fields we do not know yet.
 */
export function parseTreadmillData(view: DataView): TreadmillData {
  requireBytes(view, 2, 'the flags');
  const flags = view.getUint16(0, true);
  const has = (bit: number): boolean => (flags & bit) !== 0;
  // Optional fields have no fixed offsets: each one starts where the previous present one ended.
  let at = 2;
  const u8 = (field: string): number => {
    requireBytes(view, at + 1, field);
    return view.getUint8(at++);
  };
  const u16 = (field: string): number => {
    requireBytes(view, at + 2, field);
    const value = view.getUint16(at, true);
    at += 2;
    return value;
  };
  const s16 = (field: string): number => {
    requireBytes(view, at + 2, field);
    const value = view.getInt16(at, true);
    at += 2;
    return value;
  };
  const u24 = (field: string): number => {
    requireBytes(view, at + 3, field);
    const value = view.getUint16(at, true) + view.getUint8(at + 2) * 0x10000;
    at += 3;
    return value;
  };

  const moreData = has(MORE_DATA);
  const speed = moreData ? null : u16('instantaneous speed');
  const averageSpeed = has(AVERAGE_SPEED_PRESENT) ? u16('average speed') : null;
  const totalDistanceM = has(TOTAL_DISTANCE_PRESENT) ? u24('total distance') : null;
  const inclination = has(INCLINATION_PRESENT) ? s16('inclination') : null;
  const rampAngle = has(INCLINATION_PRESENT) ? s16('ramp angle setting') : null;
  const positiveGain = has(ELEVATION_GAIN_PRESENT) ? u16('positive elevation gain') : null;
  const negativeGain = has(ELEVATION_GAIN_PRESENT) ? u16('negative elevation gain') : null;
  const instantaneousPace = has(INSTANTANEOUS_PACE_PRESENT) ? u16('instantaneous pace') : null;
  const averagePace = has(AVERAGE_PACE_PRESENT) ? u16('average pace') : null;
  const totalEnergy = has(EXPENDED_ENERGY_PRESENT) ? u16('total energy') : null;
  const energyPerHour = has(EXPENDED_ENERGY_PRESENT) ? u16('energy per hour') : null;
  const energyPerMinute = has(EXPENDED_ENERGY_PRESENT) ? u8('energy per minute') : null;
  const heartRateBpm = has(HEART_RATE_PRESENT) ? u8('heart rate') : null;
  const met = has(METABOLIC_EQUIVALENT_PRESENT) ? u8('metabolic equivalent') : null;
  const elapsedTimeS = has(ELAPSED_TIME_PRESENT) ? u16('elapsed time') : null;
  const remainingTimeS = has(REMAINING_TIME_PRESENT) ? u16('remaining time') : null;
  const force = has(FORCE_AND_POWER_PRESENT) ? s16('force on belt') : null;
  const power = has(FORCE_AND_POWER_PRESENT) ? s16('power output') : null;

  const tenths = (raw: number | null): number | null => (raw === null ? null : raw / 10);
  const mps = (raw: number | null): number | null => (raw === null ? null : raw / SPEED_STEPS_PER_MPS);
  const signedOrNull = (raw: number | null): number | null => (raw === null ? null : orNull(raw, NOT_AVAILABLE_SINT16));
  return {
    moreData,
    speedMps: mps(speed),
    averageSpeedMps: mps(averageSpeed),
    totalDistanceM,
    inclinationPercent: tenths(signedOrNull(inclination)),
    rampAngleDegrees: tenths(signedOrNull(rampAngle)),
    positiveElevationGainM: tenths(positiveGain),
    negativeElevationGainM: tenths(negativeGain),
    instantaneousPaceSPer500m: instantaneousPace,
    averagePaceSPer500m: averagePace,
    totalEnergyKcal: totalEnergy === null ? null : orNull(totalEnergy, NOT_AVAILABLE_UINT16),
    energyPerHourKcal: energyPerHour === null ? null : orNull(energyPerHour, NOT_AVAILABLE_UINT16),
    energyPerMinuteKcal: energyPerMinute === null ? null : orNull(energyPerMinute, NOT_AVAILABLE_UINT8),
    heartRateBpm,
    metabolicEquivalent: tenths(met),
    elapsedTimeS,
    remainingTimeS,
    forceOnBeltN: signedOrNull(force),
    powerOutputW: signedOrNull(power),
  };
}
