// A treadmill that never answers its control point still shows what it did: its Fitness Machine
// Status (0x04 started, 0x02 0x01 stopped, 0x02 0x02 paused, 0x05 and 0x06 the new target) and its
// Treadmill Data on the way to the target. These are the rules that read a command as done from
// them; TreadmillControlPoint uses them only until the treadmill has answered a belt command.

import type { FitnessMachineStatus } from '../ble/ftms-status.js';
import type { ControlCommand } from './treadmill-control-types.js';

// Compared in the units the fields carry: 0.01 km/h and 0.1 %.
export const sameSpeed = (a: number, b: number): boolean => Math.round(a * 100) === Math.round(b * 100);
export const sameIncline = (a: number, b: number): boolean => Math.round(a * 10) === Math.round(b * 10);

/**
 * Whether this status says the waiting command was done. A 0x02 without its parameter stopped or
 * paused the belt: either asked is done, unless an older Stop or Pause is still owed its answer
 * (`olderStopOwed`), since then it may be that one's (a Pause given up for the Stop pressed after it).
 */
export function statusConfirms(command: ControlCommand, value: number, status: FitnessMachineStatus, olderStopOwed = false): boolean {
  switch (command) {
    case 'speed':
      return status.kind === 'target-speed-changed' && sameSpeed(status.kmh, value);
    case 'incline':
      return status.kind === 'target-incline-changed' && sameIncline(status.percent, value);
    case 'start':
      return status.kind === 'started-or-resumed';
    case 'stop':
      return status.kind === 'stopped-or-paused-by-user' && (status.how === 'stop' || (status.how === null && !olderStopOwed));
    case 'pause':
      return status.kind === 'stopped-or-paused-by-user' && (status.how === 'pause' || (status.how === null && !olderStopOwed));
    case 'request-control':
      return false;
  }
}

/** What one Treadmill Data reading says about the belt's way to its target. */
export type Reading = 'reached' | 'closer' | 'no-closer';

// A reading this close is the target (Treadmill Data is sent in 0.01 km/h and 0.1 %).
const REACHED = 0.05;
const RESOLUTION = { speed: 0.01, incline: 0.1 } as const;

/**
 * A belt on its way to a target speed (or a deck to an incline), reading by reading. Reached: the
 * belt stands there: two readings in a row at the target (the last no farther from it), or two
 * that stand still less than one of the range's increments from it (a treadmill that works in mph
 * runs 12.0 km/h as 7.5 mph, 12.07 km/h, the nearest its belt can go). A belt on its way does not
 * stand still, and one reading at the target could be a belt passing through on its way elsewhere. Closer: nearer than any
 * reading before, by at least the field's resolution: the belt is still coming, so a silent
 * treadmill's command is given more time.
 */
export class BeltProgress {
  readonly #target: number;
  readonly #increment: number | null;
  readonly #resolution: number;
  #nearest: number | null;
  #last: number | null;
  #moved = false;

  /** `from`: the last reading before the command, if any; `increment`: the treadmill's, if it said. */
  constructor(command: 'speed' | 'incline', target: number, increment: number | null, from: number | null) {
    this.#target = target;
    this.#increment = increment;
    this.#resolution = RESOLUTION[command];
    this.#last = from;
    this.#nearest = from === null ? null : Math.abs(from - target);
  }

  /** The last reading, or null before any. */
  get last(): number | null {
    return this.#last;
  }

  /** Whether any reading came closer to the target than the one before the command. */
  get moved(): boolean {
    return this.#moved;
  }

  read(value: number): Reading {
    const half = this.#resolution / 2;
    const distance = Math.abs(value - this.#target);
    const previous = this.#last;
    this.#last = value;
    const still = previous !== null && Math.abs(value - previous) < half;
    // At the target from two readings in a row, not moving away: one could be a belt passing by.
    const before = previous === null ? null : Math.abs(previous - this.#target);
    if (before !== null && distance <= REACHED + 1e-9 && before <= REACHED + 1e-9 && distance <= before + half) return 'reached';
    if (still && this.#increment !== null && distance < this.#increment - half) return 'reached';
    if (this.#nearest !== null && distance < this.#nearest - half) {
      this.#nearest = distance;
      this.#moved = true;
      return 'closer';
    }
    this.#nearest = Math.min(this.#nearest ?? distance, distance);
    return 'no-closer';
  }
}

// Treadmill Data speeds: a belt above this has visibly started; one at or below STANDING_KMH stands.
export const STARTED_KMH = 0.5;
const STANDING_KMH = 0.05;

/**
 * A silent treadmill's Start, Stop or Pause read from its belt: a Start is done when the belt rises
 * from standing to above STARTED_KMH, a Stop or Pause when a moving belt comes to a stand. A belt
 * already doing it when the command went out shows nothing, so it confirms nothing.
 */
export class BeltMotion {
  readonly #starting: boolean;
  #stood = false;
  #moved = false;

  /** `from`: the last speed read before the command, if any. */
  constructor(command: 'start' | 'stop' | 'pause', from: number | null) {
    this.#starting = command === 'start';
    if (from !== null) this.#note(from);
  }

  /** Whether this reading shows the command done. */
  read(kmh: number): boolean {
    const done = this.#starting ? this.#stood && kmh > STARTED_KMH : this.#moved && kmh <= STANDING_KMH;
    this.#note(kmh);
    return done;
  }

  #note(kmh: number): void {
    if (kmh <= STANDING_KMH) this.#stood = true;
    else this.#moved = true;
  }
}
