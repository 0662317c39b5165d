import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encodeHeartRateMeasurement } from '../../src/ble/heart-rate-encode.js';
import { type HeartRateMeasurement, parseHeartRateMeasurement } from '../../src/ble/heart-rate.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { toHex, viewOf } from './byte-helpers.js';

const hr = (heartRateBpm: number, fields: Partial<HeartRateMeasurement> = {}): HeartRateMeasurement => ({
  heartRateBpm,
  sensorContact: 'not-supported',
  energyExpendedKj: null,
  rrIntervalsS: null,
  ...fields,
});
const parse = (bytes: Uint8Array): HeartRateMeasurement => parseHeartRateMeasurement(viewOf(bytes));

describe('encodeHeartRateMeasurement', () => {
  // Values already at the characteristic's resolution: bytes are exact and parsing gives them back.
  const exact: { name: string; fields: HeartRateMeasurement; uint16?: boolean; hex: string }[] = [
    { name: 'uint8 heart rate', fields: hr(72), hex: '00 48' },
    { name: 'uint16 when asked', fields: hr(72), uint16: true, hex: '01 48 00' },
    { name: 'uint16 when it does not fit a byte', fields: hr(300), hex: '01 2c 01' },
    { name: 'contact not detected', fields: hr(72, { sensorContact: 'not-detected' }), hex: '04 48' },
    { name: 'contact detected', fields: hr(72, { sensorContact: 'detected' }), hex: '06 48' },
    { name: 'energy expended', fields: hr(72, { energyExpendedKj: 1000 }), hex: '08 48 e8 03' },
    { name: 'RR flag with no intervals', fields: hr(72, { rrIntervalsS: [] }), hex: '10 48' },
    { name: 'one RR interval', fields: hr(72, { rrIntervalsS: [1] }), hex: '10 48 00 04' },
    { name: 'many RR intervals', fields: hr(72, { rrIntervalsS: [1, 0.5, 1.5] }), hex: '10 48 00 04 00 02 00 06' },
    {
      name: 'everything',
      fields: { heartRateBpm: 300, sensorContact: 'detected', energyExpendedKj: 1000, rrIntervalsS: [1, 0.75] },
      hex: '1f 2c 01 e8 03 00 04 00 03',
    },
  ];
  for (const row of exact) {
    const encode = (): Uint8Array => encodeHeartRateMeasurement(row.fields, { uint16: row.uint16 === true });
    it(`${row.name}: ${row.hex}`, () => expect(toHex(encode())).to.equal(row.hex));
    it(`${row.name}: round-trips through parseHeartRateMeasurement`, () => expect(parse(encode())).to.deep.equal(row.fields));
  }

  const rounded: { name: string; fields: HeartRateMeasurement; hex: string }[] = [
    { name: 'heart rate rounds to 1 bpm', fields: hr(72.4), hex: '00 48' },
    { name: 'heart rate clamps at 0xffff', fields: hr(70000), hex: '01 ff ff' },
    { name: 'negative heart rate clamps at 0', fields: hr(-3), hex: '00 00' },
    { name: 'energy clamps at 0xffff', fields: hr(72, { energyExpendedKj: 70000 }), hex: '08 48 ff ff' },
    { name: 'RR rounds to 1/1024 s', fields: hr(72, { rrIntervalsS: [0.8] }), hex: '10 48 33 03' },
    { name: 'RR clamps at 64 s', fields: hr(72, { rrIntervalsS: [100, -1] }), hex: '10 48 ff ff 00 00' },
  ];
  for (const row of rounded) {
    it(`${row.name}: ${row.hex}`, () => expect(toHex(encodeHeartRateMeasurement(row.fields))).to.equal(row.hex));
  }

  it('any valid packet survives parse → encode byte for byte', () => {
    // No reserved bits, no "detected" bit without "supported" (it reads as not supported), and a
    // whole number of RR intervals.
    const packet = fc
      .record({ flags: fc.integer({ min: 0, max: 0x1f }), body: fc.uint8Array({ minLength: 4, maxLength: 4 }), rr: fc.uint8Array({ maxLength: 18 }) })
      .filter(({ flags }) => (flags & 0b110) !== 0b010)
      .map(({ flags, body, rr }) => {
        const fixed = 1 + (flags & 1) + (flags & 8 ? 2 : 0);
        const intervals = flags & 0x10 ? rr.subarray(0, rr.length & ~1) : [];
        return Uint8Array.of(flags, ...body.subarray(0, fixed), ...intervals);
      });
    fc.assert(
      fc.property(packet, (bytes) => {
        const encoded = encodeHeartRateMeasurement(parse(bytes), { uint16: (bytes[0]! & 1) !== 0 });
        if (toHex(encoded) !== toHex(bytes)) expect(toHex(encoded)).to.equal(toHex(bytes));
      }),
      { numRuns: invariantRuns(500), seed: 0x2a37 },
    );
  });

  it('any encodable value parses back to within half a step', () => {
    const value = fc.record({
      heartRateBpm: fc.double({ min: 0, max: 65535, noNaN: true }),
      sensorContact: fc.constantFrom('not-supported' as const, 'not-detected' as const, 'detected' as const),
      energyExpendedKj: fc.option(fc.double({ min: 0, max: 65535, noNaN: true })),
      rrIntervalsS: fc.option(fc.array(fc.double({ min: 0, max: 65535 / 1024, noNaN: true }), { maxLength: 8 })),
    });
    fc.assert(
      fc.property(value, (input) => {
        const output = parse(encodeHeartRateMeasurement(input));
        const failures = [
          Math.abs(output.heartRateBpm - input.heartRateBpm) <= 0.5 ? null : 'heartRateBpm',
          output.sensorContact === input.sensorContact ? null : 'sensorContact',
          input.energyExpendedKj === null ? (output.energyExpendedKj === null ? null : 'energy') : Math.abs(output.energyExpendedKj! - input.energyExpendedKj) <= 0.5 ? null : 'energy',
          input.rrIntervalsS === null
            ? output.rrIntervalsS === null ? null : 'rr'
            : output.rrIntervalsS?.length === input.rrIntervalsS.length && output.rrIntervalsS.every((s, i) => Math.abs(s - input.rrIntervalsS![i]!) <= 0.5 / 1024 + 1e-9) ? null : 'rr',
        ].filter((failure) => failure !== null);
        if (failures.length > 0) expect.fail(`${failures.join(', ')}: ${JSON.stringify(input)} → ${JSON.stringify(output)}`);
      }),
      { numRuns: invariantRuns(500), seed: 0x180d },
    );
  });
});
