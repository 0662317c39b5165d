// An independent reading of the Treadmill Data (0x2ACD) layout, written from the spec for the
// tests: it shares no code with src/ble/ftms-treadmill*.ts, so a mistake there (a width, an
// order, a sign, a scale) shows up as a disagreement instead of being copied into the expectation.
import { type TreadmillData, emptyTreadmillData } from '../../src/ble/ftms-treadmill.js';

export { emptyTreadmillData };

export interface FieldSpec {
  key: Exclude<keyof TreadmillData, 'moreData' | 'heartRateNotAvailable'>;
  /** The words the parse error uses for this field. */
  name: string;
  /** Flag bit that announces it; bit 0 announces by being clear. */
  bit: number;
  size: 1 | 2 | 3;
  signed: boolean;
  /** Raw codes meaning "Data Not Available" (the spec's, or what treadmills send for none). */
  notAvailable?: readonly number[];
  value: (raw: number) => number;
}

const same = (raw: number): number => raw;
const tenths = (raw: number): number => raw / 10;
// 0.01 km/h = 10 m / 3600 s.
const hundredthsKmhToMps = (raw: number): number => raw / 360;

/** In transmission order. */
export const TREADMILL_FIELDS: readonly FieldSpec[] = [
  { key: 'speedMps', name: 'instantaneous speed', bit: 0, size: 2, signed: false, value: hundredthsKmhToMps },
  { key: 'averageSpeedMps', name: 'average speed', bit: 1, size: 2, signed: false, value: hundredthsKmhToMps },
  { key: 'totalDistanceM', name: 'total distance', bit: 2, size: 3, signed: false, value: same },
  { key: 'inclinationPercent', name: 'inclination', bit: 3, size: 2, signed: true, notAvailable: [0x7fff], value: tenths },
  { key: 'rampAngleDegrees', name: 'ramp angle setting', bit: 3, size: 2, signed: true, notAvailable: [0x7fff], value: tenths },
  // No code in the spec; treadmills send uint16's 0xFFFF or the signed fields' 0x7FFF for none.
  { key: 'positiveElevationGainM', name: 'positive elevation gain', bit: 4, size: 2, signed: false, notAvailable: [0xffff, 0x7fff], value: tenths },
  { key: 'negativeElevationGainM', name: 'negative elevation gain', bit: 4, size: 2, signed: false, notAvailable: [0xffff, 0x7fff], value: tenths },
  { key: 'instantaneousPaceSPer500m', name: 'instantaneous pace', bit: 5, size: 2, signed: false, value: same },
  { key: 'averagePaceSPer500m', name: 'average pace', bit: 6, size: 2, signed: false, value: same },
  { key: 'totalEnergyKcal', name: 'total energy', bit: 7, size: 2, signed: false, notAvailable: [0xffff], value: same },
  { key: 'energyPerHourKcal', name: 'energy per hour', bit: 7, size: 2, signed: false, notAvailable: [0xffff], value: same },
  { key: 'energyPerMinuteKcal', name: 'energy per minute', bit: 7, size: 1, signed: false, notAvailable: [0xff], value: same },
  // 0 bpm is a treadmill with no strap worn and no hands on its grips.
  { key: 'heartRateBpm', name: 'heart rate', bit: 8, size: 1, signed: false, notAvailable: [0], value: same },
  { key: 'metabolicEquivalent', name: 'metabolic equivalent', bit: 9, size: 1, signed: false, value: tenths },
  { key: 'elapsedTimeS', name: 'elapsed time', bit: 10, size: 2, signed: false, value: same },
  { key: 'remainingTimeS', name: 'remaining time', bit: 11, size: 2, signed: false, value: same },
  { key: 'forceOnBeltN', name: 'force on belt', bit: 12, size: 2, signed: true, notAvailable: [0x7fff], value: same },
  { key: 'powerOutputW', name: 'power output', bit: 12, size: 2, signed: true, notAvailable: [0x7fff], value: same },
];

/** FTMS 1.0 (and the 2017 GATT XML): the two pace fields as uint8 in 0.1 km/min. */
const FTMS_1_0_PACE: Partial<Record<FieldSpec['key'], FieldSpec>> = {
  instantaneousPaceSPer500m: { key: 'instantaneousPaceKmPerMin', name: 'instantaneous pace', bit: 5, size: 1, signed: false, value: tenths },
  averagePaceSPer500m: { key: 'averagePaceKmPerMin', name: 'average pace', bit: 6, size: 1, signed: false, value: tenths },
};

