import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseFitnessMachineFeature, parseInclinationRange, parseSpeedRange } from '../../src/ble/ftms-ranges.js';
import { FtmsParseError } from '../../src/ble/ftms-treadmill.js';
import { SUPPORTED_INCLINATION_RANGE_UUID, SUPPORTED_SPEED_RANGE_UUID } from '../../src/ble/gatt-uuids.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { expectParseError, thrownBy, view, viewOf } from './byte-helpers.js';

describe('Supported Speed Range (0x2AD4)', () => {
  it('reads 1.00 to 20.00 km/h in 0.10 steps', () => {
    // 100 = 64 00, 2000 = d0 07, 10 = 0a 00
    expect(parseSpeedRange(view('64 00 d0 07 0a 00'))).to.deep.equal({ minKmh: 1, maxKmh: 20, incrementKmh: 0.1 });
  });
  it('reads the largest uint16 as 655.35 km/h', () => {
    expect(parseSpeedRange(view('00 00 ff ff 01 00'))).to.deep.equal({ minKmh: 0, maxKmh: 655.35, incrementKmh: 0.01 });
  });
  for (const hex of ['', '64', '64 00 d0 07 0a']) {
    it(`refuses ${hex.split(' ').filter(Boolean).length} bytes`, () =>
      expectParseError(FtmsParseError, () => parseSpeedRange(view(hex)), `Supported Speed Range needs 6 bytes, got ${hex.split(' ').filter(Boolean).length}`));
  }
  it('reads a minimum above the maximum as sent (whether a belt can be driven by it is judged elsewhere)', () => {
    expect(parseSpeedRange(view('d0 07 64 00 0a 00'))).to.deep.equal({ minKmh: 20, maxKmh: 1, incrementKmh: 0.1 });
  });
  it('keeps the range of a zero increment, stepping by the field’s 0.01 km/h', () => {
    expect(parseSpeedRange(view('64 00 d0 07 00 00'))).to.deep.equal({ minKmh: 1, maxKmh: 20, incrementKmh: 0.01 });
  });
});

describe('Supported Inclination Range (0x2AD5)', () => {
  it('reads -3.0 % to 15.0 % in 0.5 steps (sint16 minimum)', () => {
    // -30 = e2 ff, 150 = 96 00, 5 = 05 00
    expect(parseInclinationRange(view('e2 ff 96 00 05 00'))).to.deep.equal({ minPercent: -3, maxPercent: 15, incrementPercent: 0.5 });
  });
  it('reads a negative maximum', () => {
    expect(parseInclinationRange(view('00 80 ff ff 01 00'))).to.deep.equal({ minPercent: -3276.8, maxPercent: -0.1, incrementPercent: 0.1 });
  });
  it('refuses 5 bytes', () =>
    expectParseError(FtmsParseError, () => parseInclinationRange(view('e2 ff 96 00 05')), 'Supported Inclination Range needs 6 bytes, got 5'));
  it('reads a minimum above the maximum as sent', () => {
    expect(parseInclinationRange(view('96 00 e2 ff 05 00'))).to.deep.equal({ minPercent: 15, maxPercent: -3, incrementPercent: 0.5 });
  });
  it('keeps the range of a zero increment, stepping by the field’s 0.1 %', () => {
    expect(parseInclinationRange(view('e2 ff 96 00 00 00'))).to.deep.equal({ minPercent: -3, maxPercent: 15, incrementPercent: 0.1 });
  });
});

describe('Fitness Machine Feature (0x2ACC)', () => {
  const rows = [
    { hex: '00 00 00 00 00 00 00 00', speed: false, incline: false },
    { hex: '0c 00 00 00 01 00 00 00', speed: true, incline: false },
    { hex: '0c 00 00 00 02 00 00 00', speed: false, incline: true },
    // a treadmill (avg speed, distance, incline …) that takes speed and incline targets
    { hex: '0d 34 00 00 03 00 00 00', speed: true, incline: true },
    // machine feature bits 0 and 1 set must not be read as target settings
    { hex: '03 00 00 00 fc ff ff ff', speed: false, incline: false },
  ];
  for (const { hex, speed, incline } of rows) {
    it(`${hex}: speed target ${speed}, inclination target ${incline}`, () => {
      const feature = parseFitnessMachineFeature(view(hex));
      expect([feature.speedTargetSupported, feature.inclinationTargetSupported]).to.deep.equal([speed, incline]);
    });
  }
  it('keeps both uint32 fields raw', () => {
    const feature = parseFitnessMachineFeature(view('0d 34 00 80 03 00 00 80'));
    expect([feature.machineFeatures, feature.targetSettingFeatures]).to.deep.equal([0x8000340d, 0x80000003]);
  });
  it('refuses 7 bytes', () =>
    expectParseError(FtmsParseError, () => parseFitnessMachineFeature(view('0d 34 00 00 03 00 00')), 'Fitness Machine Feature needs 8 bytes, got 7'));
});

describe('range and feature parsers: properties', () => {
  const le16 = (value: number): number[] => [value & 0xff, (value >> 8) & 0xff];

  it('speed and inclination ranges read back the fields they were built from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 1, max: 0xffff }), (a, b, inc) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const speed = parseSpeedRange(viewOf([...le16(min), ...le16(max), ...le16(inc)]));
        expect(speed).to.deep.equal({ minKmh: min / 100, maxKmh: max / 100, incrementKmh: inc / 100 });
        const [smin, smax] = [min - 0x8000, max - 0x8000];
        const incline = parseInclinationRange(viewOf([...le16(smin), ...le16(smax), ...le16(inc)]));
        expect(incline).to.deep.equal({ minPercent: smin / 10, maxPercent: smax / 10, incrementPercent: inc / 10 });
      }),
      { numRuns: invariantRuns(200) },
    );
  });

  it('random bytes: a value or FtmsParseError, never another exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        for (const parse of [parseSpeedRange, parseInclinationRange, parseFitnessMachineFeature]) {
          const caught = thrownBy(() => parse(viewOf(bytes)));
          if (caught !== null) expect(caught).to.be.instanceOf(FtmsParseError);
          else expect(bytes.length).to.be.at.least(parse === parseFitnessMachineFeature ? 8 : 6);
        }
      }),
      { numRuns: invariantRuns(500) },
    );
  });

  it('UUIDs are the SIG numbers', () => {
    expect([SUPPORTED_SPEED_RANGE_UUID, SUPPORTED_INCLINATION_RANGE_UUID]).to.deep.equal([
      '00002ad4-0000-1000-8000-00805f9b34fb',
      '00002ad5-0000-1000-8000-00805f9b34fb',
    ]);
  });
});
