import { expect } from '@open-wc/testing';
import { MANUFACTURER_NAME_UUID, MODEL_NUMBER_UUID, FIRMWARE_REVISION_UUID } from '../../src/ble/gatt-uuids.js';
import { parseControlPointResponse } from '../../src/ble/rsc-control-point.js';
import type { RscFeature } from '../../src/ble/rsc.js';
import {
  answers,
  type ControlPointOpCode,
  encodeRequestSupportedLocations,
  encodeSetCumulativeDistance,
  encodeStartCalibration,
  encodeUpdateSensorLocation,
  featureAllows,
} from '../../src/ble/sc-control-point.js';

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
const view = (...bytes: number[]): DataView => new DataView(Uint8Array.from(bytes).buffer);

describe('SC control point requests in app units', () => {
  const rows: { name: string; bytes: () => Uint8Array; hex: string }[] = [
    { name: 'reset distance to 0 m', bytes: () => encodeSetCumulativeDistance(0), hex: '01 00 00 00 00' },
    { name: '1234.5 m in 1/10 m', bytes: () => encodeSetCumulativeDistance(1234.5), hex: '01 39 30 00 00' },
    { name: '0.04 m rounds to 0', bytes: () => encodeSetCumulativeDistance(0.04), hex: '01 00 00 00 00' },
    { name: '0.05 m rounds to 0.1 m', bytes: () => encodeSetCumulativeDistance(0.05), hex: '01 01 00 00 00' },
    { name: 'largest counter', bytes: () => encodeSetCumulativeDistance(0xffffffff / 10), hex: '01 ff ff ff ff' },
    { name: 'start calibration', bytes: encodeStartCalibration, hex: '02' },
    { name: 'location: in shoe', bytes: () => encodeUpdateSensorLocation(2), hex: '03 02' },
    { name: 'location: hip', bytes: () => encodeUpdateSensorLocation(3), hex: '03 03' },
    { name: 'request supported locations', bytes: encodeRequestSupportedLocations, hex: '04' },
  ];
  for (const { name, bytes, hex } of rows) it(`${name} → ${hex}`, () => expect(toHex(bytes())).to.equal(hex));

  for (const metres of [-1, Number.NaN, Number.POSITIVE_INFINITY, 0xffffffff / 10 + 1]) {
    it(`refuses ${metres} m`, () => expect(() => encodeSetCumulativeDistance(metres)).to.throw(RangeError, 'metres must be'));
  }
  it('refuses a location code that is not a byte', () => {
    expect(() => encodeUpdateSensorLocation(256)).to.throw(RangeError);
  });
});

describe('featureAllows', () => {
  const none: RscFeature = {
    strideLengthSupported: false,
    totalDistanceSupported: false,
    walkingRunningStatusSupported: false,
    calibrationSupported: false,
    multipleSensorLocationsSupported: false,
  };
  const rows: { bit: keyof RscFeature; allows: ControlPointOpCode[] }[] = [
    { bit: 'strideLengthSupported', allows: [] },
    { bit: 'totalDistanceSupported', allows: [1] },
    { bit: 'walkingRunningStatusSupported', allows: [] },
    { bit: 'calibrationSupported', allows: [2] },
    { bit: 'multipleSensorLocationsSupported', allows: [3, 4] },
  ];
  for (const { bit, allows } of rows) {
    it(`${bit} alone allows op codes [${allows.join(', ')}]`, () => {
      const allowed = ([1, 2, 3, 4] as const).filter((op) => featureAllows({ ...none, [bit]: true }, op));
      expect(allowed).to.deep.equal(allows);
    });
  }
  it('allows nothing when the pod sent no feature bits', () => {
    expect(([1, 2, 3, 4] as const).filter((op) => featureAllows(null, op))).to.deep.equal([]);
  });
});

describe('answers', () => {
  const rows: { name: string; response: number[]; opCode: ControlPointOpCode; expected: boolean }[] = [
    { name: 'success for the same op code', response: [0x10, 1, 1], opCode: 1, expected: true },
    { name: 'a failure for the same op code', response: [0x10, 2, 4], opCode: 2, expected: true },
    { name: 'an answer to another op code', response: [0x10, 3, 1], opCode: 4, expected: false },
    { name: 'locations for op 4', response: [0x10, 4, 1, 1, 2], opCode: 4, expected: true },
  ];
  for (const { name, response, opCode, expected } of rows) {
    it(`${name}: ${expected}`, () => expect(answers(parseControlPointResponse(view(...response)), opCode)).to.equal(expected));
  }
});

describe('Device Information UUIDs', () => {
  it('are the SIG numbers for manufacturer, model and firmware', () => {
    expect([MANUFACTURER_NAME_UUID, MODEL_NUMBER_UUID, FIRMWARE_REVISION_UUID]).to.deep.equal([
      '00002a29-0000-1000-8000-00805f9b34fb',
      '00002a24-0000-1000-8000-00805f9b34fb',
      '00002a26-0000-1000-8000-00805f9b34fb',
    ]);
  });
});
