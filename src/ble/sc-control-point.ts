// The SC Control Point (0x2A55) beyond bytes: which requests a pod's feature bits allow, the
// requests in the units the app thinks in, and what an indication means for a pending request.
// rsc.ts holds the byte codecs; this file decides nothing about timing or wording.

import { type ControlPointRequest, type ControlPointResponse, encodeControlPoint } from './rsc-control-point.js';

export const SET_CUMULATIVE_VALUE = 1;
export const START_SENSOR_CALIBRATION = 2;
export const UPDATE_SENSOR_LOCATION = 3;
export const REQUEST_SUPPORTED_SENSOR_LOCATIONS = 4;

export const RESPONSE_SUCCESS = 1;
export const RESPONSE_OP_CODE_NOT_SUPPORTED = 2;
export const RESPONSE_INVALID_PARAMETER = 3;
export const RESPONSE_OPERATION_FAILED = 4;

export type ControlPointOpCode = ControlPointRequest['opCode'];

/** The pod's total distance counter, set in metres (sent in 1/10 m, so rounded to 0.1 m). */
export function encodeSetCumulativeDistance(metres: number): Uint8Array {
  if (!Number.isFinite(metres) || metres < 0 || metres * 10 > 0xffffffff) {
    throw new RangeError(`metres must be 0..${0xffffffff / 10}, got ${metres}`);
  }
  return encodeControlPoint({ opCode: SET_CUMULATIVE_VALUE, cumulativeValueRaw: Math.round(metres * 10) });
}

export const encodeStartCalibration = (): Uint8Array => encodeControlPoint({ opCode: START_SENSOR_CALIBRATION });

export const encodeUpdateSensorLocation = (code: number): Uint8Array =>
  encodeControlPoint({ opCode: UPDATE_SENSOR_LOCATION, sensorLocation: code });

export const encodeRequestSupportedLocations = (): Uint8Array =>
  encodeControlPoint({ opCode: REQUEST_SUPPORTED_SENSOR_LOCATIONS });

// Which op codes the feature bits allow lives in rsc.ts, beside the feature bits, so the Settings
// page can say what a pod offers before this module loads.
export { featureAllows } from './rsc.js';

/** An indication answers a request only when it names that request's op code. */
export const answers = (response: ControlPointResponse, opCode: ControlPointOpCode): boolean =>
  response.requestOpCode === opCode;
