// Driving a treadmill's belt through its Fitness Machine Control Point (0x2AD9): the class that
// pairs each command with the treadmill's answer and turns every ending (answer, refusal, silence,
// lost link, the runner's Stop going first) into an outcome in words. It never rejects and never
// sends on its own: a command goes out only when a caller asks, one write at a time, and a lost
// link drops what was waiting instead of sending it later. How bytes reach the treadmill is the
// link's business (Web Bluetooth or the simulator). The shapes it offers are in
// treadmill-control-types.ts; which answer is whose in treadmill-control-answers.ts; what confirms
// a command on a treadmill that never answers in treadmill-control-silent.ts; why a command cannot
// go out in treadmill-control-refusals.ts.

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
import { parseTreadmillData } from '../ble/ftms-treadmill.js';
import { OwedAnswers } from './treadmill-control-answers.js';
import { failed, refusal as refusalOf, sendFailed } from './treadmill-control-refusals.js';
import { BeltMotion, BeltProgress, statusConfirms } from './treadmill-control-silent.js';
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
export { treadmillControlMessages } from './treadmill-control-words.js';

/** The belt control a treadmill source offers (real or simulated), or null for any other source. */
export function treadmillControlOf(source: object | null | undefined): TreadmillControl | null {
  const control = (source as { control?: unknown } | null | undefined)?.control;
  return control instanceof EventTarget && 'requestControl' in control ? (control as TreadmillControl) : null;
}

/** What the class needs from whatever carries bytes to the treadmill. */
export interface TreadmillControlLink {
  /** Writes one request to 0x2AD9; settles when the treadmill took it. The answer comes back through TreadmillControlPoint.indication(). */
  write(request: Uint8Array): Promise<void>;
}

export interface TreadmillControlOptions {
  /** How long a command waits for its answer once written. Default 5 s. */
  timeoutMs?: number;
  timers?: ControlTimers;
}

/** The longest a treadmill that never answers may take to bring its belt to a speed (or incline) while its Treadmill Data keeps moving toward it. */
export const SILENT_RAMP_CAP_MS = 30_000;
/**
 * How long a Stop or Pause waits for the treadmill to take the write before it (any other command
 * waits one timeout). Longer, because it is what the runner pressed and still what they want
 * then; not for ever, because a stop arriving long after could meet a belt restarted by hand.
 */
export const STOP_WRITE_WAIT_MS = 30_000;

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
  /** Handed to the link; false while it waits for the write before it to be taken. */
  written: boolean;
  /** Its write settled: the treadmill has it, and may answer it from now on. */
  taken: boolean;
  /** The answer's timeout once written; before that, how long it may wait to be written. */
  timer: unknown;
  /** A silent treadmill's longest wait for its belt (speed and incline only). */
  cap: unknown;
  progress: BeltProgress | null;
  /** A silent treadmill's Start, Stop or Pause as its belt shows it. */
  motion: BeltMotion | null;
}

function deferred(request: Request): Deferred {
  let resolve!: (outcome: ControlOutcome) => void;
  const outcome = new Promise<ControlOutcome>((r) => (resolve = r));
  return { request, outcome, resolve };
}

const stopOrPause = (command: ControlCommand): command is 'stop' | 'pause' => command === 'stop' || command === 'pause';
const beltTarget = (command: ControlCommand): command is 'speed' | 'incline' => command === 'speed' || command === 'incline';

/**
 * The link hands in what the treadmill says: connected() with what was read, indication(),
 * status() and treadmillData() with each value's bytes, linkLost() when it goes.
 */
