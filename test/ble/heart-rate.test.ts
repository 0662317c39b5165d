import { expect } from '@open-wc/testing';
import { type HeartRateMeasurement, HeartRateParseError, parseHeartRateMeasurement } from '../../src/ble/heart-rate.js';
import { expectParseError, hexBytes, thrownBy, toHex, view, viewOf } from './byte-helpers.js';
import { expectedHeartRate, heartRatePacket } from './heart-rate-reference.js';

const hr = (heartRateBpm: number, fields: Partial<HeartRateMeasurement> = {}): HeartRateMeasurement => ({
  heartRateBpm,
  sensorContact: 'not-supported',
  energyExpendedKj: null,
  rrIntervalsS: null,
  ...fields,
});

const rows: { name: string; hex: string; expected: HeartRateMeasurement }[] = [
  { name: 'uint8 heart rate', hex: '00 48', expected: hr(72) },
  { name: 'uint8 255', hex: '00 ff', expected: hr(255) },
  { name: 'uint16 heart rate', hex: '01 48 00', expected: hr(72) },
  { name: 'uint16 above 255, little-endian', hex: '01 2c 01', expected: hr(300) },
  { name: 'uint16 maximum', hex: '01 ff ff', expected: hr(65535) },
  { name: 'zero', hex: '00 00', expected: hr(0) },

  // Bits 1-2: bit 2 says contact is reported, bit 1 whether it is made.
  { name: 'contact not supported', hex: '00 48', expected: hr(72, { sensorContact: 'not-supported' }) },
  { name: 'bit 1 alone: still not supported', hex: '02 48', expected: hr(72, { sensorContact: 'not-supported' }) },
  { name: 'contact supported, not detected', hex: '04 48', expected: hr(72, { sensorContact: 'not-detected' }) },
  { name: 'contact detected', hex: '06 48', expected: hr(72, { sensorContact: 'detected' }) },

  { name: 'energy expended after a uint8 heart rate', hex: '08 48 e8 03', expected: hr(72, { energyExpendedKj: 1000 }) },
  { name: 'energy expended after a uint16 heart rate', hex: '09 48 00 e8 03', expected: hr(72, { energyExpendedKj: 1000 }) },
  { name: 'energy expended at its maximum', hex: '08 48 ff ff', expected: hr(72, { energyExpendedKj: 65535 }) },

  // RR intervals: the rest of the packet, uint16 in 1/1024 s.
  { name: 'RR flag with no intervals', hex: '10 48', expected: hr(72, { rrIntervalsS: [] }) },
  { name: 'one RR interval of 1 s', hex: '10 48 00 04', expected: hr(72, { rrIntervalsS: [1] }) },
  { name: 'three RR intervals, oldest first', hex: '10 48 00 04 00 02 00 06', expected: hr(72, { rrIntervalsS: [1, 0.5, 1.5] }) },
  { name: 'little-endian RR interval', hex: '10 48 01 02', expected: hr(72, { rrIntervalsS: [0x0201 / 1024] }) },
  { name: 'RR interval maximum', hex: '10 48 ff ff', expected: hr(72, { rrIntervalsS: [65535 / 1024] }) },
  { name: 'RR intervals after a uint16 heart rate', hex: '11 48 00 00 04', expected: hr(72, { rrIntervalsS: [1] }) },
  { name: 'RR intervals after energy', hex: '18 48 e8 03 00 04', expected: hr(72, { energyExpendedKj: 1000, rrIntervalsS: [1] }) },
  // One odd byte after the RR intervals (a strap that cut its last interval in half): the heart
  // rate and the whole intervals stand, the half is no interval.
  { name: 'RR flag with one odd byte and no whole interval', hex: '10 48 00', expected: hr(72, { rrIntervalsS: [] }) },
  { name: 'one odd byte after an RR interval', hex: '10 48 00 04 00', expected: hr(72, { rrIntervalsS: [1] }) },
  { name: 'one odd byte after energy and a uint16 heart rate', hex: '19 48 00 e8 03 00', expected: hr(72, { energyExpendedKj: 1000, rrIntervalsS: [] }) },
  { name: 'one odd byte after two RR intervals, contact detected', hex: '16 9b 00 04 00 02 07', expected: hr(155, { sensorContact: 'detected', rrIntervalsS: [1, 0.5] }) },
  {
    name: 'everything',
    hex: '1f 2c 01 e8 03 00 04 00 03',
    expected: { heartRateBpm: 300, sensorContact: 'detected', energyExpendedKj: 1000, rrIntervalsS: [1, 0.75] },
  },
];

