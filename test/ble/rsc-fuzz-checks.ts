// The RSC parsers' random-packet check, shared by the test run (200 000 packets,
// test/ble/rsc.property.test.ts) and the million of `npm run bench -- ble-fuzz`.
import fc from 'fast-check';
import { parseControlPointResponse } from '../../src/ble/rsc-control-point.js';
import {
  parseRscFeature,
  parseRscMeasurement,
  parseSensorLocation,
  RscParseError,
} from '../../src/ble/rsc.js';

// A footpod can send anything. Every parser must either return a value that makes sense or
// throw RscParseError, and it must throw exactly when the packet is too short for what its own
// flags promise — so a parser reading past the end of its view is caught too. Chai is kept out
// of the hot loop: a million `expect` calls cost more than the parsers.

const isBool = (value: unknown): boolean => typeof value === 'boolean';
/** 0..max, and a whole number of the field's units (1/steps). */
const onScale = (value: number, max: number, steps: number): boolean =>
  value >= 0 && value <= max && Math.abs(value * steps - Math.round(value * steps)) < 1e-6;

/** The reference reading, byte by byte, independent of DataView. */
function uintLE(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = size - 1; i >= 0; i--) value = value * 256 + bytes[at + i]!;
  return value;
}

/** Runs a parser; a failure is a string saying what was wrong. */
function check<T>(name: string, parse: () => T, mustReject: boolean, wellFormed: (value: T) => boolean): string | null {
  let value: T;
  try {
    value = parse();
  } catch (error) {
    if (!(error instanceof RscParseError)) return `${name} threw ${String(error)}`;
    return mustReject ? null : `${name} rejected a valid packet: ${error.message}`;
  }
  if (mustReject) return `${name} accepted an invalid packet`;
  return wellFormed(value) ? null : `${name} returned ${JSON.stringify(value)}`;
}

export function checkAllParsers(bytes: Uint8Array): string | null {
  // Pad bytes around the view: a parser reading outside it, or ignoring byteOffset, would not
  // throw but would accept a packet it should have rejected, or return the wrong values.
  const buffer = new Uint8Array(bytes.length + 16).fill(0xee);
  buffer.set(bytes, 8);
  const view = new DataView(buffer.buffer, 8, bytes.length);
  const length = bytes.length;
  const flags = bytes[0] ?? 0;
  const measurementLength = 4 + (flags & 1 ? 2 : 0) + (flags & 2 ? 4 : 0);

  return (
    check('parseRscMeasurement', () => parseRscMeasurement(view), length < measurementLength, (m) =>
      onScale(m.speedMps, 65535 / 256, 256) &&
      m.speedMps * 256 === uintLE(bytes, 1, 2) &&
      onScale(m.cadence, 255, 1) &&
      m.cadence === bytes[3] &&
      (flags & 1
        ? m.strideLengthM !== null && onScale(m.strideLengthM, 655.35, 100) && Math.round(m.strideLengthM * 100) === uintLE(bytes, 4, 2)
        : m.strideLengthM === null) &&
      (flags & 2
        ? m.totalDistanceM !== null &&
          onScale(m.totalDistanceM, 429496729.5, 10) &&
          Math.round(m.totalDistanceM * 10) === uintLE(bytes, flags & 1 ? 6 : 4, 4)
        : m.totalDistanceM === null) &&
      m.isRunning === ((flags & 4) !== 0),
    ) ??
    check('parseRscFeature', () => parseRscFeature(view), length < 2, (f) =>
      Object.keys(f).length === 5 &&
      Object.values(f).every(isBool) &&
      f.strideLengthSupported === ((flags & 1) !== 0) &&
      f.totalDistanceSupported === ((flags & 2) !== 0) &&
      f.walkingRunningStatusSupported === ((flags & 4) !== 0) &&
      f.calibrationSupported === ((flags & 8) !== 0) &&
      f.multipleSensorLocationsSupported === ((flags & 16) !== 0),
    ) ??
    check('parseSensorLocation', () => parseSensorLocation(view), length < 1, (code) => onScale(code, 255, 1) && code === bytes[0]) ??
    check('parseControlPointResponse', () => parseControlPointResponse(view), length < 3 || bytes[0] !== 0x10, (r) =>
      r.opCode === 16 &&
      r.requestOpCode === bytes[1] &&
      r.responseValue === bytes[2] &&
      (r.requestOpCode === 4 && r.responseValue === 1
        ? r.supportedLocations !== null && r.supportedLocations.join() === Array.from(bytes.subarray(3)).join()
        : r.supportedLocations === null),
    )
  );
}

// Mostly arbitrary bytes (every length 0-24, `size: 'max'` so long packets are as common as
// short ones); a quarter start like a control point response, which arbitrary bytes almost never
// do, so the success-with-locations branch is exercised too.
export const rscPackets = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ minLength: 0, maxLength: 24, size: 'max' }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.uint8Array({ maxLength: 21, size: 'max' }))
      .map(([requestOpCode, responseValue, rest]) => Uint8Array.of(0x10, requestOpCode, responseValue, ...rest)),
  },
);

/** What `runs` random packets showed: how many of each length, the rare location lists, the first failure. */
export interface RscFuzzReport {
  runs: number;
  lengths: number[];
  locationLists: number;
  failure: string | null;
}

/**
 * With DevTools attached (as the test runner is), every Error records the whole call stack, so an
 * error built under mocha's and fast-check's frames costs ~15 µs, and most random packets are
 * rejected. Call this after an await, where the stack is nearly empty; fc.sample in chunks keeps
 * fast-check's own frames out of it as well.
 */
export function fuzzRsc(runs: number): RscFuzzReport {
  const chunk = 50_000;
  const report: RscFuzzReport = { runs: 0, lengths: new Array<number>(25).fill(0), locationLists: 0, failure: null };
  for (let seed = 0; report.runs < runs; seed++) {
    for (const bytes of fc.sample(rscPackets, { numRuns: Math.min(chunk, runs - report.runs), seed: 0x1814 + seed })) {
      report.runs++;
      report.lengths[bytes.length]!++;
      if (bytes[0] === 0x10 && bytes[1] === 4 && bytes[2] === 1) report.locationLists++;
      const failure = checkAllParsers(bytes);
      if (failure !== null) {
        report.failure = `${failure} for [${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ')}]`;
        return report;
      }
    }
  }
  return report;
}