export class TreadmillControlPoint extends EventTarget implements TreadmillControl {
  readonly #link: TreadmillControlLink;
  readonly #timeoutMs: number;
  readonly #timers: ControlTimers;
  readonly #owed: OwedAnswers;
  #capabilities: TreadmillCapabilities | null = null;
  #hasControl = false;
  /** The command waiting: to be written, or for its answer. */
  #flight: Flight | null = null;
  /** A Stop or Pause asked while Request Control waits: written once control is granted. */
  #queued: Deferred | null = null;
  /** The write the link has not settled yet; a token, so a lost connection's write cannot free a new one's. */
  #writing: object | null = null;
  // Once the treadmill answered a belt command, an answer is what confirms one: a reading that
  // happens to match must not hide a refusal still on its way. Until then (a silent treadmill),
  // status and Treadmill Data confirm.
  #answersCommands = false;
  // The last Treadmill Data, so a silent command can tell a belt coming closer from one standing.
  #lastKmh: number | null = null;
  #lastInclinePercent: number | null = null;

  constructor(link: TreadmillControlLink, { timeoutMs = 5000, timers = realTimers }: TreadmillControlOptions = {}) {
    super();
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`timeoutMs must be a positive number, not ${timeoutMs}`);
    this.#link = link;
    this.#timeoutMs = timeoutMs;
    this.#timers = timers;
    this.#owed = new OwedAnswers(timers, timeoutMs);
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
    if (answer.requestOpCode !== REQUEST_CONTROL) this.#answersCommands = true;
    // Answers come only to the client that wrote: "not permitted", even late, says control is gone.
    if (answer.resultCode === RESULT_CONTROL_NOT_PERMITTED) this.#setControl(false);
    if (this.#owed.isLate(answer.requestOpCode)) return;
    const flight = this.#flight;
    if (!flight?.written || flight.request.opCode !== answer.requestOpCode) return;
    // Its own answer: answers come in order, so those still owed for older commands never will.
    this.#owed.clear();
    const answered = describeRequestResult(flight.request.bytes, answer.resultCode);
    // A refused Stop leaves the belt running: the runner's hand is the way left.
    const message = flight.request.command === 'stop' ? words.stopRefused(answered) : answered;
    if (answer.success) {
      if (flight.request.command === 'request-control') this.#setControl(true);
      this.#end(flight, this.#done(flight.request, 'indication'));
    } else if (answer.resultCode === RESULT_CONTROL_NOT_PERMITTED) {
      this.#end(flight, failed('not-permitted', message));
    } else {
      this.#end(flight, failed('refused', message));
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
    const flight = this.#flight;
    if (status.kind === 'control-permission-lost' || status.kind === 'reset') {
      this.#setControl(false);
      // Nothing the treadmill took from the app can still be done for it: the wait ends now.
      if (flight) {
        if (flight.written) this.#owed.owe(flight, flight.request.opCode, flight.taken);
        this.#end(flight, failed('not-permitted', words.controlGone(describeStatus(status), requestName(flight.request.bytes))));
      }
    } else {
      const silent = this.#silentFlight();
      const olderStopOwed = this.#owed.owes(STOP_OR_PAUSE);
      if (silent && statusConfirms(silent.request.command, silent.request.value, status, olderStopOwed)) this.#end(silent, this.#done(silent.request, 'status'));
    }
    this.dispatchEvent(new StatusEvent(status));
  }

  /**
   * Every Treadmill Data value (0x2ACD): a silent treadmill's belt standing at the target confirms
   * it, one still coming closer is given time, and a belt visibly starting or coming to a stand
   * confirms a Start, or a Stop or Pause.
   */
  treadmillData(view: DataView): void {
    let speedKmh: number | null;
    let inclinePercent: number | null;
    try {
      const data = parseTreadmillData(view);
      speedKmh = data.speedMps === null ? null : data.speedMps * 3.6;
      inclinePercent = data.inclinationPercent;
    } catch {
      return;
    }
    if (speedKmh !== null) this.#lastKmh = speedKmh;
    if (inclinePercent !== null) this.#lastInclinePercent = inclinePercent;
    const flight = this.#silentFlight();
    if (flight?.motion && speedKmh !== null && flight.motion.read(speedKmh)) {
      this.#end(flight, this.#done(flight.request, 'treadmill-data'));
      return;
    }
    const value = flight?.request.command === 'speed' ? speedKmh : inclinePercent;
    if (!flight?.progress || value === null) return;
    const reading = flight.progress.read(value);
    if (reading === 'reached') this.#end(flight, this.#done(flight.request, 'treadmill-data'));
    if (reading === 'closer') this.#arm(flight);
  }

  #silentFlight(): Flight | null {
    return this.#answersCommands || !this.#flight?.written ? null : this.#flight;
  }

