// Codecs for the SC Control Point (0x2A55) of the Running Speed and Cadence service: requests as
// bytes, indications read back. Apart from rsc.ts because only the control point's code uses them,
// and that loads on demand (footpod-control-point.ts), not with the app.
import { RscParseError, requireBytes } from './rsc.js';

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
