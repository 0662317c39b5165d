// Generated packets for the Cycling Power Measurement parser, shared by the property test
// (test/ble/cycling-power.property.test.ts) and the million-packet bench (test/bench/ble-fuzz.ts).
// Chai stays out: a check returns true for a packet rightly accepted, false for one rightly
// rejected, and a string saying what was wrong otherwise.
import fc from 'fast-check';
import { CyclingPowerParseError, parseCyclingPowerMeasurement } from '../../src/ble/cycling-power.js';
import { announcedFields, expectedShortMessage } from './cycling-power-reference.js';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/** Pad bytes around the view: a parser reading outside it, or ignoring byteOffset, reads them. */
function paddedView(bytes: Uint8Array): DataView {
  const buffer = new Uint8Array(bytes.length + 16).fill(0xee);
  buffer.set(bytes, 8);
  return new DataView(buffer.buffer, 8, bytes.length);
}

/**
 * Throws CyclingPowerParseError, with the reference's message, exactly when the packet is shorter
 * than its flags announce; otherwise the flags and power are those at the packet's start.
 */
export function checkCyclingPowerPacket(bytes: Uint8Array): boolean | string {
  const flags = bytes.length >= 2 ? bytes[0]! | (bytes[1]! << 8) : 0;
  const expected = expectedShortMessage(flags, bytes.length);
  let parsed: ReturnType<typeof parseCyclingPowerMeasurement>;
  try {
    parsed = parseCyclingPowerMeasurement(paddedView(bytes));
  } catch (error) {
    if (!(error instanceof CyclingPowerParseError)) return `parseCyclingPowerMeasurement threw ${String(error)} for [${hex(bytes)}]`;
    if (expected === null) return `parseCyclingPowerMeasurement rejected a valid packet: ${error.message} [${hex(bytes)}]`;
    return error.message === expected ? false : `parseCyclingPowerMeasurement said "${error.message}", not "${expected}" for [${hex(bytes)}]`;
  }
  if (expected !== null) return `parseCyclingPowerMeasurement accepted [${hex(bytes)}], expected "${expected}"`;
  const power = (bytes[2]! | (bytes[3]! << 8)) << 16 >> 16;
  if (parsed.flags !== flags || parsed.powerW !== power) return `parseCyclingPowerMeasurement read flags ${parsed.flags} and power ${parsed.powerW} from [${hex(bytes)}]`;
  return true;
}

/** Bytes the flags announce, from the reference table. */
export const announcedLength = (flags: number): number => announcedFields(flags).at(-1)!.end;

// Arbitrary bytes, or any 16-bit flags followed by a body within 3 bytes of what they announce, so
// both sides of every length boundary are hit.
export const cyclingPowerPackets = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 40, size: 'max' }),
  fc
    .tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: -3, max: 3 }), fc.uint8Array({ minLength: 40, maxLength: 40 }))
    .map(([flags, slack, body]) => Uint8Array.of(flags & 0xff, flags >>> 8, ...body).subarray(0, Math.max(0, announcedLength(flags) + slack))),
);
