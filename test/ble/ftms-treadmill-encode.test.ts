import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encodeTreadmillData } from '../../src/ble/ftms-treadmill-encode.js';
import { parseTreadmillData, type TreadmillData } from '../../src/ble/ftms-treadmill.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { toHex, viewOf } from './byte-helpers.js';
import { emptyTreadmillData, expectedTreadmillData, promisedLength, referencePacket, TREADMILL_FIELDS } from './treadmill-reference.js';

const td = (fields: Partial<TreadmillData>): TreadmillData => ({ ...emptyTreadmillData(false), ...fields });
const md = (fields: Partial<TreadmillData>): TreadmillData => ({ ...emptyTreadmillData(true), ...fields });
const parse = (bytes: Uint8Array): TreadmillData => parseTreadmillData(viewOf(bytes));

const everyField: TreadmillData = td({
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
});

describe('encodeTreadmillData', () => {
  // Values already at the characteristic's resolution: bytes are exact and parsing gives them back.
  const exact: { name: string; fields: TreadmillData; hex: string }[] = [
    { name: 'speed only', fields: td({ speedMps: 3 }), hex: '00 00 38 04' },
    { name: 'more data, nothing else', fields: md({}), hex: '01 00' },
    {
      name: 'a typical treadmill',
      fields: td({ speedMps: 3, totalDistanceM: 1234, inclinationPercent: 1.5, rampAngleDegrees: 0.9, totalEnergyKcal: 120, energyPerHourKcal: 600, energyPerMinuteKcal: 10, heartRateBpm: 150, elapsedTimeS: 600 }),
      hex: '8c 05 38 04 d2 04 00 0f 00 09 00 78 00 58 02 0a 96 58 02',
    },
    { name: 'every field', fields: everyField, hex: 'fe 1f 10 0e d8 09 a0 86 01 e7 ff f2 ff 7b 00 2d 00 32 00 47 00 f4 01 20 03 0d a5 78 10 0e 2c 01 ec ff 9c ff' },
    { name: 'every field but speed', fields: { ...everyField, moreData: true, speedMps: null }, hex: 'ff 1f d8 09 a0 86 01 e7 ff f2 ff 7b 00 2d 00 32 00 47 00 f4 01 20 03 0d a5 78 10 0e 2c 01 ec ff 9c ff' },
    { name: 'negative inclination and power', fields: md({ inclinationPercent: -0.1, rampAngleDegrees: 0, forceOnBeltN: -32768, powerOutputW: -100 }), hex: '09 10 ff ff 00 00 00 80 9c ff' },
    { name: 'elevation gains', fields: md({ positiveElevationGainM: 6553.4, negativeElevationGainM: 4.5 }), hex: '11 00 fe ff 2d 00' },
    { name: '1-byte pace (FTMS 1.0) when given in km per minute', fields: md({ instantaneousPaceKmPerMin: 0.3, averagePaceKmPerMin: 0.2 }), hex: '61 00 03 02' },
    {
      name: '1-byte paces among the other fields',
      fields: td({ speedMps: 3, totalDistanceM: 1234, instantaneousPaceKmPerMin: 0.2, averagePaceKmPerMin: 0.2, totalEnergyKcal: 120, energyPerHourKcal: 600, energyPerMinuteKcal: 10, heartRateBpm: 150, elapsedTimeS: 600 }),
      hex: 'e4 05 38 04 d2 04 00 02 02 78 00 58 02 0a 96 58 02',
    },
    { name: '2-byte pace in seconds per 500 m', fields: md({ instantaneousPaceSPer500m: 166, averagePaceSPer500m: 180 }), hex: '61 00 a6 00 b4 00' },
    // A group with one number and one null sends "Data Not Available" for the null.
    { name: 'ramp angle not available', fields: md({ inclinationPercent: 1 }), hex: '09 00 0a 00 ff 7f' },
    { name: 'inclination not available', fields: md({ rampAngleDegrees: 0.5 }), hex: '09 00 ff 7f 05 00' },
    { name: 'only total energy available', fields: md({ totalEnergyKcal: 100 }), hex: '81 00 64 00 ff ff ff' },
    { name: 'only energy per minute available', fields: md({ energyPerMinuteKcal: 5 }), hex: '81 00 ff ff ff ff 05' },
    { name: 'force on belt not available', fields: md({ powerOutputW: 300 }), hex: '01 10 ff 7f 2c 01' },
    { name: 'power output not available', fields: md({ forceOnBeltN: 500 }), hex: '01 10 f4 01 ff 7f' },
    { name: 'positive elevation gain not available', fields: md({ negativeElevationGainM: 4.5 }), hex: '11 00 ff ff 2d 00' },
    { name: 'negative elevation gain not available', fields: md({ positiveElevationGainM: 1 }), hex: '11 00 0a 00 ff ff' },
  ];
  for (const row of exact) {
    it(`${row.name}: ${row.hex}`, () => {
      expect(toHex(encodeTreadmillData(row.fields))).to.equal(row.hex);
    });
    it(`${row.name}: round-trips through parseTreadmillData`, () => {
      expect(parse(encodeTreadmillData(row.fields))).to.deep.equal(row.fields);
    });
  }

  // Values between steps round to the nearest step; values beyond a field saturate, stopping one
  // short of a "not available" code so a reading never turns into "no reading".
  const rounded: { name: string; fields: TreadmillData; hex: string }[] = [
    { name: 'speed rounds to 0.01 km/h', fields: td({ speedMps: 3.001 }), hex: '00 00 38 04' },
    { name: 'speed clamps at 655.35 km/h', fields: td({ speedMps: 200 }), hex: '00 00 ff ff' },
    { name: 'negative speed clamps at 0', fields: td({ speedMps: -1 }), hex: '00 00 00 00' },
    { name: 'distance rounds to 1 m', fields: md({ totalDistanceM: 1234.4 }), hex: '05 00 d2 04 00' },
    { name: 'distance clamps at 2^24 - 1 m', fields: md({ totalDistanceM: 2 ** 24 }), hex: '05 00 ff ff ff' },
    { name: 'inclination rounds to 0.1 %', fields: md({ inclinationPercent: 1.26, rampAngleDegrees: -1.26 }), hex: '09 00 0d 00 f3 ff' },
    { name: 'inclination clamps below the not-available code', fields: md({ inclinationPercent: 4000, rampAngleDegrees: -4000 }), hex: '09 00 fe 7f 00 80' },
    { name: 'energies clamp below their not-available codes', fields: md({ totalEnergyKcal: 70000, energyPerHourKcal: 65535, energyPerMinuteKcal: 300 }), hex: '81 00 fe ff fe ff fe' },
    { name: 'heart rate clamps at 255', fields: md({ heartRateBpm: 300 }), hex: '01 01 ff' },
    { name: 'metabolic equivalent rounds to 0.1', fields: md({ metabolicEquivalent: 12.34 }), hex: '01 02 7b' },
    { name: 'force and power clamp below the not-available code', fields: md({ forceOnBeltN: 40000, powerOutputW: -40000 }), hex: '01 10 fe 7f 00 80' },
    { name: 'elapsed and remaining clamp at 0xffff', fields: md({ elapsedTimeS: 70000, remainingTimeS: -5 }), hex: '01 0c ff ff 00 00' },
    // The parser reads 0x7FFF and 0xFFFF in an elevation gain as no reading: a reading steps around them.
    { name: 'elevation 3276.7 m is sent as 3276.6', fields: md({ positiveElevationGainM: 3276.7, negativeElevationGainM: 3276.72 }), hex: '11 00 fe 7f fe 7f' },
    { name: 'elevation clamps below 0xffff', fields: md({ positiveElevationGainM: 7000, negativeElevationGainM: 6553.5 }), hex: '11 00 fe ff fe ff' },
    { name: '1-byte pace rounds to 0.1 km/min and clamps at 25.5', fields: md({ instantaneousPaceKmPerMin: 0.26, averagePaceKmPerMin: 40 }), hex: '61 00 03 ff' },
    // 0 is how a treadmill says it has no heart rate; it parses back as none.
    { name: 'heart rate 0 is sent as 0', fields: md({ heartRateBpm: 0 }), hex: '01 01 00' },
    { name: 'no heart rate is sent as 0', fields: md({ heartRateNotAvailable: true }), hex: '01 01 00' },
  ];
  for (const row of rounded) {
    it(`${row.name}: ${row.hex}`, () => {
      expect(toHex(encodeTreadmillData(row.fields))).to.equal(row.hex);
    });
  }

  const invalid: { name: string; fields: TreadmillData; message: string }[] = [
    { name: 'no speed without more data', fields: td({}), message: 'speedMps is required when moreData is false' },
    { name: 'speed with more data', fields: md({ speedMps: 3 }), message: 'speedMps must be null when moreData is true' },
    {
      name: 'pace in both widths',
      fields: md({ instantaneousPaceSPer500m: 100, averagePaceKmPerMin: 0.3 }),
      message: 'pace is sent in one width per packet: give seconds per 500 m (2 bytes) or km per minute (1 byte, FTMS 1.0), not both',
    },
  ];
  for (const { name, fields, message } of invalid) {
    it(`throws TypeError: ${name}`, () => expect(() => encodeTreadmillData(fields)).to.throw(TypeError, message));
  }

  it('every flag combination and pace width: the parsed reference packet encodes back to the same bytes', () => {
    for (let flags = 0; flags < 1 << 13; flags++) {
      for (const paceBytes of [2, 1] as const) {
        const bytes = toHex(referencePacket(flags, paceBytes));
        const encoded = toHex(encodeTreadmillData(expectedTreadmillData(referencePacket(flags, paceBytes))));
        if (encoded !== bytes) expect(encoded, `flags 0x${flags.toString(16)}, ${paceBytes}-byte pace`).to.equal(bytes);
      }
    }
  });

  it('any valid packet survives parse → encode byte for byte, unless a whole group is "not available"', () => {
    // Flags without reserved bits, and exactly the bytes they promise.
    const packet = fc
      .record({ flags: fc.integer({ min: 0, max: 0x1fff }), body: fc.uint8Array({ minLength: 34, maxLength: 34 }) })
      .map(({ flags, body }) => Uint8Array.of(flags & 0xff, flags >>> 8, ...body.subarray(0, promisedLength(flags) - 2)));
    // Such a group parses to nulls only, the same as a group left out, so it cannot come back.
    const groups = [...new Set(TREADMILL_FIELDS.map((field) => field.bit))].map((bit) => TREADMILL_FIELDS.filter((field) => field.bit === bit));
    const wholeGroupNotAvailable = (flags: number, data: TreadmillData): boolean =>
      groups.some((group) => group[0]!.bit !== 0 && (flags & (1 << group[0]!.bit)) !== 0 && group.every((field) => data[field.key] === null));
    // An elevation gain has two codes for none; the encoder writes 0xFFFF, so 0x7FFF cannot come back.
    const elevationSentAs7fff = (bytes: Uint8Array): boolean => {
      const flags = bytes[0]! | (bytes[1]! << 8);
      if (!(flags & 0x10)) return false;
      const at = 2 + (flags & 1 ? 0 : 2) + (flags & 2 ? 2 : 0) + (flags & 4 ? 3 : 0) + (flags & 8 ? 4 : 0);
      return [at, at + 2].some((start) => bytes[start] === 0xff && bytes[start + 1] === 0x7f);
    };
    fc.assert(
      fc.property(packet, (bytes) => {
        const data = parse(bytes);
        fc.pre(!wholeGroupNotAvailable(bytes[0]! | (bytes[1]! << 8), data) && !elevationSentAs7fff(bytes));
        expect(toHex(encodeTreadmillData(data))).to.equal(toHex(bytes));
      }),
      { numRuns: invariantRuns(500), seed: 0x2acd },
    );
  });

  it('a group whose every field is null is left out', () => {
    expect(toHex(encodeTreadmillData(parse(Uint8Array.of(0x89, 0x10, 0xff, 0x7f, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0xff, 0x7f))))).to.equal('01 00');
  });

  it('any encodable value parses back to within half a step', () => {
    const maybe = <T,>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arbitrary, { freq: 3 });
    const double = (min: number, max: number): fc.Arbitrary<number> => fc.double({ min, max, noNaN: true });
    const value = fc
      .record({
        speedMps: maybe(double(0, 65535 / 360)),
        averageSpeedMps: maybe(double(0, 65535 / 360)),
        totalDistanceM: maybe(double(0, 0xffffff)),
        inclinationPercent: maybe(double(-3276.8, 3276.6)),
        rampAngleDegrees: maybe(double(-3276.8, 3276.6)),
        elevation: maybe(fc.tuple(maybe(double(0, 6553.4)), maybe(double(0, 6553.4)))),
        pace: fc.oneof(
          fc.record({ width: fc.constant(2 as const), instantaneous: maybe(fc.integer({ min: 0, max: 0xffff })), average: maybe(fc.integer({ min: 0, max: 0xffff })) }),
          fc.record({ width: fc.constant(1 as const), instantaneous: maybe(double(0, 25.5)), average: maybe(double(0, 25.5)) }),
        ),
        totalEnergyKcal: maybe(fc.integer({ min: 0, max: 0xfffe })),
        energyPerHourKcal: maybe(fc.integer({ min: 0, max: 0xfffe })),
        energyPerMinuteKcal: maybe(fc.integer({ min: 0, max: 0xfe })),
        heartRateBpm: maybe(fc.integer({ min: 1, max: 255 })),
        heartRateNotAvailable: fc.boolean(),
        metabolicEquivalent: maybe(double(0, 25.5)),
        elapsedTimeS: maybe(fc.integer({ min: 0, max: 0xffff })),
        remainingTimeS: maybe(fc.integer({ min: 0, max: 0xffff })),
        forceOnBeltN: maybe(fc.integer({ min: -0x8000, max: 0x7ffe })),
        powerOutputW: maybe(fc.integer({ min: -0x8000, max: 0x7ffe })),
      })
      .map(({ elevation, pace, ...rest }): TreadmillData => ({
        ...rest,
        moreData: rest.speedMps === null,
        // "Not available" is the heart-rate field sent as 0, so only where no heart rate is given.
        heartRateNotAvailable: rest.heartRateBpm === null && rest.heartRateNotAvailable,
        positiveElevationGainM: elevation === null ? null : elevation[0],
        negativeElevationGainM: elevation === null ? null : elevation[1],
        instantaneousPaceSPer500m: pace.width === 2 ? pace.instantaneous : null,
        averagePaceSPer500m: pace.width === 2 ? pace.average : null,
        instantaneousPaceKmPerMin: pace.width === 1 ? pace.instantaneous : null,
        averagePaceKmPerMin: pace.width === 1 ? pace.average : null,
      }));
    // Half a step of each field, with room for floating-point noise.
    const halfStep: Partial<Record<keyof TreadmillData, number>> = {
      speedMps: 0.5 / 360,
      averageSpeedMps: 0.5 / 360,
      totalDistanceM: 0.5,
      inclinationPercent: 0.05,
      rampAngleDegrees: 0.05,
      positiveElevationGainM: 0.05,
      negativeElevationGainM: 0.05,
      metabolicEquivalent: 0.05,
      instantaneousPaceKmPerMin: 0.05,
      averagePaceKmPerMin: 0.05,
    };
    // An elevation gain that rounds to 0x7FFF (a code for none) is sent one step below.
    const elevationStep = (given: number): number => (Math.round(given * 10) === 0x7fff ? 0.15 : 0.05);
    fc.assert(
      fc.property(value, (input) => {
        const output = parse(encodeTreadmillData(input));
        // Plain comparisons: 18 chai calls per run would cost more than the codec under test.
        for (const key of Object.keys(input) as (keyof TreadmillData)[]) {
          const given = input[key];
          const got = output[key];
          const step = typeof given === 'number' && key.endsWith('ElevationGainM') ? elevationStep(given) : (halfStep[key] ?? 0);
          const close = typeof given === 'number' && typeof got === 'number' ? Math.abs(got - given) <= step + 1e-6 : got === given;
          if (!close) expect.fail(`${key}: gave ${String(given)}, got back ${String(got)}`);
        }
      }),
      { numRuns: invariantRuns(500), seed: 0x1826 },
    );
  });
});
