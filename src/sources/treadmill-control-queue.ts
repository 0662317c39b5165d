// One command at a time, one write at a time: an answer names only its op code, so a second
// command in flight could not be told from the first. The runner's Stop or Pause is the exception
// that may not wait its turn: it ends the command waiting and goes next. A lost link drops what was
// not written. TreadmillControlPoint owns what decides whether a command may go (capabilities,
// control) and what confirms one; this owns the waiting.

import { requestName } from '../ble/ftms-control-point.js';
import { beltTarget, type Deferred, deferred, type Flight, type Request, stopOrPause } from './treadmill-control-flight.js';
import type { OwedAnswers } from './treadmill-control-answers.js';
import { failed, sendFailed } from './treadmill-control-refusals.js';
import type { ControlCommand, ControlOutcome, ControlTimers } from './treadmill-control-types.js';
import { treadmillControlMessages as words } from './treadmill-control-words.js';

/** What the class needs from whatever carries bytes to the treadmill. */
export interface TreadmillControlLink {
  /** Writes one request to 0x2AD9; settles when the treadmill took it. The answer comes back through TreadmillControlPoint.indication(). */
  write(request: Uint8Array): Promise<void>;
}

/** The longest a treadmill that never answers may take to bring its belt to a speed (or incline) while its Treadmill Data keeps moving toward it. */
export const SILENT_RAMP_CAP_MS = 30_000;
/**
 * How long a Stop or Pause waits for the treadmill to take the write before it (any other command
 * waits one timeout). Longer, because it is what the runner pressed and still what they want
 * then; not for ever, because a stop arriving long after could meet a belt restarted by hand.
 */
export const STOP_WRITE_WAIT_MS = 30_000;

/** What the queue asks of its owner: the state that decides, and the events that tell. */
export interface QueueOwner {
  /** Why this command cannot go now, or null; asked again whenever a command's turn comes. */
  refusal(command: ControlCommand, awaitingControl?: boolean): ControlOutcome | null;
  /** The command waiting (or control) changed. */
  changed(): void;
  /** A command is being written: from here on the treadmill's readings may confirm it. */
  writing(flight: Flight): void;
}

export class ControlQueue {
  readonly #link: TreadmillControlLink;
  readonly #timeoutMs: number;
  readonly #timers: ControlTimers;
  readonly #owed: OwedAnswers;
  readonly #owner: QueueOwner;
  /** The command waiting: to be written, or for its answer. */
  #flight: Flight | null = null;
  /** A Stop or Pause asked while Request Control waits: written once control is granted. */
  #queued: Deferred | null = null;
  /** The write the link has not settled yet; a token, so a lost connection's write cannot free a new one's. */
  #writing: object | null = null;

  constructor(link: TreadmillControlLink, timeoutMs: number, timers: ControlTimers, owed: OwedAnswers, owner: QueueOwner) {
    this.#link = link;
    this.#timeoutMs = timeoutMs;
    this.#timers = timers;
    this.#owed = owed;
    this.#owner = owner;
  }

  get flight(): Flight | null {
    return this.#flight;
  }

  ask(request: Request): Promise<ControlOutcome> {
    const { command } = request;
    const flight = this.#flight;
    if (stopOrPause(command) && flight?.request.command === 'request-control') return this.#afterControl(request);
    const refusal = this.#owner.refusal(command);
    if (refusal) return Promise.resolve(refusal);
    if (!flight) return this.#start(request);
    if (!stopOrPause(command)) return Promise.resolve(failed('busy', words.busy));
    return this.#goFirst(flight, request, command);
  }

  /** (Re)starts the wait for the answer: at the write, and again whenever a silent belt comes closer. */
  arm(flight: Flight): void {
    this.#timers.clear(flight.timer);
    flight.timer = this.#timers.set(() => this.#timedOut(flight, null), this.#timeoutMs);
  }