describe('parseHeartRateMeasurement', () => {
  for (const { name, hex, expected } of rows) {
    const bytes = hexBytes(hex);
    const hasRr = (bytes[0]! & 0x10) !== 0;
    const fixedLength = 2 + (bytes[0]! & 1) + (bytes[0]! & 8 ? 2 : 0);

    it(`${name}: ${hex}`, () => {
      expect(parseHeartRateMeasurement(viewOf(bytes))).to.deep.equal(expected);
      expect(expectedHeartRate(bytes)).to.deep.equal(expected);
    });

    it(`${name}: reserved flag bits 5-7 are ignored`, () => {
      expect(parseHeartRateMeasurement(viewOf([bytes[0]! | 0xe0, ...bytes.slice(1)]))).to.deep.equal(expected);
    });

    if (hasRr) {
      it(`${name}: a cut drops the intervals it reaches, a half interval included, and keeps the heart rate`, () => {
        for (let length = fixedLength; length < bytes.length; length++) {
          const cut = parseHeartRateMeasurement(viewOf(bytes, length));
          expect(cut.rrIntervalsS).to.deep.equal(expected.rrIntervalsS!.slice(0, Math.floor((length - fixedLength) / 2)));
          expect(cut.heartRateBpm).to.equal(expected.heartRateBpm);
        }
      });
    } else {
      it(`${name}: trailing bytes are ignored`, () => {
        expect(parseHeartRateMeasurement(viewOf([...bytes, 0xde, 0xad, 0xbe]))).to.deep.equal(expected);
      });
    }

    it(`${name}: every cut before the fixed fields end throws HeartRateParseError`, () => {
      for (let length = 0; length < fixedLength; length++) {
        expectParseError(HeartRateParseError, () => parseHeartRateMeasurement(viewOf(bytes, length)));
      }
    });
  }

  const messages: { hex: string; message: string }[] = [
    { hex: '', message: 'Heart rate measurement too short: 0 bytes, the flags byte needs 1' },
    { hex: '00', message: 'Heart rate measurement too short: 1 bytes, heart rate needs 2' },
    { hex: '01 48', message: 'Heart rate measurement too short: 2 bytes, heart rate needs 3' },
    { hex: '08 48 e8', message: 'Heart rate measurement too short: 3 bytes, energy expended needs 4' },
    { hex: '09 48 00 e8', message: 'Heart rate measurement too short: 4 bytes, energy expended needs 5' },
    { hex: '18 48', message: 'Heart rate measurement too short: 2 bytes, energy expended needs 4' },
  ];
  for (const { hex, message } of messages) {
    it(`rejects [${hex}]: ${message}`, () => expectParseError(HeartRateParseError, () => parseHeartRateMeasurement(view(hex)), message));
  }

  // Every flag byte (reserved bits included) with 0, 1, 2 and 9 RR intervals, and every cut of
  // each packet, against the reference reading in heart-rate-reference.ts.
  it('every flag byte, RR count and cut agrees with the reference reading', async () => {
    await Promise.resolve();
    let checked = 0;
    for (let flags = 0; flags < 256; flags++) {
      for (const rrCount of [0, 1, 2, 9]) {
        const bytes = heartRatePacket(flags, rrCount);
        for (let length = 0; length <= bytes.length + 1; length++) {
          // One past the end adds a trailing byte: ignored without RR intervals, half an interval (dropped) with them.
          const packet = length <= bytes.length ? bytes.slice(0, length) : [...bytes, 0x5a];
          const want = expectedHeartRate(packet);
          const got = thrownBy(() => parseHeartRateMeasurement(viewOf(packet)));
          const context = `[${toHex(packet)}]`;
          if (typeof want === 'string') {
            if (!(got instanceof HeartRateParseError) || got.message !== want) expect.fail(`${context}: expected "${want}", got ${String(got)}`);
          } else {
            if (got !== null) expect.fail(`${context}: threw ${String(got)}`);
            const actual = JSON.stringify(parseHeartRateMeasurement(viewOf(packet)));
            if (actual !== JSON.stringify(want)) expect(actual, context).to.equal(JSON.stringify(want));
          }
          checked++;
        }
      }
    }
    expect(checked).to.be.greaterThan(256 * 4 * 5);
  });
});
