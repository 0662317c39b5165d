import { expect } from '@open-wc/testing';
import { FtmsParseError, parseTreadmillData, type TreadmillData } from '../../src/ble/ftms-treadmill.js';
import { expectParseError, hexBytes, thrownBy, toHex, view, viewOf } from './byte-helpers.js';
import { emptyTreadmillData, expectedShortMessage, expectedTreadmillData, referencePacket } from './treadmill-reference.js';

/** Every field null except those given; `moreData` false unless given. */
const td = (fields: Partial<TreadmillData>): TreadmillData => ({ ...emptyTreadmillData(false), ...fields });
const md = (fields: Partial<TreadmillData>): TreadmillData => ({ ...emptyTreadmillData(true), ...fields });

const rows: { name: string; hex: string; expected: TreadmillData }[] = [
  { name: 'flags 0: speed only, 10.8 km/h = 3 m/s', hex: '00 00 38 04', expected: td({ speedMps: 3 }) },
  { name: 'more data and nothing else', hex: '01 00', expected: md({}) },
  { name: 'more data: no speed, heart rate only', hex: '01 01 8c', expected: md({ heartRateBpm: 140 }) },
  {
    name: 'a typical treadmill: speed, distance, inclination, energy, heart rate, elapsed',
    hex: '8c 05 38 04 d2 04 00 0f 00 09 00 78 00 58 02 0a 96 58 02',
    expected: td({
      speedMps: 3,
      totalDistanceM: 1234,
      inclinationPercent: 1.5,
      rampAngleDegrees: 0.9,
      totalEnergyKcal: 120,
      energyPerHourKcal: 600,
      energyPerMinuteKcal: 10,
      heartRateBpm: 150,
      elapsedTimeS: 600,
    }),
  },
  {
    name: 'every field, in flag-bit order',
    hex: 'fe 1f 10 0e d8 09 a0 86 01 e7 ff f2 ff 7b 00 2d 00 32 00 47 00 f4 01 20 03 0d a5 78 10 0e 2c 01 ec ff 9c ff',
    expected: td({
      speedMps: 10,
      averageSpeedMps: 7,
      totalDistanceM: 100000,
      inclinationPercent: -2.5,
      rampAngleDegrees: -1.4,
      positiveElevationGainM: 12.3,
      negativeElevationGainM: 4.5,
      instantaneousPaceSPer500m: 50,
      averagePaceSPer500m: 71,
      totalEnergyKcal: 500,
      energyPerHourKcal: 800,
      energyPerMinuteKcal: 13,
      heartRateBpm: 165,
      metabolicEquivalent: 12,
      elapsedTimeS: 3600,
      remainingTimeS: 300,
      forceOnBeltN: -20,
      powerOutputW: -100,
    }),
  },
  {
    name: 'every field but speed (more data)',
    hex: 'ff 1f d8 09 a0 86 01 e7 ff f2 ff 7b 00 2d 00 32 00 47 00 f4 01 20 03 0d a5 78 10 0e 2c 01 ec ff 9c ff',
    expected: md({
      averageSpeedMps: 7,
      totalDistanceM: 100000,
      inclinationPercent: -2.5,
      rampAngleDegrees: -1.4,
      positiveElevationGainM: 12.3,
      negativeElevationGainM: 4.5,
      instantaneousPaceSPer500m: 50,
      averagePaceSPer500m: 71,
      totalEnergyKcal: 500,
      energyPerHourKcal: 800,
      energyPerMinuteKcal: 13,
      heartRateBpm: 165,
      metabolicEquivalent: 12,
      elapsedTimeS: 3600,
      remainingTimeS: 300,
      forceOnBeltN: -20,
      powerOutputW: -100,
    }),
  },

  // Speed: uint16 in 0.01 km/h, returned in m/s.
  { name: 'zero speed', hex: '00 00 00 00', expected: td({ speedMps: 0 }) },
  { name: '36 km/h = 10 m/s', hex: '00 00 10 0e', expected: td({ speedMps: 10 }) },
  { name: 'little-endian speed', hex: '00 00 01 02', expected: td({ speedMps: 0x0201 / 360 }) },
  { name: 'top speed 655.35 km/h is unsigned', hex: '00 00 ff ff', expected: td({ speedMps: 65535 / 360 }) },
  { name: 'average speed 25.2 km/h = 7 m/s', hex: '03 00 d8 09', expected: md({ averageSpeedMps: 7 }) },

  // "Data Not Available" codes become null; the code below them is still a reading.
  { name: 'inclination not available', hex: '09 00 ff 7f 05 00', expected: md({ inclinationPercent: null, rampAngleDegrees: 0.5 }) },
  { name: 'ramp angle not available', hex: '09 00 0a 00 ff 7f', expected: md({ inclinationPercent: 1, rampAngleDegrees: null }) },
  { name: 'inclination and ramp angle not available', hex: '09 00 ff 7f ff 7f', expected: md({}) },
  { name: '0x7ffe inclination and ramp angle are readings', hex: '09 00 fe 7f fe 7f', expected: md({ inclinationPercent: 3276.6, rampAngleDegrees: 3276.6 }) },
  { name: 'energy not available', hex: '81 00 ff ff ff ff ff', expected: md({}) },
  { name: 'energy per hour alone not available', hex: '81 00 64 00 ff ff 05', expected: md({ totalEnergyKcal: 100, energyPerMinuteKcal: 5 }) },
  { name: 'energy per minute alone not available', hex: '81 00 64 00 58 02 ff', expected: md({ totalEnergyKcal: 100, energyPerHourKcal: 600 }) },
  { name: 'energy one below the codes is a reading', hex: '81 00 fe ff fe ff fe', expected: md({ totalEnergyKcal: 65534, energyPerHourKcal: 65534, energyPerMinuteKcal: 254 }) },
  { name: 'force on belt not available', hex: '01 10 ff 7f 2c 01', expected: md({ powerOutputW: 300 }) },
  { name: 'power output not available', hex: '01 10 f4 01 ff 7f', expected: md({ forceOnBeltN: 500 }) },
  { name: 'heart rate 255 has no code: a reading', hex: '01 01 ff', expected: md({ heartRateBpm: 255 }) },
  // A treadmill with no strap worn and no hands on its grips sends 0: no heart rate, not 0 bpm.
  { name: 'heart rate 0 is no heart rate, and says the field was there', hex: '01 01 00', expected: md({ heartRateNotAvailable: true }) },
  { name: 'heart rate left out of a split record is not "not available"', hex: '01 00', expected: md({}) },
  { name: 'heart rate 1 is a reading', hex: '01 01 01', expected: md({ heartRateBpm: 1 }) },
  {
    name: 'heart rate 0 beside speed, distance and elapsed time',
    hex: '04 05 38 04 d2 04 00 00 58 02',
    expected: td({ speedMps: 3, totalDistanceM: 1234, elapsedTimeS: 600, heartRateNotAvailable: true }),
  },
  // The elevation pair has no code in the spec; 0x7FFF (the signed fields' code) and 0xFFFF
  // (uint16's) are what treadmills send for none, never a 3276.7 m or 6553.5 m climb.
  { name: 'negative elevation gain 0x7fff is no reading', hex: '11 00 2d 00 ff 7f', expected: md({ positiveElevationGainM: 4.5 }) },
  { name: 'positive elevation gain 0x7fff is no reading', hex: '11 00 ff 7f 2d 00', expected: md({ negativeElevationGainM: 4.5 }) },
  { name: 'elevation gains 0xffff are no reading', hex: '11 00 ff ff ff ff', expected: md({}) },
  { name: 'elevation gains around the codes are readings', hex: '11 00 fe 7f 00 80', expected: md({ positiveElevationGainM: 3276.6, negativeElevationGainM: 3276.8 }) },
  { name: 'elapsed 0xffff has no code: a reading', hex: '01 04 ff ff', expected: md({ elapsedTimeS: 65535 }) },
  { name: 'remaining 0xffff has no code: a reading', hex: '01 08 ff ff', expected: md({ remainingTimeS: 65535 }) },
  { name: 'pace 0xffff has no code: a reading', hex: '61 00 ff ff ff ff', expected: md({ instantaneousPaceSPer500m: 65535, averagePaceSPer500m: 65535 }) },
  { name: 'metabolic equivalent 0xff is 25.5', hex: '01 02 ff', expected: md({ metabolicEquivalent: 25.5 }) },
  { name: 'total distance is a 24-bit unsigned field', hex: '05 00 ff ff ff', expected: md({ totalDistanceM: 16777215 }) },
  { name: 'little-endian distance', hex: '05 00 01 02 03', expected: md({ totalDistanceM: 0x030201 }) },

  // Signs: inclination, ramp angle, force and power are sint16; the elevation pair is unsigned.
  { name: 'negative inclination -0.1 %', hex: '09 00 ff ff 00 00', expected: md({ inclinationPercent: -0.1, rampAngleDegrees: 0 }) },
  { name: 'negative ramp angle -10 degrees', hex: '09 00 00 00 9c ff', expected: md({ inclinationPercent: 0, rampAngleDegrees: -10 }) },
  { name: 'lowest inclination and ramp angle', hex: '09 00 00 80 00 80', expected: md({ inclinationPercent: -3276.8, rampAngleDegrees: -3276.8 }) },
  { name: 'elevation gains are unsigned', hex: '11 00 fe ff 00 80', expected: md({ positiveElevationGainM: 6553.4, negativeElevationGainM: 3276.8 }) },
  { name: 'descent counts up in negative elevation gain', hex: '11 00 00 00 2d 00', expected: md({ positiveElevationGainM: 0, negativeElevationGainM: 4.5 }) },
  { name: 'negative force and power', hex: '01 10 00 80 9c ff', expected: md({ forceOnBeltN: -32768, powerOutputW: -100 }) },
  { name: 'positive force and power', hex: '01 10 64 00 c8 00', expected: md({ forceOnBeltN: 100, powerOutputW: 200 }) },

  // Pace: 2 bytes (seconds per 500 m) in the current table; a packet exactly as long as FTMS 1.0's
  // 1-byte reading (0.1 km/min) promises is read that way, and every later field stays in place.
  { name: '2-byte pace, 100 s per 500 m (18 km/h)', hex: '21 00 64 00', expected: md({ instantaneousPaceSPer500m: 100 }) },
  { name: '1-byte pace, 0.3 km/min (18 km/h)', hex: '21 00 03', expected: md({ instantaneousPaceKmPerMin: 0.3 }) },
  { name: '1-byte average pace alone', hex: '41 00 02', expected: md({ averagePaceKmPerMin: 0.2 }) },
  { name: 'both 1-byte paces', hex: '61 00 32 00', expected: md({ instantaneousPaceKmPerMin: 5, averagePaceKmPerMin: 0 }) },
  {
    name: 'a treadmill built to FTMS 1.0: speed, distance, 1-byte paces, energy, heart rate, elapsed',
    hex: 'e4 05 38 04 d2 04 00 02 02 78 00 58 02 0a 96 58 02',
    expected: td({
      speedMps: 3,
      totalDistanceM: 1234,
      instantaneousPaceKmPerMin: 0.2,
      averagePaceKmPerMin: 0.2,
      totalEnergyKcal: 120,
      energyPerHourKcal: 600,
      energyPerMinuteKcal: 10,
      heartRateBpm: 150,
      elapsedTimeS: 600,
    }),
  },
  {
    name: 'the same record with 2-byte paces',
    hex: 'e4 05 38 04 d2 04 00 a6 00 b4 00 78 00 58 02 0a 96 58 02',
    expected: td({
      speedMps: 3,
      totalDistanceM: 1234,
      instantaneousPaceSPer500m: 166,
      averagePaceSPer500m: 180,
      totalEnergyKcal: 120,
      energyPerHourKcal: 600,
      energyPerMinuteKcal: 10,
      heartRateBpm: 150,
      elapsedTimeS: 600,
    }),
  },
  {
    name: '1-byte pace before force and power (signs kept in place)',
    hex: '21 10 04 9c ff 2c 01',
    expected: md({ instantaneousPaceKmPerMin: 0.4, forceOnBeltN: -100, powerOutputW: 300 }),
  },
];

