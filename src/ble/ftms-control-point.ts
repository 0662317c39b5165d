// Fitness Machine Control Point (0x2AD9): the requests that drive a treadmill's belt, and the
// indication that answers each one. Requests come from our own code, so a value outside its field
// is a programmer error (RangeError, as rsc.ts does); the indication comes from the treadmill, so a
// malformed one is FtmsParseError and the caller can treat the command as unanswered.
import { FtmsParseError } from './ftms-treadmill.js';

export const REQUEST_CONTROL = 0x00;
export const RESET = 0x01;
export const SET_TARGET_SPEED = 0x02;
export const SET_TARGET_INCLINATION = 0x03;
export const START_OR_RESUME = 0x07;
export const STOP_OR_PAUSE = 0x08;
export const RESPONSE_CODE = 0x80;

export const STOP = 0x01;
export const PAUSE = 0x02;

export const RESULT_SUCCESS = 0x01;
export const RESULT_NOT_SUPPORTED = 0x02;
export const RESULT_INVALID_PARAMETER = 0x03;
export const RESULT_OPERATION_FAILED = 0x04;
export const RESULT_CONTROL_NOT_PERMITTED = 0x05;

export const encodeRequestControl = (): Uint8Array => Uint8Array.of(REQUEST_CONTROL);
export const encodeReset = (): Uint8Array => Uint8Array.of(RESET);
export const encodeStartOrResume = (): Uint8Array => Uint8Array.of(START_OR_RESUME);
export const encodeStop = (): Uint8Array => Uint8Array.of(STOP_OR_PAUSE, STOP);
export const encodePause = (): Uint8Array => Uint8Array.of(STOP_OR_PAUSE, PAUSE);

/** Rounded to the field's 0.01 km/h; the caller has already clamped to the treadmill's range. */
export function encodeSetTargetSpeed(kmh: number): Uint8Array {
  const raw = Math.round(kmh * 100);
  if (!Number.isFinite(kmh) || raw < 0 || raw > 0xffff) {
    throw new RangeError(`target speed must be 0..655.35 km/h, got ${kmh}`);
  }
  return Uint8Array.of(SET_TARGET_SPEED, raw & 0xff, raw >> 8);
}

/** Rounded to the field's 0.1 %; negative is downhill. */
export function encodeSetTargetInclination(percent: number): Uint8Array {
  const raw = Math.round(percent * 10);
  if (!Number.isFinite(percent) || raw < -0x8000 || raw > 0x7fff) {
    throw new RangeError(`target inclination must be -3276.8..3276.7 %, got ${percent}`);
  }
  return Uint8Array.of(SET_TARGET_INCLINATION, raw & 0xff, (raw >> 8) & 0xff);
}

export interface ControlPointIndication {
  requestOpCode: number;
  resultCode: number;
  success: boolean;
  /** What happened, in words a runner reads beside the Stop button. */
  message: string;
}

const REQUEST_NAMES: Record<number, string> = {
  [REQUEST_CONTROL]: 'Taking control of the treadmill',
  [RESET]: 'Resetting the treadmill',
  [SET_TARGET_SPEED]: 'Setting the belt speed',
  [SET_TARGET_INCLINATION]: 'Setting the incline',
  [START_OR_RESUME]: 'Starting the belt',
  [STOP_OR_PAUSE]: 'Stopping the belt',
};

const RESULT_WORDS: Record<number, string> = {
  [RESULT_SUCCESS]: 'worked',
  [RESULT_NOT_SUPPORTED]: 'is not something this treadmill supports',
  [RESULT_INVALID_PARAMETER]: 'was refused: the value is outside what the treadmill accepts',
  [RESULT_OPERATION_FAILED]: 'failed on the treadmill',
  [RESULT_CONTROL_NOT_PERMITTED]: 'was refused: the treadmill has not given the app control',
};

const requestWords = (opCode: number): string => REQUEST_NAMES[opCode] ?? `Command 0x${opCode.toString(16).padStart(2, '0')}`;
const resultWords = (resultCode: number): string => RESULT_WORDS[resultCode] ?? `got an unknown answer (code ${resultCode})`;

export function describeResult(requestOpCode: number, resultCode: number): string {
  return `${requestWords(requestOpCode)} ${resultWords(resultCode)}.`;
}

/**
 * What a request the app sent is, as the start of a sentence ("Setting the belt speed"). Named by
 * its bytes, not its op code alone: 0x08 is both Stop and Pause, and a refused pause must not read
 * as a refused stop.
 */
export function requestName(request: Uint8Array): string {
  return request[0] === STOP_OR_PAUSE && request[1] === PAUSE ? 'Pausing the belt' : requestWords(request[0] ?? -1);
}

/** The answer to a request the app sent, in words, named by the request (see requestName). */
export function describeRequestResult(request: Uint8Array, resultCode: number): string {
  return `${requestName(request)} ${resultWords(resultCode)}.`;
}

/** The indication answering a request: 0x80, the request's op code, a result code. */
export function parseControlPointIndication(view: DataView): ControlPointIndication {
  if (view.byteLength < 3) {
    throw new FtmsParseError(`Control point indication needs 3 bytes, got ${view.byteLength}`);
  }
  const responseCode = view.getUint8(0);
  if (responseCode !== RESPONSE_CODE) {
    throw new FtmsParseError(`Control point indication must start with 0x80, got 0x${responseCode.toString(16).padStart(2, '0')}`);
  }
  const requestOpCode = view.getUint8(1);
  const resultCode = view.getUint8(2);
  return {
    requestOpCode,
    resultCode,
    success: resultCode === RESULT_SUCCESS,
    message: describeResult(requestOpCode, resultCode),
  };
}
