import { expect } from '@open-wc/testing';
import {
  CONTROL_POINT_RESPONSE_NAMES,
  type ControlPointRequest,
  type ControlPointResponse,
  encodeControlPoint,
  parseControlPointResponse,
} from '../../src/ble/rsc-control-point.js';
import {
  parseRscFeature,
  parseRscMeasurement,
  parseSensorLocation,
  type RscFeature,
  type RscMeasurement,
  RscParseError,
} from '../../src/ble/rsc.js';
import { SENSOR_LOCATION_NAMES, sensorLocationName } from '../../src/ble/sensor-locations.js';
import * as uuids from '../../src/ble/gatt-uuids.js';

const PAD = 0xee;

/** Bytes from "07 00 03". */
function hexBytes(hex: string): number[] {
  return hex.trim() === '' ? [] : hex.trim().split(/\s+/).map((byte) => parseInt(byte, 16));
}

/** The view sits mid-buffer between pad bytes, so a read outside it, or one ignoring byteOffset, shows up. */
function viewOf(bytes: readonly number[], length = bytes.length): DataView {
  const buffer = new Uint8Array(3 + bytes.length + 3).fill(PAD);
  buffer.set(bytes, 3);
  return new DataView(buffer.buffer, 3, length);
}

const view = (hex: string): DataView => viewOf(hexBytes(hex));

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

function expectParseError(parse: () => unknown, message?: string): void {
  let caught: unknown;
  try {
    parse();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'should throw RscParseError').to.be.instanceOf(RscParseError);
  expect(caught).not.to.be.instanceOf(RangeError);
  expect((caught as Error).name).to.equal('RscParseError');
  if (message !== undefined) expect((caught as Error).message).to.equal(message);
}

/** Every proper prefix of a valid vector is a truncated packet; the rest of the vector stays in the buffer. */
function expectEveryPrefixRejected(bytes: readonly number[], parse: (view: DataView) => unknown, minimum: number): void {
  for (let length = 0; length < minimum; length++) {
    expectParseError(() => parse(viewOf(bytes, length)));
  }
}

