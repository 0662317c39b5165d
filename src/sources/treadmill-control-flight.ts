// The command waiting for the treadmill, shared by the queue that writes it and the readers of
// what the treadmill says back, so neither has to reach into the other for its shape.

import type { BeltMotion, BeltProgress } from './treadmill-control-silent.js';
import type { ControlCommand, ControlOutcome } from './treadmill-control-types.js';
import { treadmillControlMessages as words } from './treadmill-control-words.js';

export interface Request {
  command: ControlCommand;
  opCode: number;
  bytes: Uint8Array;
  /** Speed in km/h or incline in %, for the message and the silent treadmill's confirmation. */
  value: number;
}

export interface Deferred {
  request: Request;
  outcome: Promise<ControlOutcome>;
  resolve(outcome: ControlOutcome): void;
}

export interface Flight extends Deferred {
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

export function deferred(request: Request): Deferred {
  let resolve!: (outcome: ControlOutcome) => void;
  const outcome = new Promise<ControlOutcome>((r) => (resolve = r));
  return { request, outcome, resolve };
}

export const stopOrPause = (command: ControlCommand): command is 'stop' | 'pause' => command === 'stop' || command === 'pause';
export const beltTarget = (command: ControlCommand): command is 'speed' | 'incline' => command === 'speed' || command === 'incline';

export function done(request: Request, confirmedBy: 'indication' | 'status' | 'treadmill-data'): ControlOutcome {
  return { ok: true, confirmedBy, message: words.done[request.command](request.value) };
}
