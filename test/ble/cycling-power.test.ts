import { expect } from '@open-wc/testing';
import { encodeCyclingPowerMeasurement, powerOnly } from '../../src/ble/cycling-power-encode.js';
import { type CyclingPowerMeasurement, CyclingPowerParseError, parseCyclingPowerMeasurement } from '../../src/ble/cycling-power.js';
import { expectParseError, hexBytes, toHex, view, viewOf } from './byte-helpers.js';

type Fields = Omit<CyclingPowerMeasurement, 'flags'>;
const power = (powerW: number, fields: Partial<Fields> = {}): Fields => powerOnly(powerW, fields);

// Written by hand from the spec's field table: flags (uint16), power (sint16), then each field its
// flag announces, little-endian.
const EVERYTHING_HEX =
  'ff 1f fa 00 65 40 01 45 23 01 00 00 08 02 01 00 02 2c 01 ec ff 40 00 e0 ff bc 3a 12 0a 00 be 00 e8 03';
const rows: { name: string; hex: string; flags: number; expected: Fields }[] = [
  { name: 'Stryd-like: power only', hex: '00 00 fa 00', flags: 0, expected: power(250) },
  { name: 'zero power', hex: '00 00 00 00', flags: 0, expected: power(0) },
  { name: 'negative power', hex: '00 00 fb ff', flags: 0, expected: power(-5) },
  { name: 'most power', hex: '00 00 ff 7f', flags: 0, expected: power(32767) },
  { name: 'least power', hex: '00 00 00 80', flags: 0, expected: power(-32768) },
  { name: 'power above 255, little-endian', hex: '00 00 2c 01', flags: 0, expected: power(300) },
  { name: 'balance, whose share unknown', hex: '01 00 c8 00 64', flags: 1, expected: power(200, { pedalPowerBalancePercent: 50 }) },
  { name: 'balance, the left share, in 1/2 %', hex: '03 00 c8 00 65', flags: 3, expected: power(200, { pedalPowerBalancePercent: 50.5, pedalPowerBalanceReference: 'left' }) },
  { name: 'accumulated torque at the wheel, 1/32 Nm', hex: '04 00 64 00 40 01', flags: 4, expected: power(100, { accumulatedTorqueNm: 10 }) },
  { name: 'accumulated torque at the crank', hex: '0c 00 64 00 41 01', flags: 0x0c, expected: power(100, { accumulatedTorqueNm: 321 / 32, accumulatedTorqueSource: 'crank' }) },
  {
    name: 'wheel revolutions uint32, event time 1/2048 s',
    hex: '10 00 00 00 45 23 01 00 00 08',
    flags: 0x10,
    expected: power(0, { wheelRevolutions: { revolutions: 0x12345, lastEventTimeS: 1 } }),
  },
  { name: 'crank revolutions uint16, event time 1/1024 s', hex: '20 00 96 00 02 01 00 02', flags: 0x20, expected: power(150, { crankRevolutions: { revolutions: 258, lastEventTimeS: 0.5 } }) },
  { name: 'extreme forces, signed N', hex: '40 00 00 00 2c 01 ec ff', flags: 0x40, expected: power(0, { extremeForcesN: { max: 300, min: -20 } }) },
  { name: 'extreme torques, signed 1/32 Nm', hex: '80 00 00 00 40 00 e0 ff', flags: 0x80, expected: power(0, { extremeTorquesNm: { max: 2, min: -1 } }) },
  // The spec's own example: maximum 0xABC, minimum 0x123 go as 0x123ABC.
  { name: 'extreme angles, two 12-bit values in a uint24', hex: '00 01 00 00 bc 3a 12', flags: 0x100, expected: power(0, { extremeAnglesDeg: { max: 0xabc, min: 0x123 } }) },
  { name: 'top dead spot angle', hex: '00 02 00 00 0a 00', flags: 0x200, expected: power(0, { topDeadSpotAngleDeg: 10 }) },
  { name: 'bottom dead spot angle', hex: '00 04 00 00 be 00', flags: 0x400, expected: power(0, { bottomDeadSpotAngleDeg: 190 }) },
  { name: 'accumulated energy, kJ', hex: '00 08 00 00 e8 03', flags: 0x800, expected: power(0, { accumulatedEnergyKj: 1000 }) },
  { name: 'offset compensation carries no field', hex: '00 10 00 00', flags: 0x1000, expected: power(0, { offsetCompensation: true }) },
  {
    name: 'several: balance, crank revolutions, energy',
    hex: '21 08 fa 00 64 02 01 00 02 e8 03',
    flags: 0x821,
    expected: power(250, { pedalPowerBalancePercent: 50, crankRevolutions: { revolutions: 258, lastEventTimeS: 0.5 }, accumulatedEnergyKj: 1000 }),
  },
  {
    name: 'top and bottom dead spot angles keep their order',
    hex: '00 06 00 00 0a 00 be 00',
    flags: 0x600,
    expected: power(0, { topDeadSpotAngleDeg: 10, bottomDeadSpotAngleDeg: 190 }),
  },
  {
    name: 'everything',
    hex: EVERYTHING_HEX,
    flags: 0x1fff,
    expected: power(250, {
      pedalPowerBalancePercent: 50.5,
      pedalPowerBalanceReference: 'left',
      accumulatedTorqueNm: 10,
      accumulatedTorqueSource: 'crank',
      wheelRevolutions: { revolutions: 0x12345, lastEventTimeS: 1 },
      crankRevolutions: { revolutions: 258, lastEventTimeS: 0.5 },
      extremeForcesN: { max: 300, min: -20 },
      extremeTorquesNm: { max: 2, min: -1 },
      extremeAnglesDeg: { max: 0xabc, min: 0x123 },
      topDeadSpotAngleDeg: 10,
      bottomDeadSpotAngleDeg: 190,
      accumulatedEnergyKj: 1000,
      offsetCompensation: true,
    }),
  },
];