describe('parseTreadmillData', () => {
  for (const { name, hex, expected } of rows) {
    const bytes = hexBytes(hex);

    it(`${name}: ${hex}`, () => {
      expect(parseTreadmillData(viewOf(bytes))).to.deep.equal(expected);
      // The independent reading agrees, so the exhaustive tests below check the same thing.
      expect(expectedTreadmillData(bytes)).to.deep.equal(expected);
    });

    it(`${name}: reserved flag bits 13-15 are ignored`, () => {
      const withReserved = [bytes[0]!, bytes[1]! | 0xe0, ...bytes.slice(2)];
      expect(parseTreadmillData(viewOf(withReserved))).to.deep.equal(expected);
    });

    const onePace = expected.instantaneousPaceKmPerMin !== null || expected.averagePaceKmPerMin !== null;
    if (!onePace) {
      it(`${name}: trailing bytes are ignored`, () => {
        expect(parseTreadmillData(viewOf([...bytes, 0xde, 0xad, 0xbe, 0xef]))).to.deep.equal(expected);
      });
    }

    it(`${name}: every truncation throws FtmsParseError, but at the length of the 1-byte pace reading`, () => {
      for (let length = 0; length < bytes.length; length++) {
        const cut = viewOf(bytes, length);
        if (expectedShortMessage(bytes[0]! | (bytes[1]! << 8), length) === null) {
          expect(parseTreadmillData(cut)).to.deep.equal(expectedTreadmillData(bytes.slice(0, length)));
        } else {
          expectParseError(FtmsParseError, () => parseTreadmillData(cut));
        }
      }
    });
  }

  // A 1-byte-pace packet with bytes after it that make up the 2-byte length is read the current
  // way (the tie rule): the table the Bluetooth SIG publishes now wins.
  it('a 1-byte-pace packet plus two bytes is read with 2-byte pace', () => {
    expect(parseTreadmillData(view('61 00 32 00 de ad'))).to.deep.equal(md({ instantaneousPaceSPer500m: 0x32, averagePaceSPer500m: 0xadde }));
  });

  const messages: { hex: string; message: string }[] = [
    { hex: '', message: 'Treadmill data too short: 0 bytes, the flags needs 2' },
    { hex: '00', message: 'Treadmill data too short: 1 bytes, the flags needs 2' },
    { hex: '00 00', message: 'Treadmill data too short: 2 bytes, instantaneous speed needs 4' },
    { hex: '00 00 38', message: 'Treadmill data too short: 3 bytes, instantaneous speed needs 4' },
    { hex: '02 00 38 04', message: 'Treadmill data too short: 4 bytes, average speed needs 6' },
    { hex: '05 00 01 02', message: 'Treadmill data too short: 4 bytes, total distance needs 5' },
    { hex: '09 00 01', message: 'Treadmill data too short: 3 bytes, inclination needs 4' },
    { hex: '09 00 01 00', message: 'Treadmill data too short: 4 bytes, ramp angle setting needs 6' },
    { hex: '11 00 01 00 02', message: 'Treadmill data too short: 5 bytes, negative elevation gain needs 6' },
    // Past the fields before pace, a packet must fit one pace width exactly or be long enough for 2 bytes.
    { hex: '21 00', message: 'Treadmill data fits neither pace width: 2 bytes, but its flags promise 4 with 2-byte pace fields, or 3 with 1-byte ones as in FTMS 1.0' },
    { hex: '61 00 32', message: 'Treadmill data fits neither pace width: 3 bytes, but its flags promise 6 with 2-byte pace fields, or 4 with 1-byte ones as in FTMS 1.0' },
    { hex: '61 00 32 00 47', message: 'Treadmill data fits neither pace width: 5 bytes, but its flags promise 6 with 2-byte pace fields, or 4 with 1-byte ones as in FTMS 1.0' },
    {
      hex: 'e4 05 38 04 d2 04 00 02 02 78 00 58 02 0a 96 58',
      message: 'Treadmill data fits neither pace width: 16 bytes, but its flags promise 19 with 2-byte pace fields, or 17 with 1-byte ones as in FTMS 1.0',
    },
    {
      hex: 'e4 05 38 04 d2 04 00 02 02 78 00 58 02 0a 96 58 02 00',
      message: 'Treadmill data fits neither pace width: 18 bytes, but its flags promise 19 with 2-byte pace fields, or 17 with 1-byte ones as in FTMS 1.0',
    },
    { hex: '11 00 2d 00 ff', message: 'Treadmill data too short: 5 bytes, negative elevation gain needs 6' },
    { hex: 'e4 05 38 04 d2 04', message: 'Treadmill data too short: 6 bytes, total distance needs 7' },
    { hex: '81 00 01 00 02 00', message: 'Treadmill data too short: 6 bytes, energy per minute needs 7' },
    { hex: '81 00 01 00 02', message: 'Treadmill data too short: 5 bytes, energy per hour needs 6' },
    { hex: '01 01', message: 'Treadmill data too short: 2 bytes, heart rate needs 3' },
    { hex: '01 02', message: 'Treadmill data too short: 2 bytes, metabolic equivalent needs 3' },
    { hex: '01 0c 10 0e', message: 'Treadmill data too short: 4 bytes, remaining time needs 6' },
    { hex: '01 10 01 00 02', message: 'Treadmill data too short: 5 bytes, power output needs 6' },
    {
      hex: 'fe 1f 10 0e d8 09 a0 86 01 e7 ff f2 ff 7b 00 2d 00 32 00 47 00 f4 01 20 03 0d a5 78 10 0e 2c 01 ec ff 9c',
      // Every field, pace included: one short of the 2-byte reading, one long for the 1-byte one.
      message: 'Treadmill data fits neither pace width: 35 bytes, but its flags promise 36 with 2-byte pace fields, or 34 with 1-byte ones as in FTMS 1.0',
    },
  ];
  for (const { hex, message } of messages) {
    it(`names the first missing field, or both pace readings: [${hex}]`, () => expectParseError(FtmsParseError, () => parseTreadmillData(view(hex)), message));
  }
});

