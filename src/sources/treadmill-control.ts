// Driving a treadmill's belt through its Fitness Machine Control Point (0x2AD9): the class that
// pairs each command with the treadmill's answer and turns every ending (answer, refusal, silence,
// lost link, the runner's Stop going first) into an outcome in words. It never rejects and never
// sends on its own: a command goes out only when a caller asks, and a lost link drops what was
// waiting instead of sending it later. How bytes reach the treadmill is the link's business (Web
// Bluetooth or the simulator). Here is what the treadmill says back and who may send; the shapes
// it offers are in treadmill-control-types.ts; the one write at a time in
// treadmill-control-queue.ts; which answer is whose in treadmill-control-answers.ts; what confirms
// a command on a treadmill that never answers in treadmill-control-silent.ts and
// treadmill-control-silent-watch.ts; why a command cannot go out in treadmill-control-refusals.ts.

import {
  describeRequestResult,
  encodePause,
  encodeRequestControl,
  encodeSetTargetInclination,
  encodeSetTargetSpeed,
  encodeStartOrResume,
  encodeStop,
  parseControlPointIndication,
  REQUEST_CONTROL,
  requestName,
  RESULT_CONTROL_NOT_PERMITTED,
  SET_TARGET_INCLINATION,
  SET_TARGET_SPEED,
  START_OR_RESUME,
  STOP_OR_PAUSE,
} from '../ble/ftms-control-point.js';
import { describeStatus, type FitnessMachineStatus, parseFitnessMachineStatus } from '../ble/ftms-status.js';
import { OwedAnswers } from './treadmill-control-answers.js';
import { done } from './treadmill-control-flight.js';
import { ControlQueue, type TreadmillControlLink } from './treadmill-control-queue.js';
import { failed, refusal as refusalOf } from './treadmill-control-refusals.js';
import { statusConfirms } from './treadmill-control-silent.js';
import { SilentWatch } from './treadmill-control-silent-watch.js';
import {
  type ControlCommand,
  type ControlOutcome,
  type ControlTimers,
  realTimers,
  StatusEvent,
  type TreadmillCapabilities,
  type TreadmillControl,
} from './treadmill-control-types.js';
import { treadmillControlMessages as words } from './treadmill-control-words.js';

export {
  type ControlCommand,
  type ControlFailure,
  type ControlOutcome,
  type ControlTimers,
  StatusEvent,
  type TreadmillCapabilities,
  type TreadmillControl,
} from './treadmill-control-types.js';
export { SILENT_RAMP_CAP_MS, STOP_WRITE_WAIT_MS, type TreadmillControlLink } from './treadmill-control-queue.js';
export { treadmillControlMessages } from './treadmill-control-words.js';

/** The belt control a treadmill source offers (real or simulated), or null for any other source. */
export function treadmillControlOf(source: object | null | undefined): TreadmillControl | null {
  const control = (source as { control?: unknown } | null | undefined)?.control;
  return control instanceof EventTarget && 'requestControl' in control ? (control as TreadmillControl) : null;
}

export interface TreadmillControlOptions {
  /** How long a command waits for its answer once written. Default 5 s. */
  timeoutMs?: number;
  timers?: ControlTimers;
}

/**
 * The link hands in what the treadmill says: connected() with what was read, indication(),
 * status() and treadmillData() with each value's bytes, linkLost() when it goes.
 */
export class TreadmillControlPoint extends EventTarget implements TreadmillControl {
  readonly #owed: OwedAnswers;
  readonly #queue: ControlQueue;
  readonly #silent = new SilentWatch();
  #capabilities: TreadmillCapabilities | null = null;
  #hasControl = false;