describe('parseRscMeasurement', () => {
  const m = (speedMps: number, cadence: number, strideLengthM: number | null, totalDistanceM: number | null, isRunning: boolean): RscMeasurement => ({
    speedMps,
    cadence,
    strideLengthM,
    totalDistanceM,
    isRunning,
  });

  // speed 0x0300 = 3.0 m/s, cadence 0xaa = 170, stride 0x0078 = 1.20 m, distance 0x2710 = 1000.0 m
  const rows: { name: string; hex: string; expected: RscMeasurement }[] = [
    { name: 'flags 0: walking, no optional fields', hex: '00 00 03 aa', expected: m(3, 170, null, null, false) },
    { name: 'flags 1: stride only', hex: '01 00 03 aa 78 00', expected: m(3, 170, 1.2, null, false) },
    { name: 'flags 2: distance only, at offset 4', hex: '02 00 03 aa 10 27 00 00', expected: m(3, 170, null, 1000, false) },
    { name: 'flags 3: stride and distance', hex: '03 00 03 aa 78 00 10 27 00 00', expected: m(3, 170, 1.2, 1000, false) },
    { name: 'flags 4: running, no optional fields', hex: '04 00 03 aa', expected: m(3, 170, null, null, true) },
    { name: 'flags 5: running, stride only', hex: '05 00 03 aa 78 00', expected: m(3, 170, 1.2, null, true) },
    { name: 'flags 6: running, distance only', hex: '06 00 03 aa 10 27 00 00', expected: m(3, 170, null, 1000, true) },
    { name: 'flags 7: running, stride and distance', hex: '07 00 03 aa 78 00 10 27 00 00', expected: m(3, 170, 1.2, 1000, true) },
    { name: 'zero speed and cadence', hex: '00 00 00 00', expected: m(0, 0, null, null, false) },
    { name: 'zero stride and distance', hex: '03 00 00 00 00 00 00 00 00 00', expected: m(0, 0, 0, 0, false) },
    { name: 'little-endian speed', hex: '00 01 02 00', expected: m(0x0201 / 256, 0, null, null, false) },
    { name: 'maximum values', hex: '07 ff ff ff ff ff ff ff ff ff', expected: m(255.99609375, 255, 655.35, 429496729.5, true) },
    { name: 'distance with the top bit set is unsigned', hex: '02 00 00 00 00 00 00 80', expected: m(0, 0, null, 214748364.8, false) },
    { name: 'little-endian stride and distance', hex: '03 00 00 00 34 12 78 56 34 12', expected: m(0, 0, 46.6, 30541989.6, false) },
  ];

  for (const { name, hex, expected } of rows) {
    const bytes = hexBytes(hex);

    it(`${name}: ${hex}`, () => {
      expect(parseRscMeasurement(viewOf(bytes))).to.deep.equal(expected);
    });

    it(`${name}: reserved flag bits 3-7 are ignored`, () => {
      const withReserved = [bytes[0] | 0xf8, ...bytes.slice(1)];
      expect(parseRscMeasurement(viewOf(withReserved))).to.deep.equal(expected);
    });

    it(`${name}: trailing bytes are ignored`, () => {
      expect(parseRscMeasurement(viewOf([...bytes, 0xde, 0xad, 0xbe, 0xef]))).to.deep.equal(expected);
    });

    it(`${name}: every truncation throws RscParseError`, () => {
      expectEveryPrefixRejected(bytes, parseRscMeasurement, bytes.length);
    });
  }

  const messages: { hex: string; message: string }[] = [
    { hex: '', message: 'RSC measurement too short: 0 bytes, the flags byte needs 1' },
    { hex: '07', message: 'RSC measurement too short: 1 bytes, speed needs 3' },
    { hex: '07 00', message: 'RSC measurement too short: 2 bytes, speed needs 3' },
    { hex: '07 00 03', message: 'RSC measurement too short: 3 bytes, cadence needs 4' },
    { hex: '07 00 03 aa 78', message: 'RSC measurement too short: 5 bytes, stride length needs 6' },
    { hex: '07 00 03 aa 78 00 10 27 00', message: 'RSC measurement too short: 9 bytes, total distance needs 10' },
    { hex: '02 00 03 aa 10 27 00', message: 'RSC measurement too short: 7 bytes, total distance needs 8' },
  ];
  for (const { hex, message } of messages) {
    it(`names the missing field: [${hex}]`, () => expectParseError(() => parseRscMeasurement(view(hex)), message));
  }
});

describe('parseRscFeature', () => {
  const f = (bits: number): RscFeature => ({
    strideLengthSupported: (bits & 1) !== 0,
    totalDistanceSupported: (bits & 2) !== 0,
    walkingRunningStatusSupported: (bits & 4) !== 0,
    calibrationSupported: (bits & 8) !== 0,
    multipleSensorLocationsSupported: (bits & 16) !== 0,
  });
  const rows: { name: string; hex: string; expected: RscFeature }[] = [
    { name: 'nothing supported', hex: '00 00', expected: f(0) },
    { name: 'stride length', hex: '01 00', expected: f(1) },
    { name: 'total distance', hex: '02 00', expected: f(2) },
    { name: 'walking or running status', hex: '04 00', expected: f(4) },
    { name: 'calibration procedure', hex: '08 00', expected: f(8) },
    { name: 'multiple sensor locations', hex: '10 00', expected: f(16) },
    { name: 'everything', hex: '1f 00', expected: f(31) },
    { name: 'reserved bits only', hex: 'e0 ff', expected: f(0) },
    { name: 'every bit set', hex: 'ff ff', expected: f(31) },
    { name: 'trailing bytes ignored', hex: '15 00 ff ff', expected: f(0x15) },
  ];
  for (const { name, hex, expected } of rows) {
    it(`${name}: ${hex}`, () => {
      expect(parseRscFeature(view(hex))).to.deep.equal(expected);
      expectEveryPrefixRejected(hexBytes(hex), parseRscFeature, 2);
    });
  }
  it('names what is missing', () => {
    expectParseError(() => parseRscFeature(view('1f')), 'RSC feature too short: 1 bytes, feature bits needs 2');
  });
});

