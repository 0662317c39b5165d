import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import type { RscMeasurement } from '../../src/ble/rsc.js';
import { parseRscMeasurement } from '../../src/ble/rsc.js';
import { invariantRuns } from '../support/invariant-runs.js';

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
const parse = (bytes: Uint8Array): ReturnType<typeof parseRscMeasurement> =>
  parseRscMeasurement(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));

describe('encodeRscMeasurement', () => {
  const fields = (speedMps: number, cadence: number, strideLengthM: number | null, totalDistanceM: number | null, isRunning: boolean): RscMeasurement => ({
    speedMps,
    cadence,
    strideLengthM,
    totalDistanceM,
    isRunning,
  });

  // Values already at the characteristic's resolution: bytes are exact and parsing gives them back.
  const exact: { name: string; fields: RscMeasurement; hex: string }[] = [
    { name: 'the reference vector', fields: fields(3, 170, 1.2, 1000, true), hex: '07 00 03 aa 78 00 10 27 00 00' },
    { name: 'walking, no optional fields', fields: fields(3, 170, null, null, false), hex: '00 00 03 aa' },
    { name: 'stride only', fields: fields(3, 170, 1.2, null, false), hex: '01 00 03 aa 78 00' },
    { name: 'distance only', fields: fields(3, 170, null, 1000, false), hex: '02 00 03 aa 10 27 00 00' },
    { name: 'running, no optional fields', fields: fields(3, 170, null, null, true), hex: '04 00 03 aa' },
    { name: 'zeros', fields: fields(0, 0, 0, 0, false), hex: '03 00 00 00 00 00 00 00 00 00' },
    { name: 'maximum values', fields: fields(255.99609375, 255, 655.35, 429496729.5, true), hex: '07 ff ff ff ff ff ff ff ff ff' },
    { name: 'little-endian fields', fields: fields(0x0201 / 256, 1, 46.6, 30541989.6, false), hex: '03 01 02 01 34 12 78 56 34 12' },
  ];
  for (const row of exact) {
    it(`${row.name}: ${row.hex}`, () => {
      expect(toHex(encodeRscMeasurement(row.fields))).to.equal(row.hex);
    });
    it(`${row.name}: round-trips through parseRscMeasurement`, () => {
      expect(parse(encodeRscMeasurement(row.fields))).to.deep.equal(row.fields);
    });
  }

  // Values between steps round to the nearest step; values beyond the field clamp, as a pod would saturate.
  const rounded: { name: string; fields: RscMeasurement; hex: string }[] = [
    { name: 'speed rounds to 1/256 m/s', fields: fields(3.003, 170, null, null, false), hex: '00 01 03 aa' },
    { name: 'stride rounds to 1 cm', fields: fields(3, 170, 1.204, null, false), hex: '01 00 03 aa 78 00' },
    { name: 'distance rounds to 1 dm', fields: fields(3, 170, null, 1000.04, false), hex: '02 00 03 aa 10 27 00 00' },
    { name: 'speed clamps at 0xffff', fields: fields(300, 0, null, null, false), hex: '00 ff ff 00' },
    { name: 'negative speed clamps at 0', fields: fields(-1, 0, null, null, false), hex: '00 00 00 00' },
    { name: 'cadence clamps at 255', fields: fields(0, 300, null, null, false), hex: '00 00 00 ff' },
    { name: 'stride clamps at 0xffff', fields: fields(0, 0, 1000, null, false), hex: '01 00 00 00 ff ff' },
    { name: 'distance wraps at 2^32 dm like the pod counter', fields: fields(0, 0, null, 429496729.6 + 1, false), hex: '02 00 00 00 0a 00 00 00' },
  ];
  for (const row of rounded) {
    it(`${row.name}: ${row.hex}`, () => {
      expect(toHex(encodeRscMeasurement(row.fields))).to.equal(row.hex);
    });
  }

  it('any valid packet survives parse → encode byte for byte', () => {
    // A packet whose flags have no reserved bits and whose length matches them exactly.
    const packet = fc
      .record({ flags: fc.integer({ min: 0, max: 7 }), body: fc.uint8Array({ minLength: 9, maxLength: 9 }) })
      .map(({ flags, body }) => {
        const length = 4 + (flags & 1 ? 2 : 0) + (flags & 2 ? 4 : 0);
        return Uint8Array.of(flags, ...body.subarray(0, length - 1));
      });
    fc.assert(
      fc.property(packet, (bytes) => {
        expect(toHex(encodeRscMeasurement(parse(bytes)))).to.equal(toHex(bytes));
      }),
      { numRuns: invariantRuns(500), seed: 0x2a53 },
    );
  });

  it('any encodable value parses back to within half a step', () => {
    const value = fc.record({
      speedMps: fc.double({ min: 0, max: 255.99, noNaN: true }),
      cadence: fc.integer({ min: 0, max: 255 }),
      strideLengthM: fc.option(fc.double({ min: 0, max: 655.35, noNaN: true })),
      totalDistanceM: fc.option(fc.double({ min: 0, max: 429496729.5, noNaN: true })),
      isRunning: fc.boolean(),
    });
    fc.assert(
      fc.property(value, (input) => {
        const output = parse(encodeRscMeasurement(input));
        expect(output.cadence).to.equal(input.cadence);
        expect(output.isRunning).to.equal(input.isRunning);
        expect(Math.abs(output.speedMps - input.speedMps)).to.be.at.most(0.5 / 256);
        expect(output.strideLengthM === null).to.equal(input.strideLengthM === null);
        expect(output.totalDistanceM === null).to.equal(input.totalDistanceM === null);
        if (input.strideLengthM !== null) expect(Math.abs(output.strideLengthM! - input.strideLengthM)).to.be.at.most(0.005 + 1e-9);
        if (input.totalDistanceM !== null) expect(Math.abs(output.totalDistanceM! - input.totalDistanceM)).to.be.at.most(0.05 + 1e-6);
      }),
      { numRuns: invariantRuns(500), seed: 0x1814 },
    );
  });
});
