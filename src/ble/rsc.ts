// Codecs for the Running Speed and Cadence service (0x1814). Bytes come from a device we do not
// control, so every parser checks the length before reading and fails with RscParseError:
// callers can tell a bad packet (drop it, keep the session) from a bug in our own code.
import { DISTANCE_PRESENT, RUNNING, STRIDE_PRESENT } from './rsc-flags.js';

export class RscParseError extends Error {
  override readonly name = 'RscParseError';
}

function requireBytes(view: DataView, needed: number, what: string, field: string): void {
  if (view.byteLength < needed) {
    throw new RscParseError(`${what} too short: ${view.byteLength} bytes, ${field} needs ${needed}`);
  }
}

// ---------------------------------------------------------------- RSC Measurement (0x2A53)

export interface RscMeasurement {
  speedMps: number;
  /** Per minute, exactly as the pod sends it; whether that counts steps or strides is decided later. */
  cadence: number;
  strideLengthM: number | null;
  totalDistanceM: number | null;
  isRunning: boolean;
}


export function parseRscMeasurement(view: DataView): RscMeasurement {
  const what = 'RSC measurement';
  requireBytes(view, 1, what, 'the flags byte');
  const flags = view.getUint8(0);
  const hasStride = (flags & STRIDE_PRESENT) !== 0;
  const hasDistance = (flags & DISTANCE_PRESENT) !== 0;
  // Optional fields have no fixed offsets: distance moves up when stride is absent.
  const distanceAt = hasStride ? 6 : 4;

  // Checked in field order so the message names the first field that is missing.
  requireBytes(view, 3, what, 'speed');
  requireBytes(view, 4, what, 'cadence');
  if (hasStride) requireBytes(view, 6, what, 'stride length');
  if (hasDistance) requireBytes(view, distanceAt + 4, what, 'total distance');

  return {
    speedMps: view.getUint16(1, true) / 256,
    cadence: view.getUint8(3),
    strideLengthM: hasStride ? view.getUint16(4, true) / 100 : null,
    totalDistanceM: hasDistance ? view.getUint32(distanceAt, true) / 10 : null,
    isRunning: (flags & RUNNING) !== 0,
  };
}

// ---------------------------------------------------------------- RSC Feature (0x2A54)

export interface RscFeature {
  strideLengthSupported: boolean;
  totalDistanceSupported: boolean;
  walkingRunningStatusSupported: boolean;
  calibrationSupported: boolean;
  multipleSensorLocationsSupported: boolean;
}

export function parseRscFeature(view: DataView): RscFeature {
  requireBytes(view, 2, 'RSC feature', 'feature bits');
  const bits = view.getUint16(0, true);
  const has = (bit: number): boolean => (bits & (1 << bit)) !== 0;
  return {
    strideLengthSupported: has(0),
    totalDistanceSupported: has(1),
    walkingRunningStatusSupported: has(2),
    calibrationSupported: has(3),
    multipleSensorLocationsSupported: has(4),
  };
}

// ---------------------------------------------------------------- Sensor Location (0x2A5D)

/** The raw code; `sensorLocationName` in sensor-locations.ts turns it into words. */
export function parseSensorLocation(view: DataView): number {
  requireBytes(view, 1, 'Sensor location', 'location code');
  return view.getUint8(0);
}

// ---------------------------------------------------------------- SC Control Point (0x2A55)

export type ControlPointRequest =
  | { opCode: 1; /** Set Cumulative Value, in 1/10 m */ cumulativeValueRaw: number }
  | { opCode: 2 /** Start Sensor Calibration */ }
  | { opCode: 3; /** Update Sensor Location */ sensorLocation: number }
  | { opCode: 4 /** Request Supported Sensor Locations */ };

// Requests come from our own code, not the device, so bad values are programmer errors and
// throw the standard TypeError/RangeError rather than RscParseError.
function requireUint(value: unknown, max: number, name: string): number {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${typeof value}`);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer 0..${max}, got ${value}`);
  }
  return value;
}

export function encodeControlPoint(request: ControlPointRequest): Uint8Array {
  switch (request.opCode) {
    case 1: {
      const bytes = new Uint8Array(5);
      bytes[0] = 1;
      new DataView(bytes.buffer).setUint32(1, requireUint(request.cumulativeValueRaw, 0xffffffff, 'cumulativeValueRaw'), true);
      return bytes;
    }
    case 3:
      return Uint8Array.of(3, requireUint(request.sensorLocation, 0xff, 'sensorLocation'));
    case 2:
    case 4:
      return Uint8Array.of(request.opCode);
    default: {
      const unknown: never = request;
      throw new RangeError(`Unknown SC control point op code: ${(unknown as { opCode: unknown }).opCode}`);
    }
  }
}

const RESPONSE_CODE = 0x10;
const REQUEST_SUPPORTED_LOCATIONS = 4;
const SUCCESS = 1;

/** Names of the response values a control point indication can carry. */
export const CONTROL_POINT_RESPONSE_NAMES = {
  1: 'Success',
  2: 'Op code not supported',
  3: 'Invalid parameter',
  4: 'Operation failed',
} as const;

export interface ControlPointResponse {
  opCode: 16;
  requestOpCode: number;
  /** See CONTROL_POINT_RESPONSE_NAMES; other values are passed through for the caller to report. */
  responseValue: number;
  /** Only for a successful Request Supported Sensor Locations; null for every other response. */
  supportedLocations: number[] | null;
}

export function parseControlPointResponse(view: DataView): ControlPointResponse {
  const what = 'SC control point response';
  requireBytes(view, 3, what, 'op code, request op code and response value');
  const opCode = view.getUint8(0);
  if (opCode !== RESPONSE_CODE) {
    throw new RscParseError(`${what} must start with 0x10 (Response Code), got 0x${opCode.toString(16).padStart(2, '0')}`);
  }
  const requestOpCode = view.getUint8(1);
  const responseValue = view.getUint8(2);
  const listsLocations = requestOpCode === REQUEST_SUPPORTED_LOCATIONS && responseValue === SUCCESS;
  return {
    opCode: RESPONSE_CODE,
    requestOpCode,
    responseValue,
    supportedLocations: listsLocations
      ? Array.from(new Uint8Array(view.buffer, view.byteOffset + 3, view.byteLength - 3))
      : null,
  };
}

/**
 * Whether the RSC Feature bits promise an SC Control Point op code (RSC spec 3.4: Set Cumulative
 * Value (1) goes with Total Distance, calibration (2) with its own bit, both location op codes (3,
 * 4) with Multiple Sensor Locations). Asking anyway would only earn "op code not supported" or no
 * answer at all.
 */
export function featureAllows(feature: RscFeature | null, opCode: number): boolean {
  if (!feature) return false;
  if (opCode === 1) return feature.totalDistanceSupported;
  if (opCode === 2) return feature.calibrationSupported;
  if (opCode === 3 || opCode === 4) return feature.multipleSensorLocationsSupported;
  return false;
}