// All 2^13 combinations of the defined flag bits, against the reference reading in
// treadmill-reference.ts. Chai stays out of the inner loops; the first disagreement is reported.
describe('parseTreadmillData on every flag combination', () => {
  const COMBINATIONS = 1 << 13;
  const BLOCK = 1024;

  for (let first = 0; first < COMBINATIONS; first += BLOCK) {
    it(`flags 0x${first.toString(16).padStart(4, '0')}-0x${(first + BLOCK - 1).toString(16).padStart(4, '0')}: values, reserved bits, trailing bytes and every truncation`, async () => {
      // With DevTools attached every Error records the async call stack too; after an await it
      // is nearly empty, and the ~150 000 truncations below take a second instead of four.
      await Promise.resolve();
      let truncations = 0;
      for (let flags = first; flags < first + BLOCK; flags++) {
        // With pace fields, both widths: the current 2 bytes and FTMS 1.0's 1 byte.
        for (const paceBytes of flags & 0x60 ? ([2, 1] as const) : ([2] as const)) {
          const bytes = referencePacket(flags, paceBytes);
          const expected = JSON.stringify(expectedTreadmillData(bytes));
          const context = `flags 0x${flags.toString(16)}, ${paceBytes}-byte pace [${toHex(bytes)}]`;
          const reserved = [bytes[0]!, bytes[1]! | 0xe0, ...bytes.slice(2)];
          const variants: [string, number[]][] = [['', bytes], [' with reserved bits', reserved]];
          // Bytes after a 1-byte-pace packet make it another reading (the tie rule, tested above).
          if (paceBytes === 2) variants.push([' with trailing bytes', [...bytes, 0x7f, 0xff]]);
          for (const [variant, packet] of variants) {
            const actual = JSON.stringify(parseTreadmillData(viewOf(packet)));
            if (actual !== expected) expect(actual, context + variant).to.equal(expected);
          }

          for (let length = 0; length < bytes.length; length++) {
            const want = expectedShortMessage(flags, length);
            if (want === null) {
              // A 2-byte-pace packet cut to the 1-byte reading's length is read that way.
              const actual = JSON.stringify(parseTreadmillData(viewOf(bytes, length)));
              const read = JSON.stringify(expectedTreadmillData(bytes.slice(0, length)));
              if (actual !== read) expect(actual, `${context} cut to ${length} bytes`).to.equal(read);
              continue;
            }
            const error = thrownBy(() => parseTreadmillData(viewOf(bytes, length)));
            if (!(error instanceof FtmsParseError) || error.message !== want) {
              expect.fail(`${context} cut to ${length} bytes: expected FtmsParseError "${want}", got ${String(error)}`);
            }
            truncations++;
          }
        }
      }
      expect(truncations).to.be.greaterThan(BLOCK * 10);
    });
  }
});