describe('parseSensorLocation', () => {
  const rows: { hex: string; expected: number }[] = [
    { hex: '00', expected: 0 },
    { hex: '01', expected: 1 },
    { hex: '02', expected: 2 },
    { hex: '10', expected: 16 },
    { hex: '11', expected: 17 },
    { hex: 'ff', expected: 255 },
    { hex: '02 07', expected: 2 },
  ];
  for (const { hex, expected } of rows) {
    it(`${hex} → ${expected}`, () => expect(parseSensorLocation(view(hex))).to.equal(expected));
  }
  it('an empty value throws RscParseError', () => {
    expectParseError(() => parseSensorLocation(view('')), 'Sensor location too short: 0 bytes, location code needs 1');
    expectParseError(() => parseSensorLocation(viewOf([2], 0)));
  });
});

describe('encodeControlPoint', () => {
  const rows: { request: ControlPointRequest; hex: string }[] = [
    { request: { opCode: 1, cumulativeValueRaw: 0 }, hex: '01 00 00 00 00' },
    { request: { opCode: 1, cumulativeValueRaw: 10000 }, hex: '01 10 27 00 00' },
    { request: { opCode: 1, cumulativeValueRaw: 0x12345678 }, hex: '01 78 56 34 12' },
    { request: { opCode: 1, cumulativeValueRaw: 0xffffffff }, hex: '01 ff ff ff ff' },
    { request: { opCode: 2 }, hex: '02' },
    { request: { opCode: 3, sensorLocation: 0 }, hex: '03 00' },
    { request: { opCode: 3, sensorLocation: 2 }, hex: '03 02' },
    { request: { opCode: 3, sensorLocation: 255 }, hex: '03 ff' },
    { request: { opCode: 4 }, hex: '04' },
  ];
  for (const { request, hex } of rows) {
    it(`${JSON.stringify(request)} → ${hex}`, () => {
      const bytes = encodeControlPoint(request);
      expect(bytes).to.be.instanceOf(Uint8Array);
      expect(toHex(bytes)).to.equal(hex);
    });
  }

  const invalid: { request: ControlPointRequest; error: typeof TypeError | typeof RangeError; message: string }[] = [
    { request: { opCode: 1, cumulativeValueRaw: -1 }, error: RangeError, message: 'cumulativeValueRaw must be an integer 0..4294967295, got -1' },
    { request: { opCode: 1, cumulativeValueRaw: 2 ** 32 }, error: RangeError, message: 'cumulativeValueRaw must be an integer 0..4294967295, got 4294967296' },
    { request: { opCode: 1, cumulativeValueRaw: 1.5 }, error: RangeError, message: 'cumulativeValueRaw must be an integer 0..4294967295, got 1.5' },
    { request: { opCode: 1, cumulativeValueRaw: Number.NaN }, error: RangeError, message: 'cumulativeValueRaw must be an integer 0..4294967295, got NaN' },
    { request: { opCode: 1, cumulativeValueRaw: Number.POSITIVE_INFINITY }, error: RangeError, message: 'cumulativeValueRaw must be an integer 0..4294967295, got Infinity' },
    { request: { opCode: 1, cumulativeValueRaw: '10' as unknown as number }, error: TypeError, message: 'cumulativeValueRaw must be a number, got string' },
    { request: { opCode: 3, sensorLocation: 256 }, error: RangeError, message: 'sensorLocation must be an integer 0..255, got 256' },
    { request: { opCode: 3, sensorLocation: -1 }, error: RangeError, message: 'sensorLocation must be an integer 0..255, got -1' },
    { request: { opCode: 3, sensorLocation: 0.5 }, error: RangeError, message: 'sensorLocation must be an integer 0..255, got 0.5' },
    { request: { opCode: 3 } as unknown as ControlPointRequest, error: TypeError, message: 'sensorLocation must be a number, got undefined' },
    { request: { opCode: 5 } as unknown as ControlPointRequest, error: RangeError, message: 'Unknown SC control point op code: 5' },
  ];
  for (const { request, error, message } of invalid) {
    it(`rejects ${JSON.stringify(request)}: ${message}`, () => {
      expect(() => encodeControlPoint(request)).to.throw(error, message);
    });
  }
});

