// The SC Control Point (0x2A55) beyond bytes: which requests a pod's feature bits allow, the
// requests in the units the app thinks in, and what an indication means for a pending request.
// rsc.ts holds the byte codecs; this file decides nothing about timing or wording.

import { type ControlPointRequest, type ControlPointResponse, encodeControlPoint, type RscFeature } from './rsc.js';

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

/**
 * Whether the RSC Feature bits promise the op code (RSC spec 3.4: Set Cumulative Value goes with
 * Total Distance, calibration with its own bit, both location op codes with Multiple Sensor
 * Locations). Asking anyway would only earn an "op code not supported" or no answer at all.
 */
export function featureAllows(feature: RscFeature | null, opCode: ControlPointOpCode): boolean {
  if (!feature) return false;
  switch (opCode) {
    case SET_CUMULATIVE_VALUE:
      return feature.totalDistanceSupported;
    case START_SENSOR_CALIBRATION:
      return feature.calibrationSupported;
    case UPDATE_SENSOR_LOCATION:
    case REQUEST_SUPPORTED_SENSOR_LOCATIONS:
      return feature.multipleSensorLocationsSupported;
    default:
      return false;
  }
}

/** An indication answers a request only when it names that request's op code. */
export const answers = (response: ControlPointResponse, opCode: ControlPointOpCode): boolean =>
  response.requestOpCode === opCode;
