// Driving a treadmill's belt through its Fitness Machine Control Point (0x2AD9): what the workout
// runner is offered (TreadmillControl), and the class that pairs each command with the treadmill's
// indication, one at a time, and turns every ending (answer, refusal, silence, lost link) into an
// outcome in words. It never rejects and never sends on its own: a command goes out only when a
// caller asks, and a lost link drops what was waiting instead of sending it later. How bytes reach
// the treadmill is the link's business (Web Bluetooth or the simulator).

import {
  encodePause,
  encodeRequestControl,
  encodeSetTargetInclination,
  encodeSetTargetSpeed,
  encodeStartOrResume,
  encodeStop,
  parseControlPointIndication,
  REQUEST_CONTROL,
  RESULT_CONTROL_NOT_PERMITTED,
  SET_TARGET_INCLINATION,
  SET_TARGET_SPEED,
  START_OR_RESUME,
  STOP_OR_PAUSE,
} from '../ble/ftms-control-point.js';
import type { FitnessMachineFeature, InclinationRange, SpeedRange } from '../ble/ftms-ranges.js';
import { type FitnessMachineStatus, parseFitnessMachineStatus } from '../ble/ftms-status.js';
import { parseTreadmillData } from '../ble/ftms-treadmill.js';

export interface TreadmillCapabilities {
  /** null: 0x2ACC absent or unreadable. */
  feature: FitnessMachineFeature | null;
  speed: SpeedRange | null;
  incline: InclinationRange | null;
  /** 0x2AD9 present (and indications subscribed). */
  controlPoint: boolean;
}

export type ControlFailure = 'not-connected' | 'busy' | 'no-control-point' | 'refused' | 'not-permitted' | 'no-answer' | 'link-lost' | 'not-sent';

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
 * One command in flight; stop() and pause() asked while another waits are sent as soon as it
 * ends (at most one waits; asking again joins it); any other call while busy fails with 'busy'.
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
  /** 0x08 0x01. */
  stop(): Promise<ControlOutcome>;
  /** 0x08 0x02. */
  pause(): Promise<ControlOutcome>;
}

/** What the class needs from whatever carries bytes to the treadmill. */
export interface TreadmillControlLink {
  /** Writes one request to 0x2AD9; the answer comes back through TreadmillControlPoint.indication(). */
  write(request: Uint8Array): Promise<void>;
}

/** setTimeout and clearTimeout, swappable so tests can run the clock. */
export interface ControlTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface TreadmillControlOptions {
  /** How long a command waits for its answer. Default 5 s. */
  timeoutMs?: number;
  timers?: ControlTimers;
}

const realTimers: ControlTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const kmhText = (kmh: number): string => (Math.round(kmh * 100) % 10 === 0 ? kmh.toFixed(1) : kmh.toFixed(2));

export const treadmillControlMessages = {
  notConnected: 'Connect the treadmill first.',
  noControlPoint: 'This treadmill takes no commands.',
  busy: 'The treadmill is still answering the last command.',
  notInControl: 'The app does not control the treadmill now; nothing was sent.',
  notInControlToStop: 'The app does not control the treadmill now: stop the belt on the treadmill.',
  noSpeedTarget: 'This treadmill does not take a target speed.',
  noInclineTarget: 'This treadmill does not take a target incline.',
  cannotCarry: (reason: string): string => `The value cannot be sent to the treadmill (${reason}).`,
  noAnswer: (timeoutMs: number): string => `The treadmill did not answer within ${Number((timeoutMs / 1000).toFixed(1))} s.`,
  linkLost: 'The treadmill disconnected before it answered.',
  droppedUnsent: 'The treadmill disconnected; the command was not sent.',
  notSent: (reason: string): string => `Could not send the command to the treadmill (${reason}).`,
  done: {
    'request-control': () => 'The app has control of the treadmill.',
    speed: (value: number) => `The belt speed is set to ${kmhText(value)} km/h.`,
    incline: (value: number) => `The incline is set to ${value.toFixed(1)} %.`,
    start: () => 'The belt was started.',
    stop: () => 'The belt was stopped.',
    pause: () => 'The belt was paused.',
  } satisfies Record<ControlCommand, (value: number) => string>,
} as const;

interface Request {
  command: ControlCommand;
  opCode: number;
  bytes: Uint8Array;
  /** Speed in km/h or incline in %, for the message and the silent treadmill's confirmation. */
  value: number;
}

interface Deferred {
  request: Request;
  outcome: Promise<ControlOutcome>;
  resolve(outcome: ControlOutcome): void;
}

interface Flight extends Deferred {
  timer: unknown;
}