  end(flight: Flight, outcome: ControlOutcome): void {
    if (this.#flight !== flight) return;
    this.#finish(flight, outcome);
    const queued = this.#queued;
    this.#queued = null;
    // Checked again: control was granted, or not.
    const refusal = queued && this.#owner.refusal(queued.request.command);
    if (queued && !refusal) {
      // #start says 'change' itself: pending goes straight from one command to the next.
      void this.#start(queued.request).then(queued.resolve);
      return;
    }
    if (queued && refusal) queued.resolve(refusal);
    this.#owner.changed();
  }

  /** A connection ended or began: what waits ends, and what was not written is dropped unsent. */
  forget(): void {
    const queued = this.#queued;
    this.#queued = null;
    queued?.resolve(failed('link-lost', words.droppedUnsent));
    const flight = this.#flight;
    if (flight) this.end(flight, failed('link-lost', flight.written ? words.linkLost : words.droppedUnsent));
    this.#writing = null;
  }

  /** A Stop or Pause asked while Request Control waits: it cannot go before control is granted, so it waits for it. */
  #afterControl(request: Request): Promise<ControlOutcome> {
    const refusal = this.#owner.refusal(request.command, true);
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
      this.#owner.changed();
      return flight.outcome;
    }
    if (flight.written) this.#owed.owe(flight, flight.request.opCode, flight.taken);
    this.#finish(flight, failed('superseded', words.superseded(requestName(flight.request.bytes), by)));
    return this.#start(request);
  }

  /** The request becomes the command waiting; written now, or once the write before it settles. */
  #start(request: Request): Promise<ControlOutcome> {
    const flight: Flight = { ...deferred(request), written: false, taken: false, timer: null, cap: null, progress: null, motion: null };
    this.#flight = flight;
    this.#owner.changed();
    if (this.#writing === null) {
      this.#write(flight);
    } else {
      // Never two writes at once: a GATT characteristic takes one (Chromium refuses a second with
      // "GATT operation already in progress", which reads as a lost link).
      const waitMs = stopOrPause(request.command) ? Math.max(STOP_WRITE_WAIT_MS, this.#timeoutMs) : this.#timeoutMs;
      flight.timer = this.#timers.set(() => this.end(flight, failed('not-sent', words.writeStuck(requestName(flight.request.bytes), waitMs))), waitMs);
    }
    return flight.outcome;
  }

  #write(flight: Flight): void {
    const { command, value, bytes } = flight.request;
    flight.written = true;
    this.arm(flight);
    this.#owner.writing(flight);
    if (beltTarget(command)) {
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

  #timedOut(flight: Flight, capMessage: string | null): void {
    const progress = flight.progress;
    const { command, value } = flight.request;
    let message = capMessage ?? words.noAnswer(this.#timeoutMs);
    if (!capMessage && progress?.moved && progress.last !== null && beltTarget(command)) message = words.stoppedAt(command, progress.last, value);
    this.#owed.owe(flight, flight.request.opCode, flight.taken);
    this.end(flight, failed('no-answer', message));
  }

  /** The link settled a write: a failure ends its command (if it still waits), and the next write may go. */
  #settled(token: object, flight: Flight, error: unknown): void {
    if (this.#writing !== token) return;
    this.#writing = null;
    if (error !== null) {
      this.#owed.cancel(flight);
      if (this.#flight === flight) this.end(flight, sendFailed(error, flight.request.command));
    } else {
      flight.taken = true;
      this.#owed.taken(flight);
    }
    const next = this.#flight;
    if (!next || next.written) return;
    // Checked again: the link or control may have gone while it waited.
    const refusal = this.#owner.refusal(next.request.command);
    if (refusal) this.end(next, refusal);
    else this.#write(next);
  }

  #finish(flight: Flight, outcome: ControlOutcome): void {
    this.#timers.clear(flight.timer);
    this.#timers.clear(flight.cap);
    this.#flight = null;
    flight.resolve(outcome);
  }
}