describe('parseControlPointResponse', () => {
  const r = (requestOpCode: number, responseValue: number, supportedLocations: number[] | null): ControlPointResponse => ({
    opCode: 16,
    requestOpCode,
    responseValue,
    supportedLocations,
  });
  const rows: { name: string; hex: string; expected: ControlPointResponse }[] = [
    { name: 'supported locations listed', hex: '10 04 01 01 02 03', expected: r(4, 1, [1, 2, 3]) },
    { name: 'one supported location', hex: '10 04 01 0e', expected: r(4, 1, [14]) },
    { name: 'success with an empty list', hex: '10 04 01', expected: r(4, 1, []) },
    { name: 'op 4 not supported: no list even with bytes', hex: '10 04 02 01 02', expected: r(4, 2, null) },
    { name: 'op 4 failed', hex: '10 04 04', expected: r(4, 4, null) },
    { name: 'set cumulative value succeeded', hex: '10 01 01', expected: r(1, 1, null) },
    { name: 'other op: trailing bytes are not locations', hex: '10 01 01 05 06', expected: r(1, 1, null) },
    { name: 'calibration failed', hex: '10 02 04', expected: r(2, 4, null) },
    { name: 'update location: invalid parameter', hex: '10 03 03', expected: r(3, 3, null) },
    { name: 'unknown response value passes through', hex: '10 01 07', expected: r(1, 7, null) },
  ];
  for (const { name, hex, expected } of rows) {
    it(`${name}: ${hex}`, () => {
      expect(parseControlPointResponse(view(hex))).to.deep.equal(expected);
      expectEveryPrefixRejected(hexBytes(hex), parseControlPointResponse, 3);
    });
  }

  const bad: { hex: string; message: string }[] = [
    { hex: '', message: 'SC control point response too short: 0 bytes, op code, request op code and response value needs 3' },
    { hex: '10 04', message: 'SC control point response too short: 2 bytes, op code, request op code and response value needs 3' },
    { hex: '01 04 01', message: 'SC control point response must start with 0x10 (Response Code), got 0x01' },
    { hex: '00 00 00', message: 'SC control point response must start with 0x10 (Response Code), got 0x00' },
    { hex: '11 04 01 02', message: 'SC control point response must start with 0x10 (Response Code), got 0x11' },
  ];
  for (const { hex, message } of bad) {
    it(`rejects [${hex}]`, () => expectParseError(() => parseControlPointResponse(view(hex)), message));
  }

  it('the location list is a copy, not a window onto the packet', () => {
    const packet = view('10 04 01 01 02');
    const { supportedLocations } = parseControlPointResponse(packet);
    packet.setUint8(3, 9);
    expect(supportedLocations).to.deep.equal([1, 2]);
  });

  it('names every response value', () => {
    expect(CONTROL_POINT_RESPONSE_NAMES).to.deep.equal({
      1: 'Success',
      2: 'Op code not supported',
      3: 'Invalid parameter',
      4: 'Operation failed',
    });
  });
});

// sensor-locations.ts and gatt-uuids.ts are small enough to be checked alongside the parser they serve.
describe('sensorLocationName', () => {
  const names = [
    'Other', 'Top of shoe', 'In shoe', 'Hip', 'Front Wheel', 'Left Crank', 'Right Crank', 'Left Pedal', 'Right Pedal',
    'Front Hub', 'Rear Dropout', 'Chainstay', 'Rear Wheel', 'Rear Hub', 'Chest', 'Spider', 'Chain Ring',
  ];
  names.forEach((name, code) => {
    it(`${code} → ${name}`, () => expect(sensorLocationName(code)).to.equal(name));
  });
  it('covers exactly codes 0-16', () => expect(SENSOR_LOCATION_NAMES).to.deep.equal(names));
  for (const code of [17, 255, -1, 1.5, Number.NaN]) {
    it(`${code} is unknown`, () => expect(sensorLocationName(code)).to.equal(`Unknown location (${code})`));
  }
});

