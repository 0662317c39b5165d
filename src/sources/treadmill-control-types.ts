// The shapes belt control shares with whoever drives a belt (the workout runner, the program) and
// with the helpers of TreadmillControlPoint: kept below all of them so none imports another in a
// circle. treadmill-control.ts re-exports every one, and callers import them from there.

import type { FitnessMachineFeature, InclinationRange, SpeedRange } from '../ble/ftms-ranges.js';
import type { FitnessMachineStatus } from '../ble/ftms-status.js';

export interface TreadmillCapabilities {
  /** null: 0x2ACC absent or unreadable. */
  feature: FitnessMachineFeature | null;
  /** null: absent, unreadable, or one the belt cannot be driven by (then `cannotDrive` says why). */
  speed: SpeedRange | null;
  /** null: absent, unreadable, or one the incline cannot be set by (then `cannotIncline` says why). */
  incline: InclinationRange | null;
  /** 0x2AD9 present (and indications subscribed). */
  controlPoint: boolean;
  /**
   * Why the app cannot drive this belt, in words, when the treadmill's own Supported Speed Range
   * rules it out (0 to 0, or a minimum above its maximum). Then Request Control is refused without
   * being written, and a workout runs by screen and voice. Absent: nothing read rules it out.
   */
  cannotDrive?: string;
  /** Why the incline cannot be set, in words (the Supported Inclination Range is 0 to 0 or upside down). Absent: it can. */
  cannotIncline?: string;
}

export type ControlFailure =
  | 'not-connected'
  | 'busy'
  | 'no-control-point'
  | 'refused'
  | 'not-permitted'
  | 'no-answer'
  | 'link-lost'
  | 'not-sent'
  /** Given up because the runner's Stop or Pause went first; a late answer to it is ignored. */
  | 'superseded';

export type ControlOutcome =
  | { ok: true; message: string; confirmedBy: 'indication' | 'status' | 'treadmill-data' }
  | { ok: false; message: string; failure: ControlFailure };

export type ControlCommand = 'request-control' | 'speed' | 'incline' | 'start' | 'stop' | 'pause';

/** Every Fitness Machine Status notification, parsed. */
export class StatusEvent extends Event {
  constructor(readonly status: FitnessMachineStatus) {
    super('status');
  }
}

/**
 * Events: 'capabilities', 'change' (pending or hasControl), 'status' (StatusEvent).
 * One command waits for its answer at a time, and any call but stop() and pause() while one waits
 * fails with 'busy'. The runner's Stop and Pause win: asked while another command waits for its
 * answer, that command ends at once ('superseded'; its late answer is ignored) and the Stop or
 * Pause is written as soon as the earlier write itself has been taken (never two writes at once,
 * never waiting for an answer or a timeout). Asked while Request Control waits, it is written once
 * control is granted; if it is not, a Pause is dropped with words and a Stop is still written. A
 * second press joins the first; a Stop replaces a Pause that has not been written yet. Without
 * control only Request Control and Stop are written (a Stop is never harmful; a treadmill that
 * refuses it is answered with words that send the runner to its own Stop).
 */
export interface TreadmillControl extends EventTarget {
  /** Read on connect (reads only); null until then and after the link goes. */
  readonly capabilities: TreadmillCapabilities | null;
  /** Whether this connection holds control (0x80 0x00 0x01 seen); false again after a status 0xFF, reset or lost link. */
  readonly hasControl: boolean;
  readonly pending: ControlCommand | null;
  requestControl(): Promise<ControlOutcome>;
  /** The caller clamps; a value the field cannot carry is refused without being sent. */
  setSpeed(kmh: number): Promise<ControlOutcome>;
  setIncline(percent: number): Promise<ControlOutcome>;
  start(): Promise<ControlOutcome>;
  /** 0x08 0x01; written with or without control. */
  stop(): Promise<ControlOutcome>;
  /** 0x08 0x02. */
  pause(): Promise<ControlOutcome>;
}

/** setTimeout and clearTimeout, swappable so tests can run the clock. */
export interface ControlTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: ControlTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