  #ask(command: ControlCommand, opCode: number, encode: () => Uint8Array, value = 0): Promise<ControlOutcome> {
    let bytes: Uint8Array;
    try {
      bytes = encode();
    } catch (error) {
      return Promise.resolve(failed('refused', words.cannotCarry(error instanceof Error ? error.message : String(error))));
    }
    const request: Request = { command, opCode, bytes, value };
    const flight = this.#flight;
    if (stopOrPause(command) && flight?.request.command === 'request-control') return this.#afterControl(request);
    const refusal = this.#refusal(request.command);
    if (refusal) return Promise.resolve(refusal);
    if (!flight) return this.#start(request);
    if (!stopOrPause(command)) return Promise.resolve(failed('busy', words.busy));
    return this.#goFirst(flight, request, command);
  }

  /** A Stop or Pause asked while Request Control waits: it cannot go before control is granted, so it waits for it. */
  #afterControl(request: Request): Promise<ControlOutcome> {
    const refusal = this.#refusal(request.command, true);
    if (refusal) return Promise.resolve(refusal);
    const queued = this.#queued;
    if (!queued) return (this.#queued = deferred(request)).outcome;
    if (request.command === 'stop') queued.request = request;
    return queued.outcome;
  }

  /** The runner's Stop or Pause wins over the command waiting; a second press joins the first. */
  #goFirst(flight: Flight, request: Request, by: 'stop' | 'pause'): Promise<ControlOutcome> {
    const waiting = flight.request.command;
    if (waiting === 'stop' || waiting === by) return flight.outcome;
    if (waiting === 'pause' && !flight.written) {
      // Not written yet: the Stop takes its place, and both presses get the Stop's outcome.
      flight.request = request;
      this.dispatchEvent(new Event('change'));
      return flight.outcome;
    }
    if (flight.written) this.#owed.owe(flight, flight.request.opCode, flight.taken);
    this.#finish(flight, failed('superseded', words.superseded(requestName(flight.request.bytes), by)));
    return this.#start(request);
  }

  #refusal(command: ControlCommand, awaitingControl = false): ControlOutcome | null {
    return refusalOf(this.#capabilities, this.#hasControl, command, awaitingControl);
  }

  /** The request becomes the command waiting; written now, or once the write before it settles. */
  #start(request: Request): Promise<ControlOutcome> {
    const flight: Flight = { ...deferred(request), written: false, taken: false, timer: null, cap: null, progress: null, motion: null };
    this.#flight = flight;
    this.dispatchEvent(new Event('change'));
    if (this.#writing === null) {
      this.#write(flight);
    } else {
      // Never two writes at once: a GATT characteristic takes one (Chromium refuses a second with
      // "GATT operation already in progress", which reads as a lost link).
      const waitMs = stopOrPause(request.command) ? Math.max(STOP_WRITE_WAIT_MS, this.#timeoutMs) : this.#timeoutMs;
      flight.timer = this.#timers.set(() => this.#end(flight, failed('not-sent', words.writeStuck(requestName(flight.request.bytes), waitMs))), waitMs);
    }
    return flight.outcome;
  }

  #write(flight: Flight): void {
    const { command, value, bytes } = flight.request;
    flight.written = true;
    this.#arm(flight);
    if (command === 'start' || stopOrPause(command)) flight.motion = new BeltMotion(command, this.#lastKmh);
    if (beltTarget(command)) {
      const capabilities = this.#capabilities;
      const increment = command === 'speed' ? (capabilities?.speed?.incrementKmh ?? null) : (capabilities?.incline?.incrementPercent ?? null);
      flight.progress = new BeltProgress(command, value, increment, command === 'speed' ? this.#lastKmh : this.#lastInclinePercent);
      const capMs = Math.max(SILENT_RAMP_CAP_MS, this.#timeoutMs);
      flight.cap = this.#timers.set(() => this.#timedOut(flight, words.notReachedIn(command, value, capMs)), capMs);
    }
    const token = {};
    this.#writing = token;
    let written: Promise<void>;
    try {
      written = this.#link.write(bytes);
    } catch (error) {
      written = Promise.reject(error);
    }
    written.then(
      () => this.#settled(token, flight, null),
      (error: unknown) => this.#settled(token, flight, error),
    );
  }

  /** (Re)starts the wait for the answer: at the write, and again whenever a silent belt comes closer. */
  #arm(flight: Flight): void {
    this.#timers.clear(flight.timer);
    flight.timer = this.#timers.set(() => this.#timedOut(flight, null), this.#timeoutMs);
  }

  #timedOut(flight: Flight, capMessage: string | null): void {
    const progress = flight.progress;
    const { command, value } = flight.request;
    let message = capMessage ?? words.noAnswer(this.#timeoutMs);
    if (!capMessage && progress?.moved && progress.last !== null && beltTarget(command)) message = words.stoppedAt(command, progress.last, value);
    this.#owed.owe(flight, flight.request.opCode, flight.taken);
    this.#end(flight, failed('no-answer', message));
  }

  /** The link settled a write: a failure ends its command (if it still waits), and the next write may go. */
  #settled(token: object, flight: Flight, error: unknown): void {
    if (this.#writing !== token) return;
    this.#writing = null;
    if (error !== null) {
      this.#owed.cancel(flight);
      if (this.#flight === flight) this.#end(flight, sendFailed(error, flight.request.command));
    } else {
      flight.taken = true;
      this.#owed.taken(flight);
    }
    const next = this.#flight;
    if (!next || next.written) return;
    // Checked again: the link or control may have gone while it waited.
    const refusal = this.#refusal(next.request.command);
    if (refusal) this.#end(next, refusal);
    else this.#write(next);
  }

  #finish(flight: Flight, outcome: ControlOutcome): void {
    this.#timers.clear(flight.timer);
    this.#timers.clear(flight.cap);
    this.#flight = null;
    flight.resolve(outcome);
  }

  #end(flight: Flight, outcome: ControlOutcome): void {
    if (this.#flight !== flight) return;
    this.#finish(flight, outcome);
    const queued = this.#queued;
    this.#queued = null;
    // Checked again: control was granted, or not.
    const refusal = queued && this.#refusal(queued.request.command);
    if (queued && !refusal) {
      // #start says 'change' itself: pending goes straight from one command to the next.
      void this.#start(queued.request).then(queued.resolve);
      return;
    }
    if (queued && refusal) queued.resolve(refusal);
    this.dispatchEvent(new Event('change'));
  }

  #done(request: Request, confirmedBy: 'indication' | 'status' | 'treadmill-data'): ControlOutcome {
    return { ok: true, confirmedBy, message: words.done[request.command](request.value) };
  }

  #forgetConnection(): void {
    const queued = this.#queued;
    this.#queued = null;
    queued?.resolve(failed('link-lost', words.droppedUnsent));
    const flight = this.#flight;
    if (flight) this.#end(flight, failed('link-lost', flight.written ? words.linkLost : words.droppedUnsent));
    this.#writing = null;
    this.#owed.clear();
    this.#answersCommands = false;
    this.#lastKmh = null;
    this.#lastInclinePercent = null;
    this.#setControl(false);
  }

  #setControl(hasControl: boolean): void {
    if (hasControl === this.#hasControl) return;
    this.#hasControl = hasControl;
    this.dispatchEvent(new Event('change'));
  }
}