describe('parseCyclingPowerMeasurement', () => {
  for (const { name, hex, flags, expected } of rows) {
    const bytes = hexBytes(hex);
    it(`${name}: ${hex}`, () => {
      expect(parseCyclingPowerMeasurement(viewOf(bytes))).to.deep.equal({ flags, ...expected });
    });
    it(`${name}: reserved flag bits 13-15 are ignored`, () => {
      const reserved = [bytes[0]!, bytes[1]! | 0xe0, ...bytes.slice(2)];
      expect(parseCyclingPowerMeasurement(viewOf(reserved))).to.deep.equal({ flags: flags | 0xe000, ...expected });
    });
    it(`${name}: trailing bytes are ignored`, () => {
      expect(parseCyclingPowerMeasurement(viewOf([...bytes, 0xde, 0xad, 0xbe]))).to.deep.equal({ flags, ...expected });
    });
    it(`${name}: every shorter cut throws CyclingPowerParseError`, () => {
      for (let length = 0; length < bytes.length; length++) {
        expectParseError(CyclingPowerParseError, () => parseCyclingPowerMeasurement(viewOf(bytes, length)));
      }
    });
  }

  // Each field of the everything packet cut short, by hand: the field and the length it needs.
  const ends: [string, number][] = [
    ['the flags', 2],
    ['instantaneous power', 4],
    ['pedal power balance', 5],
    ['accumulated torque', 7],
    ['cumulative wheel revolutions', 11],
    ['last wheel event time', 13],
    ['cumulative crank revolutions', 15],
    ['last crank event time', 17],
    ['maximum force magnitude', 19],
    ['minimum force magnitude', 21],
    ['maximum torque magnitude', 23],
    ['minimum torque magnitude', 25],
    ['extreme angles', 28],
    ['top dead spot angle', 30],
    ['bottom dead spot angle', 32],
    ['accumulated energy', 34],
  ];
  it('the everything packet cut inside each field names that field and the bytes it needs', () => {
    const bytes = hexBytes(EVERYTHING_HEX);
    expect(bytes.length).to.equal(34);
    let start = 0;
    for (const [field, end] of ends) {
      for (let length = start; length < end; length++) {
        expectParseError(CyclingPowerParseError, () => parseCyclingPowerMeasurement(viewOf(bytes, length)), `Cycling power measurement too short: ${length} bytes, ${field} needs ${end}`);
      }
      start = end;
    }
  });

  const messages: { hex: string; message: string }[] = [
    { hex: '', message: 'Cycling power measurement too short: 0 bytes, the flags needs 2' },
    { hex: '00', message: 'Cycling power measurement too short: 1 bytes, the flags needs 2' },
    { hex: '00 00 fa', message: 'Cycling power measurement too short: 3 bytes, instantaneous power needs 4' },
    // Fields announced but absent move the next one's offset: energy alone ends at byte 6.
    { hex: '00 08 00 00 e8', message: 'Cycling power measurement too short: 5 bytes, accumulated energy needs 6' },
    { hex: '20 00 96 00 02 01 00', message: 'Cycling power measurement too short: 7 bytes, last crank event time needs 8' },
    { hex: '00 01 00 00 bc 3a', message: 'Cycling power measurement too short: 6 bytes, extreme angles needs 7' },
  ];
  for (const { hex, message } of messages) {
    it(`rejects [${hex}]: ${message}`, () => expectParseError(CyclingPowerParseError, () => parseCyclingPowerMeasurement(view(hex)), message));
  }
});

describe('encodeCyclingPowerMeasurement', () => {
  for (const { name, hex, flags, expected } of rows) {
    it(`${name}: gives back ${hex}`, () => {
      expect(toHex(encodeCyclingPowerMeasurement(expected))).to.equal(hex);
      expect(encodeCyclingPowerMeasurement(expected)[0]! | (encodeCyclingPowerMeasurement(expected)[1]! << 8)).to.equal(flags);
    });
  }

  it('rounds to the resolution carried and clamps at the ends', () => {
    const bytes = encodeCyclingPowerMeasurement(
      power(40000, { pedalPowerBalancePercent: 200, extremeForcesN: { max: 1e6, min: -1e6 }, extremeAnglesDeg: { max: 5000, min: -3 }, accumulatedEnergyKj: 1e9, topDeadSpotAngleDeg: 10.4 }),
    );
    expect(parseCyclingPowerMeasurement(viewOf(bytes))).to.deep.include({
      powerW: 32767,
      pedalPowerBalancePercent: 127.5,
      extremeForcesN: { max: 32767, min: -32768 },
      extremeAnglesDeg: { max: 0xfff, min: 0 },
      accumulatedEnergyKj: 65535,
      topDeadSpotAngleDeg: 10,
    });
    expect(parseCyclingPowerMeasurement(viewOf(encodeCyclingPowerMeasurement(power(-40000)))).powerW).to.equal(-32768);
  });

  it('revolution counts wrap as a device does', () => {
    const bytes = encodeCyclingPowerMeasurement(power(0, { wheelRevolutions: { revolutions: 2 ** 32 + 5, lastEventTimeS: 33 }, crankRevolutions: { revolutions: 65537, lastEventTimeS: 65 } }));
    const parsed = parseCyclingPowerMeasurement(viewOf(bytes));
    expect(parsed.wheelRevolutions).to.deep.equal({ revolutions: 5, lastEventTimeS: 1 });
    expect(parsed.crankRevolutions).to.deep.equal({ revolutions: 1, lastEventTimeS: 1 });
  });
});
