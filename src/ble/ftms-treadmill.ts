// Treadmill Data (0x2ACD) of the Fitness Machine Service (0x1826). A treadmill we do not control
// sends these, so every field is length-checked before it is read and a short packet fails with
// FtmsParseError: callers can drop a bad packet and keep the session.
//
// Field types follow the GATT Specification Supplement (the YAML the Bluetooth SIG publishes,
// which FTMS v1.0 defers to). Instantaneous and Average Pace there are uint16 seconds per 500 m;
// the FTMS 1.0 text and the 2017 GATT XML had uint8 in 0.1 km/min, which most decoders and some
// treadmill firmware still use. Every later field depends on that width, so the packet's length
// decides it (see `paceWidthFor`): a treadmill built to either reading is read right, and a packet
// that fits neither is refused in words, never read at shifted offsets.
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
  /** Climbed since the session started, 0.1 m steps; 0xFFFF and 0x7FFF are no reading. */
  positiveElevationGainM: number | null;
  /** Descended since the session started, as a positive distance, 0.1 m steps; as above. */
  negativeElevationGainM: number | null;
  /** Seconds per 500 m: the 2-byte pace of the current field table. */
  instantaneousPaceSPer500m: number | null;
  averagePaceSPer500m: number | null;
  /** km per minute in 0.1 steps: the 1-byte pace of FTMS 1.0, from a treadmill built to that reading. */
  instantaneousPaceKmPerMin: number | null;
  averagePaceKmPerMin: number | null;
  totalEnergyKcal: number | null;
  energyPerHourKcal: number | null;
  energyPerMinuteKcal: number | null;
  /** 0 is what a treadmill sends with no strap worn and no hands on its grips: no reading (null). */
  heartRateBpm: number | null;
  /**
   * The heart-rate field was in this notification and said 0: the treadmill has no heart rate now.
   * False when the field was left out (a record split over notifications), where the last one holds.
   */
  heartRateNotAvailable: boolean;
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
    instantaneousPaceKmPerMin: null,
    averagePaceKmPerMin: null,
    totalEnergyKcal: null,
    energyPerHourKcal: null,
    energyPerMinuteKcal: null,
    heartRateBpm: null,
    heartRateNotAvailable: false,
    metabolicEquivalent: null,
    elapsedTimeS: null,
    remainingTimeS: null,
    forceOnBeltN: null,
    powerOutputW: null,
  };
}

/** Bytes each flag bit brings before the pace fields (Instantaneous Speed, bit 0 clear, apart) and after them. */
const BEFORE_PACE: readonly [bit: number, bytes: number][] = [
  [AVERAGE_SPEED_PRESENT, 2],
  [TOTAL_DISTANCE_PRESENT, 3],
  [INCLINATION_PRESENT, 4],
  [ELEVATION_GAIN_PRESENT, 4],
];
const AFTER_PACE: readonly [bit: number, bytes: number][] = [
  [EXPENDED_ENERGY_PRESENT, 5],
  [HEART_RATE_PRESENT, 1],
  [METABOLIC_EQUIVALENT_PRESENT, 1],
  [ELAPSED_TIME_PRESENT, 2],
  [REMAINING_TIME_PRESENT, 2],
  [FORCE_AND_POWER_PRESENT, 4],
];
const PACE_BITS = [INSTANTANEOUS_PACE_PRESENT, AVERAGE_PACE_PRESENT] as const;

const bytesOf = (flags: number, fields: readonly [bit: number, bytes: number][]): number =>
  fields.reduce((sum, [bit, bytes]) => sum + (flags & bit ? bytes : 0), 0);

/** Where the pace fields start: a packet ending before it is short whatever their width. */
const paceStart = (flags: number): number => 2 + (flags & MORE_DATA ? 0 : 2) + bytesOf(flags, BEFORE_PACE);

/** The packet length these flags promise with pace fields `paceBytes` wide. */
const promisedLength = (flags: number, paceBytes: 1 | 2): number =>
  paceStart(flags) + PACE_BITS.filter((bit) => flags & bit).length * paceBytes + bytesOf(flags, AFTER_PACE);

