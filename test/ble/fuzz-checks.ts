// Random-packet checks for the treadmill and heart-rate parsers, shared by the property test
// (test/ble/ftms-heart-rate.property.test.ts) and the million-packet bench (test/bench/ble-fuzz.ts).
// A parser must return exactly what the independent reference reading says, or throw its own
// parse error, and throw exactly when the packet is shorter than its flags promise (for the
// treadmill, under either pace width; for heart rate, a half RR interval at the end is dropped, not
// refused). Chai stays out: a check returns true for a packet rightly accepted, false for one
// rightly rejected, and a string saying what was wrong otherwise.
import fc from 'fast-check';
import { FtmsParseError, parseTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { HeartRateParseError, parseHeartRateMeasurement } from '../../src/ble/heart-rate.js';
import { expectedHeartRate } from './heart-rate-reference.js';
import { expectedShortMessage, expectedTreadmillData, type PaceBytes, promisedLength } from './treadmill-reference.js';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/** Pad bytes around the view: a parser reading outside it, or ignoring byteOffset, reads them. */
function paddedView(bytes: Uint8Array): DataView {
  const buffer = new Uint8Array(bytes.length + 16).fill(0xee);
  buffer.set(bytes, 8);
  return new DataView(buffer.buffer, 8, bytes.length);
}

export function checkTreadmillPacket(bytes: Uint8Array): boolean | string {
  const flags = bytes.length >= 2 ? bytes[0]! | (bytes[1]! << 8) : 0;
  const mustReject = expectedShortMessage(flags, bytes.length) !== null;
  let parsed: ReturnType<typeof parseTreadmillData>;
  try {
    parsed = parseTreadmillData(paddedView(bytes));
  } catch (error) {
    if (!(error instanceof FtmsParseError)) return `parseTreadmillData threw ${String(error)} for [${hex(bytes)}]`;
    if (!mustReject) return `parseTreadmillData rejected a valid packet: ${error.message} [${hex(bytes)}]`;
    const message = expectedShortMessage(flags, bytes.length);
    return error.message === message ? false : `parseTreadmillData said "${error.message}", not "${message}" for [${hex(bytes)}]`;
  }
  if (mustReject) return `parseTreadmillData accepted a short packet [${hex(bytes)}]`;
  const got = JSON.stringify(parsed);
  const want = JSON.stringify(expectedTreadmillData(bytes));
  return got === want ? true : `parseTreadmillData returned ${got}, not ${want} for [${hex(bytes)}]`;
}

export function checkHeartRatePacket(bytes: Uint8Array): boolean | string {
  const expected = expectedHeartRate(bytes);
  let parsed: ReturnType<typeof parseHeartRateMeasurement>;
  try {
    parsed = parseHeartRateMeasurement(paddedView(bytes));
  } catch (error) {
    if (!(error instanceof HeartRateParseError)) return `parseHeartRateMeasurement threw ${String(error)} for [${hex(bytes)}]`;
    if (typeof expected !== 'string') return `parseHeartRateMeasurement rejected a valid packet: ${error.message} [${hex(bytes)}]`;
    return error.message === expected ? false : `parseHeartRateMeasurement said "${error.message}", not "${expected}" for [${hex(bytes)}]`;
  }
  if (typeof expected === 'string') return `parseHeartRateMeasurement accepted [${hex(bytes)}], expected "${expected}"`;
  const got = JSON.stringify(parsed);
  const want = JSON.stringify(expected);
  return got === want ? true : `parseHeartRateMeasurement returned ${got}, not ${want} for [${hex(bytes)}]`;
}

// Arbitrary bytes almost always promise more fields than they carry, so half the treadmill packets
// get a body within a few bytes of what their flags promise with 2-byte or 1-byte pace fields: both
// sides of each boundary are hit.
export const treadmillPackets = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 40, size: 'max' }),
  fc
    .tuple(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom<PaceBytes>(1, 2), fc.integer({ min: -3, max: 3 }), fc.uint8Array({ minLength: 40, maxLength: 40 }))
    .map(([flags, paceBytes, slack, body]) => {
      const length = Math.max(0, promisedLength(flags, paceBytes) + slack);
      return Uint8Array.of(flags & 0xff, flags >>> 8, ...body).subarray(0, length);
    }),
);

// Same idea for heart rate: arbitrary bytes, a valid fixed part followed by 0-20 RR bytes (odd or
// even), or a fixed part cut 1-3 bytes short, so both sides of the boundary are hit.
const heartRateFixedBytes = (flags: number): number => 1 + (flags & 1) + (flags & 8 ? 2 : 0);
export const heartRatePackets = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 24, size: 'max' }),
  fc.tuple(fc.integer({ min: 0, max: 0xff }), fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.uint8Array({ maxLength: 20, size: 'max' })).map(([flags, fixed, rr]) =>
    Uint8Array.of(flags, ...fixed.subarray(0, heartRateFixedBytes(flags)), ...rr),
  ),
  fc.tuple(fc.integer({ min: 0, max: 0xff }), fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.integer({ min: 1, max: 3 })).map(([flags, fixed, short]) =>
    Uint8Array.of(flags, ...fixed).subarray(0, Math.max(0, 1 + heartRateFixedBytes(flags) - short)),
  ),
);

export interface FuzzReport {
  runs: number;
  accepted: number;
  rejected: number;
  failure: string | null;
}

/**
 * Runs `runs` packets through one check. fc.sample in chunks keeps fast-check's frames off the
 * stack while parsers throw, which with DevTools attached is most of an error's cost.
 */
export function fuzz(packets: fc.Arbitrary<Uint8Array>, check: (bytes: Uint8Array) => boolean | string, runs: number, seed: number): FuzzReport {
  const chunk = 50_000;
  const report: FuzzReport = { runs: 0, accepted: 0, rejected: 0, failure: null };
  for (let round = 0; report.runs < runs; round++) {
    for (const bytes of fc.sample(packets, { numRuns: Math.min(chunk, runs - report.runs), seed: seed + round })) {
      report.runs++;
      const outcome = check(bytes);
      if (outcome === true) report.accepted++;
      else if (outcome === false) report.rejected++;
      else {
        report.failure = outcome;
        return report;
      }
    }
  }
  return report;
}