function deferred(request: Request): Deferred {
  let resolve!: (outcome: ControlOutcome) => void;
  const outcome = new Promise<ControlOutcome>((r) => (resolve = r));
  return { request, outcome, resolve };
}

const failed = (failure: ControlFailure, message: string): ControlOutcome => ({ ok: false, failure, message });
const stopOrPause = (command: ControlCommand): boolean => command === 'stop' || command === 'pause';
// A belt reported within this of the target has reached it (Treadmill Data is sent in 0.01 km/h).
const REACHED_KMH = 0.05;

/**
 * The link hands in what the treadmill says: connected() with what was read, indication(),
 * status() and treadmillData() with each value's bytes, linkLost() when it goes.
 */
export class TreadmillControlPoint extends EventTarget implements TreadmillControl {
  readonly #link: TreadmillControlLink;
  readonly #timeoutMs: number;
  readonly #timers: ControlTimers;
  #capabilities: TreadmillCapabilities | null = null;
  #hasControl = false;
  #flight: Flight | null = null;
  #queued: Deferred | null = null;
  // Once the treadmill answered a belt command, an answer is what confirms one: a reading that
  // happens to match must not hide a refusal still on its way. Until then (a silent treadmill),
  // status and Treadmill Data confirm speed and incline.
  #answersCommands = false;

