import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  encodePause,
  encodeRequestControl,
  encodeReset,
  encodeSetTargetInclination,
  encodeSetTargetSpeed,
  encodeStartOrResume,
  encodeStop,
  describeRequestResult,
  parseControlPointIndication,
} from '../../src/ble/ftms-control-point.js';
import { FtmsParseError } from '../../src/ble/ftms-treadmill.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { expectParseError, thrownBy, toHex, view, viewOf } from './byte-helpers.js';

describe('FTMS control point requests', () => {
  const rows: { name: string; bytes: () => Uint8Array; hex: string }[] = [
    { name: 'request control', bytes: encodeRequestControl, hex: '00' },
    { name: 'reset', bytes: encodeReset, hex: '01' },
    { name: 'speed 12.00 km/h = 1200', bytes: () => encodeSetTargetSpeed(12), hex: '02 b0 04' },
    { name: 'speed 0', bytes: () => encodeSetTargetSpeed(0), hex: '02 00 00' },
    { name: 'speed 8.346 rounds to 8.35 = 835', bytes: () => encodeSetTargetSpeed(8.346), hex: '02 43 03' },
    { name: 'largest speed', bytes: () => encodeSetTargetSpeed(655.35), hex: '02 ff ff' },
    { name: 'incline 2.5 %', bytes: () => encodeSetTargetInclination(2.5), hex: '03 19 00' },
    { name: 'incline -1.0 % is two’s complement', bytes: () => encodeSetTargetInclination(-1), hex: '03 f6 ff' },
    { name: 'lowest incline', bytes: () => encodeSetTargetInclination(-3276.8), hex: '03 00 80' },
    { name: 'highest incline', bytes: () => encodeSetTargetInclination(3276.7), hex: '03 ff 7f' },
    { name: 'start or resume', bytes: encodeStartOrResume, hex: '07' },
    { name: 'stop', bytes: encodeStop, hex: '08 01' },
    { name: 'pause', bytes: encodePause, hex: '08 02' },
  ];
  for (const { name, bytes, hex } of rows) it(`${name} → ${hex}`, () => expect(toHex(bytes())).to.equal(hex));

  for (const kmh of [-0.01, 655.36, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`refuses speed ${kmh}`, () => expect(() => encodeSetTargetSpeed(kmh)).to.throw(RangeError, 'target speed must be'));
  }
  for (const percent of [-3276.9, 3276.8, Number.NaN, Number.NEGATIVE_INFINITY]) {
    it(`refuses incline ${percent}`, () =>
      expect(() => encodeSetTargetInclination(percent)).to.throw(RangeError, 'target inclination must be'));
  }
});

describe('FTMS control point indication', () => {
  const rows = [
    { hex: '80 00 01', success: true, message: 'Taking control of the treadmill worked.' },
    { hex: '80 02 02', success: false, message: 'Setting the belt speed is not something this treadmill supports.' },
    { hex: '80 03 03', success: false, message: 'Setting the incline was refused: the value is outside what the treadmill accepts.' },
    { hex: '80 07 04', success: false, message: 'Starting the belt failed on the treadmill.' },
    { hex: '80 08 05', success: false, message: 'Stopping the belt was refused: the treadmill has not given the app control.' },
    { hex: '80 01 09', success: false, message: 'Resetting the treadmill got an unknown answer (code 9).' },
    { hex: '80 11 01 aa', success: true, message: 'Command 0x11 worked.' },
  ];
  for (const { hex, success, message } of rows) {
    it(`${hex}: ${message}`, () => {
      const indication = parseControlPointIndication(view(hex));
      expect(indication).to.deep.equal({
        requestOpCode: parseInt(hex.split(' ')[1]!, 16),
        resultCode: parseInt(hex.split(' ')[2]!, 16),
        success,
        message,
      });
    });
  }
  it('names the answer by the request: 0x08 is both Stop and Pause', () => {
    expect(describeRequestResult(encodePause(), 0x02)).to.equal('Pausing the belt is not something this treadmill supports.');
    expect(describeRequestResult(encodeStop(), 0x04)).to.equal('Stopping the belt failed on the treadmill.');
    expect(describeRequestResult(encodeSetTargetSpeed(3), 0x03)).to.equal('Setting the belt speed was refused: the value is outside what the treadmill accepts.');
  });
  it('refuses 2 bytes', () =>
    expectParseError(FtmsParseError, () => parseControlPointIndication(view('80 00')), 'Control point indication needs 3 bytes, got 2'));
  it('refuses a packet that is not a response', () =>
    expectParseError(FtmsParseError, () => parseControlPointIndication(view('10 00 01')), 'Control point indication must start with 0x80, got 0x10'));
});

describe('FTMS control point: properties', () => {
  const uint16 = (bytes: Uint8Array): number => bytes[1]! | (bytes[2]! << 8);
  const sint16 = (bytes: Uint8Array): number => (uint16(bytes) << 16) >> 16;

  it('every speed and incline field value survives encode then read, and any input rounds by at most half a step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: -0x8000, max: 0x7fff }), fc.double({ min: 0, max: 655.35, noNaN: true }), (speedRaw, inclineRaw, kmh) => {
        const speed = encodeSetTargetSpeed(speedRaw / 100);
        expect([speed.length, speed[0], uint16(speed)]).to.deep.equal([3, 0x02, speedRaw]);
        const incline = encodeSetTargetInclination(inclineRaw / 10);
        expect([incline.length, incline[0], sint16(incline)]).to.deep.equal([3, 0x03, inclineRaw]);
        expect(Math.abs(uint16(encodeSetTargetSpeed(kmh)) / 100 - kmh)).to.be.at.most(0.005 + 1e-9);
      }),
      { numRuns: invariantRuns(300) },
    );
  });

  it('random bytes: an indication or FtmsParseError, exactly when short or not 0x80', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 6 }), fc.boolean(), (bytes, forceResponse) => {
        if (forceResponse && bytes.length > 0) bytes[0] = 0x80;
        const caught = thrownBy(() => parseControlPointIndication(viewOf(bytes)));
        const bad = bytes.length < 3 || bytes[0] !== 0x80;
        if (bad) expect(caught).to.be.instanceOf(FtmsParseError);
        else expect(caught).to.equal(null);
      }),
      { numRuns: invariantRuns(500) },
    );
  });
});
