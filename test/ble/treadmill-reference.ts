// An independent reading of the Treadmill Data (0x2ACD) layout, written from the spec for the
// tests: it shares no code with src/ble/ftms-treadmill*.ts, so a mistake there (a width, an
// order, a sign, a scale) shows up as a disagreement instead of being copied into the expectation.
import { type TreadmillData, emptyTreadmillData } from '../../src/ble/ftms-treadmill.js';

export { emptyTreadmillData };

export interface FieldSpec {
  key: Exclude<keyof TreadmillData, 'moreData'>;
  /** The words the parse error uses for this field. */
  name: string;
  /** Flag bit that announces it; bit 0 announces by being clear. */
  bit: number;
  size: 1 | 2 | 3;
  signed: boolean;
  /** Raw code meaning "Data Not Available", if the spec gives the field one. */
  notAvailable?: number;
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
  { key: 'inclinationPercent', name: 'inclination', bit: 3, size: 2, signed: true, notAvailable: 0x7fff, value: tenths },
  { key: 'rampAngleDegrees', name: 'ramp angle setting', bit: 3, size: 2, signed: true, notAvailable: 0x7fff, value: tenths },
  { key: 'positiveElevationGainM', name: 'positive elevation gain', bit: 4, size: 2, signed: false, value: tenths },
  { key: 'negativeElevationGainM', name: 'negative elevation gain', bit: 4, size: 2, signed: false, value: tenths },
  { key: 'instantaneousPaceSPer500m', name: 'instantaneous pace', bit: 5, size: 2, signed: false, value: same },
  { key: 'averagePaceSPer500m', name: 'average pace', bit: 6, size: 2, signed: false, value: same },
  { key: 'totalEnergyKcal', name: 'total energy', bit: 7, size: 2, signed: false, notAvailable: 0xffff, value: same },
  { key: 'energyPerHourKcal', name: 'energy per hour', bit: 7, size: 2, signed: false, notAvailable: 0xffff, value: same },
  { key: 'energyPerMinuteKcal', name: 'energy per minute', bit: 7, size: 1, signed: false, notAvailable: 0xff, value: same },
  { key: 'heartRateBpm', name: 'heart rate', bit: 8, size: 1, signed: false, value: same },
  { key: 'metabolicEquivalent', name: 'metabolic equivalent', bit: 9, size: 1, signed: false, value: tenths },
  { key: 'elapsedTimeS', name: 'elapsed time', bit: 10, size: 2, signed: false, value: same },
  { key: 'remainingTimeS', name: 'remaining time', bit: 11, size: 2, signed: false, value: same },
  { key: 'forceOnBeltN', name: 'force on belt', bit: 12, size: 2, signed: true, notAvailable: 0x7fff, value: same },
  { key: 'powerOutputW', name: 'power output', bit: 12, size: 2, signed: true, notAvailable: 0x7fff, value: same },
];

export const isPresent = (field: FieldSpec, flags: number): boolean =>
  field.bit === 0 ? (flags & 1) === 0 : (flags & (1 << field.bit)) !== 0;

export const presentFields = (flags: number): FieldSpec[] => TREADMILL_FIELDS.filter((field) => isPresent(field, flags));

export const promisedLength = (flags: number): number => presentFields(flags).reduce((length, field) => length + field.size, 2);

/** The error message for a packet `length` bytes long with these flags, or null if it is long enough. */
export function expectedShortMessage(flags: number, length: number): string | null {
  if (length < 2) return `Treadmill data too short: ${length} bytes, the flags needs 2`;
  let end = 2;
  for (const field of presentFields(flags)) {
    end += field.size;
    if (length < end) return `Treadmill data too short: ${length} bytes, ${field.name} needs ${end}`;
  }
  return null;
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
  for (const field of presentFields(flags)) {
    const raw = readField(bytes, at, field);
    expected[field.key] = raw === field.notAvailable ? null : field.value(raw);
    at += field.size;
  }
  return expected;
}


/**
 * A packet with these flags whose fields hold raw values that differ from field to field and from
 * one flag combination to the next (so a field read at a wrong offset cannot pass), include
 * negative numbers for the signed fields, and never hit a "not available" code.
 */
export function referencePacket(flags: number): number[] {
  const bytes = [flags & 0xff, (flags >>> 8) & 0xff];
  TREADMILL_FIELDS.forEach((field, index) => {
    if (!isPresent(field, flags)) return;
    let h = Math.imul(flags + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    let raw = (h >>> 0) % 2 ** (8 * field.size);
    if (raw === field.notAvailable) raw -= 1;
    for (let i = 0; i < field.size; i++) bytes.push((raw >>> (8 * i)) & 0xff);
  });
  return bytes;
}