  constructor(link: TreadmillControlLink, { timeoutMs = 5000, timers = realTimers }: TreadmillControlOptions = {}) {
    super();
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`timeoutMs must be a positive number, not ${timeoutMs}`);
    this.#link = link;
    this.#timeoutMs = timeoutMs;
    this.#timers = timers;
  }

  get capabilities(): TreadmillCapabilities | null {
    return this.#capabilities;
  }

  get hasControl(): boolean {
    return this.#hasControl;
  }

  get pending(): ControlCommand | null {
    return this.#flight?.request.command ?? null;
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

  /** A new connection: what was read from it. Control starts over: the treadmill gives it per connection. */
  connected(capabilities: TreadmillCapabilities): void {
    this.#capabilities = capabilities;
    this.#answersCommands = false;
    this.#setControl(false);
    this.dispatchEvent(new Event('capabilities'));
  }

  /** The link went: what waits ends, what was queued is dropped unsent, and control is gone. */
  linkLost(): void {
    const queued = this.#queued;
    this.#queued = null;
    queued?.resolve(failed('link-lost', treadmillControlMessages.droppedUnsent));
    if (this.#flight) this.#end(this.#flight, failed('link-lost', treadmillControlMessages.linkLost));
    this.#answersCommands = false;
    this.#setControl(false);
    if (this.#capabilities !== null) {
      this.#capabilities = null;
      this.dispatchEvent(new Event('capabilities'));
    }
  }

  /** Every indication from 0x2AD9. Malformed or stray ones are ignored: the timeout still ends the wait. */
  indication(view: DataView): void {
    let answer;
    try {
      answer = parseControlPointIndication(view);
    } catch {
      return;
    }
    if (answer.requestOpCode !== REQUEST_CONTROL) this.#answersCommands = true;
    const flight = this.#flight;
    if (!flight || flight.request.opCode !== answer.requestOpCode) return;
    if (answer.success) {
      if (flight.request.command === 'request-control') this.#setControl(true);
      this.#end(flight, this.#done(flight.request, 'indication'));
    } else if (answer.resultCode === RESULT_CONTROL_NOT_PERMITTED) {
      this.#setControl(false);
      this.#end(flight, failed('not-permitted', answer.message));
    } else {
      this.#end(flight, failed('refused', answer.message));
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
    if (status.kind === 'control-permission-lost' || status.kind === 'reset') this.#setControl(false);
    const flight = this.#silentFlight();
    if (flight?.request.command === 'speed' && status.kind === 'target-speed-changed' && sameSpeed(status.kmh, flight.request.value)) {
      this.#end(flight, this.#done(flight.request, 'status'));
    }
    if (flight?.request.command === 'incline' && status.kind === 'target-incline-changed' && sameIncline(status.percent, flight.request.value)) {
      this.#end(flight, this.#done(flight.request, 'status'));
    }
    this.dispatchEvent(new StatusEvent(status));
  }

  /** Every Treadmill Data value (0x2ACD): a silent treadmill's belt reaching the target confirms it. */
  treadmillData(view: DataView): void {
    const flight = this.#silentFlight();
    if (!flight) return;
    let speedKmh: number | null;
    let inclinePercent: number | null;
    try {
      const data = parseTreadmillData(view);
      speedKmh = data.speedMps === null ? null : data.speedMps * 3.6;
      inclinePercent = data.inclinationPercent;
    } catch {
      return;
    }
    const { command, value } = flight.request;
    const reached =
      (command === 'speed' && speedKmh !== null && Math.abs(speedKmh - value) <= REACHED_KMH + 1e-9) ||
      (command === 'incline' && inclinePercent !== null && sameIncline(inclinePercent, value));
    if (reached) this.#end(flight, this.#done(flight.request, 'treadmill-data'));
  }

  #silentFlight(): Flight | null {
    return this.#answersCommands ? null : this.#flight;
  }

  #ask(command: ControlCommand, opCode: number, encode: () => Uint8Array, value = 0): Promise<ControlOutcome> {
    let bytes: Uint8Array;
    try {
      bytes = encode();
    } catch (error) {
      return Promise.resolve(failed('refused', treadmillControlMessages.cannotCarry(error instanceof Error ? error.message : String(error))));
    }
    const request: Request = { command, opCode, bytes, value };
    const refusal = this.#refusal(request);
    if (refusal) return Promise.resolve(refusal);
    const flight = this.#flight;
    if (!flight) return this.#send(request);
    if (!stopOrPause(command)) return Promise.resolve(failed('busy', treadmillControlMessages.busy));
    // A stop or pause the runner pressed while another command waits goes out right after it; a
    // second press joins what waits (a stop outranks a waiting pause) rather than sending twice.
    const queued = this.#queued;
    if (queued) {
      if (command === 'stop') queued.request = request;
      return queued.outcome;
    }
    if (flight.request.command === 'stop' || flight.request.command === command) return flight.outcome;
    this.#queued = deferred(request);
    return this.#queued.outcome;
  }

  #refusal({ command }: Request): ControlOutcome | null {
    const capabilities = this.#capabilities;
    if (!capabilities) return failed('not-connected', treadmillControlMessages.notConnected);
    if (!capabilities.controlPoint) return failed('no-control-point', treadmillControlMessages.noControlPoint);
    if (command !== 'request-control' && !this.#hasControl) {
      return failed('not-permitted', stopOrPause(command) ? treadmillControlMessages.notInControlToStop : treadmillControlMessages.notInControl);
    }
    if (command === 'speed' && capabilities.feature?.speedTargetSupported === false) return failed('refused', treadmillControlMessages.noSpeedTarget);
    if (command === 'incline' && capabilities.feature?.inclinationTargetSupported === false) {
      return failed('refused', treadmillControlMessages.noInclineTarget);
    }
    return null;
  }

  #send(request: Request): Promise<ControlOutcome> {
    const flight: Flight = { ...deferred(request), timer: null };
    // One clock for the whole command, so a treadmill that hangs on the write times out too.
    flight.timer = this.#timers.set(() => this.#end(flight, failed('no-answer', treadmillControlMessages.noAnswer(this.#timeoutMs))), this.#timeoutMs);
    this.#flight = flight;
    this.dispatchEvent(new Event('change'));
    let written: Promise<void>;
    try {
      written = this.#link.write(request.bytes);
    } catch (error) {
      written = Promise.reject(error);
    }
    written.catch((error: unknown) => this.#end(flight, sendFailed(error)));
    return flight.outcome;
  }

  #end(flight: Flight, outcome: ControlOutcome): void {
    if (this.#flight !== flight) return;
    this.#timers.clear(flight.timer);
    this.#flight = null;
    flight.resolve(outcome);
    const queued = this.#queued;
    this.#queued = null;
    if (queued) {
      // Checked again: control may have gone while the first command waited.
      const refusal = this.#refusal(queued.request);
      if (refusal) queued.resolve(refusal);
      else void this.#send(queued.request).then(queued.resolve);
      if (!refusal) return;
    }
    this.dispatchEvent(new Event('change'));
  }

  #done(request: Request, confirmedBy: 'indication' | 'status' | 'treadmill-data'): ControlOutcome {
    return { ok: true, confirmedBy, message: treadmillControlMessages.done[request.command](request.value) };
  }

  #setControl(hasControl: boolean): void {
    if (hasControl === this.#hasControl) return;
    this.#hasControl = hasControl;
    this.dispatchEvent(new Event('change'));
  }
}

// Compared in the units the fields carry: 0.01 km/h and 0.1 %.
const sameSpeed = (a: number, b: number): boolean => Math.round(a * 100) === Math.round(b * 100);
const sameIncline = (a: number, b: number): boolean => Math.round(a * 10) === Math.round(b * 10);

function sendFailed(error: unknown): ControlOutcome {
  if (error instanceof DOMException && error.name === 'NotFoundError') return failed('no-control-point', treadmillControlMessages.noControlPoint);
  if (error instanceof DOMException && error.name === 'NetworkError') return failed('link-lost', treadmillControlMessages.linkLost);
  return failed('not-sent', treadmillControlMessages.notSent(error instanceof Error ? error.message : String(error)));
}
