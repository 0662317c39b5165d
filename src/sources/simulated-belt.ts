// The treadmill's side of the control point, for the simulated treadmill: takes each request's
// bytes as a real FTMS treadmill would, answers with the indication and the status it would send,
// and moves its belt toward the target at 1 km/h per second (about what real belts do, so a
// workout can learn the lag). Commands other than Request Control need control granted first. Like
// a real treadmill it tells a status only when something changed: a speed it already had, or a
// Start on a running belt, is answered yes and reported as nothing.

import {
  PAUSE,
  REQUEST_CONTROL,
  RESET,
  RESPONSE_CODE,
  RESULT_CONTROL_NOT_PERMITTED,
  RESULT_INVALID_PARAMETER,
  RESULT_NOT_SUPPORTED,
  RESULT_SUCCESS,
  SET_TARGET_INCLINATION,
  SET_TARGET_SPEED,
  START_OR_RESUME,
  STOP,
  STOP_OR_PAUSE,
} from '../ble/ftms-control-point.js';
import type { InclinationRange, SpeedRange } from '../ble/ftms-ranges.js';
import {
  STATUS_RESET,
  STATUS_STARTED_OR_RESUMED,
  STATUS_STOPPED_OR_PAUSED,
  STATUS_TARGET_INCLINE_CHANGED,
  STATUS_TARGET_SPEED_CHANGED,
} from '../ble/ftms-status.js';

export const SIMULATED_SPEED_RANGE: SpeedRange = { minKmh: 1, maxKmh: 20, incrementKmh: 0.1 };
export const SIMULATED_INCLINE_RANGE: InclinationRange = { minPercent: 0, maxPercent: 15, incrementPercent: 0.5 };
/** How fast the simulated belt changes speed, and its deck its incline, per second. */
export const BELT_KMH_PER_S = 1;
export const DECK_PERCENT_PER_S = 1;

export interface BeltAnswer {
  indication: Uint8Array;
  /** The Fitness Machine Status the treadmill sends after doing it, if anything changed. */
  status: Uint8Array | null;
}

const le16 = (raw: number): [number, number] => [raw & 0xff, (raw >> 8) & 0xff];
const toward = (from: number, to: number, step: number): number => (Math.abs(to - from) <= step ? to : from + Math.sign(to - from) * step);

export class SimulatedBelt {
  #controlGranted = false;
  #running: boolean;
  /** How the belt was last halted (null while it runs): a Stop after a Pause still changes it. */
  #halted: 'stop' | 'pause' | null;
  #targetKmh: number;
  #targetPercent: number;
  speedKmh: number;
  inclinePercent: number;

  /** The belt as it was when a workout took it over: it carries on from there. */
  constructor(speedKmh: number, inclinePercent: number) {
    this.speedKmh = speedKmh;
    this.inclinePercent = inclinePercent;
    this.#running = speedKmh > 0;
    this.#halted = this.#running ? null : 'stop';
    this.#targetKmh = speedKmh;
    this.#targetPercent = inclinePercent;
  }

  get controlGranted(): boolean {
    return this.#controlGranted;
  }

  /** The link went: the belt carries on as it was, but control is given per connection. */
  linkLost(): void {
    this.#controlGranted = false;
  }

  /** One second passes: the belt and the deck move toward what they were set to. */
  second(): void {
    this.speedKmh = toward(this.speedKmh, this.#running ? this.#targetKmh : 0, BELT_KMH_PER_S);
    this.inclinePercent = toward(this.inclinePercent, this.#targetPercent, DECK_PERCENT_PER_S);
  }

  answer(request: Uint8Array): BeltAnswer {
    const view = new DataView(request.buffer, request.byteOffset, request.byteLength);
    const opCode = request[0] ?? -1;
    const reply = (result: number, status: number[] | null = null): BeltAnswer => ({
      indication: Uint8Array.of(RESPONSE_CODE, opCode & 0xff, result),
      status: status && Uint8Array.from(status),
    });
    if (opCode === REQUEST_CONTROL) {
      this.#controlGranted = true;
      return reply(RESULT_SUCCESS);
    }
    if (!this.#controlGranted) return reply(RESULT_CONTROL_NOT_PERMITTED);
    switch (opCode) {
      case RESET:
        this.#controlGranted = false;
        return reply(RESULT_SUCCESS, [STATUS_RESET]);
      case SET_TARGET_SPEED: {
        if (request.length < 3) return reply(RESULT_INVALID_PARAMETER);
        const raw = view.getUint16(1, true);
        const kmh = raw / 100;
        if (kmh < SIMULATED_SPEED_RANGE.minKmh || kmh > SIMULATED_SPEED_RANGE.maxKmh) return reply(RESULT_INVALID_PARAMETER);
        const changed = kmh !== this.#targetKmh;
        this.#targetKmh = kmh;
        return reply(RESULT_SUCCESS, changed ? [STATUS_TARGET_SPEED_CHANGED, ...le16(raw)] : null);
      }
      case SET_TARGET_INCLINATION: {
        if (request.length < 3) return reply(RESULT_INVALID_PARAMETER);
        const raw = view.getInt16(1, true);
        const percent = raw / 10;
        if (percent < SIMULATED_INCLINE_RANGE.minPercent || percent > SIMULATED_INCLINE_RANGE.maxPercent) return reply(RESULT_INVALID_PARAMETER);
        const changed = percent !== this.#targetPercent;
        this.#targetPercent = percent;
        return reply(RESULT_SUCCESS, changed ? [STATUS_TARGET_INCLINE_CHANGED, ...le16(raw)] : null);
      }
      case START_OR_RESUME: {
        const changed = !this.#running;
        this.#running = true;
        this.#halted = null;
        // A belt started from standing begins at its slowest; a paused one resumes its speed.
        this.#targetKmh = Math.max(this.#targetKmh, SIMULATED_SPEED_RANGE.minKmh);
        return reply(RESULT_SUCCESS, changed ? [STATUS_STARTED_OR_RESUMED] : null);
      }
      case STOP_OR_PAUSE: {
        const how = request[1];
        if (how !== STOP && how !== PAUSE) return reply(RESULT_INVALID_PARAMETER);
        const halt = how === STOP ? 'stop' : 'pause';
        const changed = this.#halted !== halt;
        this.#running = false;
        this.#halted = halt;
        if (how === STOP) this.#targetKmh = SIMULATED_SPEED_RANGE.minKmh;
        return reply(RESULT_SUCCESS, changed ? [STATUS_STOPPED_OR_PAUSED, how] : null);
      }
      default:
        return reply(RESULT_NOT_SUPPORTED);
    }
  }
}