/** Pace field width in bytes: 2 in the current table, 1 in FTMS 1.0. */
export type PaceBytes = 1 | 2;

export const isPresent = (field: FieldSpec, flags: number): boolean =>
  field.bit === 0 ? (flags & 1) === 0 : (flags & (1 << field.bit)) !== 0;

export const presentFields = (flags: number, paceBytes: PaceBytes = 2): FieldSpec[] =>
  TREADMILL_FIELDS.filter((field) => isPresent(field, flags)).map((field) => (paceBytes === 1 ? (FTMS_1_0_PACE[field.key] ?? field) : field));

export const promisedLength = (flags: number, paceBytes: PaceBytes = 2): number =>
  presentFields(flags, paceBytes).reduce((length, field) => length + field.size, 2);

const hasPace = (flags: number): boolean => (flags & 0x60) !== 0;

/**
 * Which reading a packet of `length` bytes gets: 2-byte pace when it is long enough for it (extra
 * bytes ignored), 1-byte pace when it is exactly that reading's length, else none (null).
 */
export function paceBytesFor(flags: number, length: number): PaceBytes | null {
  if (length >= promisedLength(flags, 2)) return 2;
  return hasPace(flags) && length === promisedLength(flags, 1) ? 1 : null;
}

/** The error message for a packet `length` bytes long with these flags, or null if it is read. */
export function expectedShortMessage(flags: number, length: number): string | null {
  if (length < 2) return `Treadmill data too short: ${length} bytes, the flags needs 2`;
  if (paceBytesFor(flags, length) !== null) return null;
  let end = 2;
  for (const field of presentFields(flags)) {
    // Past the fields before pace, the two readings part: the message gives both lengths.
    if (field.bit === 5 || field.bit === 6) {
      return (
        `Treadmill data fits neither pace width: ${length} bytes, but its flags promise ${promisedLength(flags, 2)} ` +
        `with 2-byte pace fields, or ${promisedLength(flags, 1)} with 1-byte ones as in FTMS 1.0`
      );
    }
    end += field.size;
    if (length < end) return `Treadmill data too short: ${length} bytes, ${field.name} needs ${end}`;
  }
  throw new Error(`unreachable: flags 0x${flags.toString(16)}, ${length} bytes`);
}

/** Reads a little-endian field byte by byte, with no DataView. */
export function readField(bytes: ArrayLike<number>, at: number, field: FieldSpec): number {
  let raw = 0;
  for (let i = field.size - 1; i >= 0; i--) raw = raw * 256 + bytes[at + i]!;
  const range = 2 ** (8 * field.size);
  return field.signed && raw >= range / 2 ? raw - range : raw;
}

/** The parse result a packet should give, read independently of the parser. */
export function expectedTreadmillData(bytes: ArrayLike<number>): TreadmillData {
  const flags = bytes[0]! | (bytes[1]! << 8);
  const expected = emptyTreadmillData(flags & 1 ? true : false);
  let at = 2;
  for (const field of presentFields(flags, paceBytesFor(flags, bytes.length) ?? 2)) {
    const raw = readField(bytes, at, field);
    expected[field.key] = field.notAvailable?.includes(raw) ? null : field.value(raw);
    // The heart-rate field present with 0: the treadmill says it has none (unlike a field left out).
    if (field.key === 'heartRateBpm' && raw === 0) expected.heartRateNotAvailable = true;
    at += field.size;
  }
  return expected;
}


/**
 * A packet with these flags (and pace width) whose fields hold raw values that differ from field to field and from
 * one flag combination to the next (so a field read at a wrong offset cannot pass), include
 * negative numbers for the signed fields, and never hit a "not available" code.
 */
export function referencePacket(flags: number, paceBytes: PaceBytes = 2): number[] {
  const bytes = [flags & 0xff, (flags >>> 8) & 0xff];
  presentFields(flags, paceBytes).forEach((field) => {
    const index = TREADMILL_FIELDS.findIndex((spec) => spec.name === field.name);
    let h = Math.imul(flags + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const range = 2 ** (8 * field.size);
    let raw = (h >>> 0) % range;
    while (field.notAvailable?.includes(raw)) raw = (raw + 1) % range;
    for (let i = 0; i < field.size; i++) bytes.push((raw >>> (8 * i)) & 0xff);
  });
  return bytes;
}