  constructor(link: TreadmillControlLink, { timeoutMs = 5000, timers = realTimers }: TreadmillControlOptions = {}) {
    super();
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`timeoutMs must be a positive number, not ${timeoutMs}`);
    this.#owed = new OwedAnswers(timers, timeoutMs);
    this.#queue = new ControlQueue(link, timeoutMs, timers, this.#owed, {
      refusal: (command, awaitingControl = false) => refusalOf(this.#capabilities, this.#hasControl, command, awaitingControl),
      changed: () => this.dispatchEvent(new Event('change')),
      writing: (flight) => this.#silent.watch(flight, this.#capabilities),
    });
  }

  get capabilities(): TreadmillCapabilities | null {
    return this.#capabilities;
  }

  get hasControl(): boolean {
    return this.#hasControl;
  }

  get pending(): ControlCommand | null {
    return this.#queue.flight?.request.command ?? null;
  }

  requestControl(): Promise<ControlOutcome> {
    return this.#ask('request-control', REQUEST_CONTROL, encodeRequestControl);
  }

  setSpeed(kmh: number): Promise<ControlOutcome> {
    return this.#ask('speed', SET_TARGET_SPEED, () => encodeSetTargetSpeed(kmh), kmh);
  }

  setIncline(percent: number): Promise<ControlOutcome> {
    return this.#ask('incline', SET_TARGET_INCLINATION, () => encodeSetTargetInclination(percent), percent);
  }

  start(): Promise<ControlOutcome> {
    return this.#ask('start', START_OR_RESUME, encodeStartOrResume);
  }

  stop(): Promise<ControlOutcome> {
    return this.#ask('stop', STOP_OR_PAUSE, encodeStop);
  }

  pause(): Promise<ControlOutcome> {
    return this.#ask('pause', STOP_OR_PAUSE, encodePause);
  }

  /**
   * A new connection: what was read from it. Nothing of the last one carries over: what waited
   * for it ends as on a lost link, and control starts over (the treadmill gives it per connection).
   */
  connected(capabilities: TreadmillCapabilities): void {
    this.#forgetConnection();
    this.#capabilities = capabilities;
    this.dispatchEvent(new Event('capabilities'));
  }

  /** The link went: what waits ends, what was not written is dropped unsent, and control is gone. */
  linkLost(): void {
    this.#forgetConnection();
    if (this.#capabilities !== null) {
      this.#capabilities = null;
      this.dispatchEvent(new Event('capabilities'));
    }
  }

  /** Every indication from 0x2AD9. Malformed, stray and late ones are ignored: the timeout still ends the wait. */
  indication(view: DataView): void {
    let answer;
    try {
      answer = parseControlPointIndication(view);
    } catch {
      return;
    }
    this.#silent.answered(answer.requestOpCode);
    // Answers come only to the client that wrote: "not permitted", even late, says control is gone.
    if (answer.resultCode === RESULT_CONTROL_NOT_PERMITTED) this.#setControl(false);
    if (this.#owed.isLate(answer.requestOpCode)) return;
    const flight = this.#queue.flight;
    if (!flight?.written || flight.request.opCode !== answer.requestOpCode) return;
    // Its own answer: answers come in order, so those still owed for older commands never will.
    this.#owed.clear();
    const answered = describeRequestResult(flight.request.bytes, answer.resultCode);
    // A refused Stop leaves the belt running: the runner's hand is the way left.
    const message = flight.request.command === 'stop' ? words.stopRefused(answered) : answered;
    if (answer.success) {
      if (flight.request.command === 'request-control') this.#setControl(true);
      this.#queue.end(flight, done(flight.request, 'indication'));
    } else if (answer.resultCode === RESULT_CONTROL_NOT_PERMITTED) {
      this.#queue.end(flight, failed('not-permitted', message));
    } else {
      this.#queue.end(flight, failed('refused', message));
    }
  }

  /** Every Fitness Machine Status value from 0x2ADA; one too short to read is dropped. */
  status(view: DataView): void {
    let status: FitnessMachineStatus;
    try {
      status = parseFitnessMachineStatus(view);
    } catch {
      return;
    }
    const flight = this.#queue.flight;
    if (status.kind === 'control-permission-lost' || status.kind === 'reset') {
      this.#setControl(false);
      // Nothing the treadmill took from the app can still be done for it: the wait ends now.
      if (flight) {
        if (flight.written) this.#owed.owe(flight, flight.request.opCode, flight.taken);
        this.#queue.end(flight, failed('not-permitted', words.controlGone(describeStatus(status), requestName(flight.request.bytes))));
      }
    } else {
      const silent = this.#silent.silent(flight);
      const olderStopOwed = this.#owed.owes(STOP_OR_PAUSE);
      if (silent && statusConfirms(silent.request.command, silent.request.value, status, olderStopOwed)) this.#queue.end(silent, done(silent.request, 'status'));
    }
    this.dispatchEvent(new StatusEvent(status));
  }

  /** Every Treadmill Data value (0x2ACD): what a silent treadmill's belt shows of the command waiting. */
  treadmillData(view: DataView): void {
    const flight = this.#queue.flight;
    const verdict = this.#silent.read(view, flight);
    if (!flight) return;
    if (verdict === 'confirmed') this.#queue.end(flight, done(flight.request, 'treadmill-data'));
    if (verdict === 'closer') this.#queue.arm(flight);
  }

  #ask(command: ControlCommand, opCode: number, encode: () => Uint8Array, value = 0): Promise<ControlOutcome> {
    let bytes: Uint8Array;
    try {
      bytes = encode();
    } catch (error) {
      return Promise.resolve(failed('refused', words.cannotCarry(error instanceof Error ? error.message : String(error))));
    }
    return this.#queue.ask({ command, opCode, bytes, value });
  }

  #forgetConnection(): void {
    this.#queue.forget();
    this.#owed.clear();
    this.#silent.forget();
    this.#setControl(false);
  }

  #setControl(hasControl: boolean): void {
    if (hasControl === this.#hasControl) return;
    this.#hasControl = hasControl;
    this.dispatchEvent(new Event('change'));
  }
}