describe('gatt-uuids', () => {
  const rows: { name: keyof typeof uuids; short: number; full: string }[] = [
    { name: 'RSC_SERVICE', short: 0x1814, full: '00001814-0000-1000-8000-00805f9b34fb' },
    { name: 'RSC_MEASUREMENT', short: 0x2a53, full: '00002a53-0000-1000-8000-00805f9b34fb' },
    { name: 'RSC_FEATURE', short: 0x2a54, full: '00002a54-0000-1000-8000-00805f9b34fb' },
    { name: 'SENSOR_LOCATION', short: 0x2a5d, full: '00002a5d-0000-1000-8000-00805f9b34fb' },
    { name: 'SC_CONTROL_POINT', short: 0x2a55, full: '00002a55-0000-1000-8000-00805f9b34fb' },
    { name: 'BATTERY_SERVICE', short: 0x180f, full: '0000180f-0000-1000-8000-00805f9b34fb' },
    { name: 'BATTERY_LEVEL', short: 0x2a19, full: '00002a19-0000-1000-8000-00805f9b34fb' },
    { name: 'DEVICE_INFORMATION', short: 0x180a, full: '0000180a-0000-1000-8000-00805f9b34fb' },
    { name: 'CCCD', short: 0x2902, full: '00002902-0000-1000-8000-00805f9b34fb' },
    { name: 'FITNESS_MACHINE_SERVICE', short: 0x1826, full: '00001826-0000-1000-8000-00805f9b34fb' },
    { name: 'FITNESS_MACHINE_FEATURE', short: 0x2acc, full: '00002acc-0000-1000-8000-00805f9b34fb' },
    { name: 'TREADMILL_DATA', short: 0x2acd, full: '00002acd-0000-1000-8000-00805f9b34fb' },
    { name: 'FITNESS_MACHINE_CONTROL_POINT', short: 0x2ad9, full: '00002ad9-0000-1000-8000-00805f9b34fb' },
    { name: 'FITNESS_MACHINE_STATUS', short: 0x2ada, full: '00002ada-0000-1000-8000-00805f9b34fb' },
    { name: 'HEART_RATE_SERVICE', short: 0x180d, full: '0000180d-0000-1000-8000-00805f9b34fb' },
    { name: 'HEART_RATE_MEASUREMENT', short: 0x2a37, full: '00002a37-0000-1000-8000-00805f9b34fb' },
    { name: 'BODY_SENSOR_LOCATION', short: 0x2a38, full: '00002a38-0000-1000-8000-00805f9b34fb' },
  ];
  for (const { name, short, full } of rows) {
    it(`${name} = 0x${short.toString(16)} = ${full}`, () => {
      expect(uuids[name]).to.equal(short);
      expect(uuids[`${name}_UUID` as keyof typeof uuids]).to.equal(full);
      expect(uuids.fullUuid(short)).to.equal(full);
    });
  }

  it("agrees with the browser's BluetoothUUID.canonicalUUID where it exists", () => {
    const bluetoothUuid = (globalThis as { BluetoothUUID?: { canonicalUUID(alias: number): string } }).BluetoothUUID;
    if (bluetoothUuid === undefined) return;
    for (const short of [0, 0x1814, 0x2a5d, 0xffff, 0x12345678]) {
      expect(uuids.fullUuid(short)).to.equal(bluetoothUuid.canonicalUUID(short));
    }
  });

  for (const bad of [-1, 2 ** 32, 0.5, Number.NaN]) {
    it(`fullUuid(${bad}) throws RangeError`, () => expect(() => uuids.fullUuid(bad)).to.throw(RangeError));
  }
});