const hasPace = (flags: number): boolean => (flags & (INSTANTANEOUS_PACE_PRESENT | AVERAGE_PACE_PRESENT)) !== 0;

/**
 * The pace width a packet of `length` bytes is read with. The current table's 2 bytes whenever the
 * packet is long enough for them (bytes after the last field are ignored, as a newer treadmill may
 * append fields); FTMS 1.0's 1 byte when the packet is exactly as long as that reading promises,
 * which the 2-byte reading can never be. A 1-byte packet with bytes after it that make up the 2-byte
 * length is read the current way: the tie goes to the table the Bluetooth SIG publishes now.
 * Null when the packet fits neither (too short, whatever the width, without pace fields).
 */
export function paceWidthFor(flags: number, length: number): 1 | 2 | null {
  if (length >= promisedLength(flags, 2)) return 2;
  return hasPace(flags) && length === promisedLength(flags, 1) ? 1 : null;
}

/**
 * Parses one notification. Reserved flag bits (13-15) and bytes after the last field the flags
 * promise are ignored, as for RSC: a newer treadmill may append fields we do not know yet.
 */
export function parseTreadmillData(view: DataView): TreadmillData {
  requireBytes(view, 2, 'the flags');
  const flags = view.getUint16(0, true);
  const paceWidth = paceWidthFor(flags, view.byteLength);
  if (paceWidth === null && hasPace(flags) && view.byteLength >= paceStart(flags)) {
    throw new FtmsParseError(
      `${WHAT} fits neither pace width: ${view.byteLength} bytes, but its flags promise ${promisedLength(flags, 2)} ` +
        `with 2-byte pace fields, or ${promisedLength(flags, 1)} with 1-byte ones as in FTMS 1.0`,
    );
  }
  // Short before the pace fields (or without any): the read names the first missing field.
  return readTreadmillData(view, flags, paceWidth ?? 2);
}

function readTreadmillData(view: DataView, flags: number, paceWidth: 1 | 2): TreadmillData {
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
  const pace = paceWidth === 2 ? u16 : u8;
  const instantaneousPace = has(INSTANTANEOUS_PACE_PRESENT) ? pace('instantaneous pace') : null;
  const averagePace = has(AVERAGE_PACE_PRESENT) ? pace('average pace') : null;
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
  // The pair has no code in the spec; treadmills that cannot measure it send uint16's 0xFFFF, or
  // the 0x7FFF of the signed fields beside it. Neither is a climb a treadmill run makes.
  const elevationOrNull = (raw: number | null): number | null =>
    raw === null || raw === NOT_AVAILABLE_UINT16 || raw === NOT_AVAILABLE_SINT16 ? null : raw / 10;
  return {
    moreData,
    speedMps: mps(speed),
    averageSpeedMps: mps(averageSpeed),
    totalDistanceM,
    inclinationPercent: tenths(signedOrNull(inclination)),
    rampAngleDegrees: tenths(signedOrNull(rampAngle)),
    positiveElevationGainM: elevationOrNull(positiveGain),
    negativeElevationGainM: elevationOrNull(negativeGain),
    instantaneousPaceSPer500m: paceWidth === 2 ? instantaneousPace : null,
    averagePaceSPer500m: paceWidth === 2 ? averagePace : null,
    instantaneousPaceKmPerMin: paceWidth === 1 ? tenths(instantaneousPace) : null,
    averagePaceKmPerMin: paceWidth === 1 ? tenths(averagePace) : null,
    totalEnergyKcal: totalEnergy === null ? null : orNull(totalEnergy, NOT_AVAILABLE_UINT16),
    energyPerHourKcal: energyPerHour === null ? null : orNull(energyPerHour, NOT_AVAILABLE_UINT16),
    energyPerMinuteKcal: energyPerMinute === null ? null : orNull(energyPerMinute, NOT_AVAILABLE_UINT8),
    heartRateBpm: heartRateBpm === 0 ? null : heartRateBpm,
    heartRateNotAvailable: heartRateBpm === 0,
    metabolicEquivalent: tenths(met),
    elapsedTimeS,
    remainingTimeS,
    forceOnBeltN: signedOrNull(force),
    powerOutputW: signedOrNull(power),
  };
}
