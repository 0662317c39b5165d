// What a silent treadmill's readings can confirm, and the readings kept to judge it by. Kept apart
// from the queue because it is the one part that depends on whether this treadmill answers at
// all, and that is learnt from the treadmill, not from the commands.

import { REQUEST_CONTROL } from '../ble/ftms-control-point.js';
import { parseTreadmillData } from '../ble/ftms-treadmill.js';
import { beltTarget, type Flight, stopOrPause } from './treadmill-control-flight.js';
import { BeltMotion, BeltProgress } from './treadmill-control-silent.js';
import type { TreadmillCapabilities } from './treadmill-control-types.js';

/** What a Treadmill Data value did to the waiting command: nothing, gave it time, or confirmed it. */
export type DataVerdict = 'confirmed' | 'closer' | null;

export class SilentWatch {
  // Once the treadmill answered a belt command, an answer is what confirms one: a reading that
  // happens to match must not hide a refusal still on its way. Until then (a silent treadmill),
  // status and Treadmill Data confirm.
  #answersCommands = false;
  // The last Treadmill Data, so a silent command can tell a belt coming closer from one standing.
  #lastKmh: number | null = null;
  #lastInclinePercent: number | null = null;

  /** Any control point answer: one to a command (not to Request Control) shows the treadmill answers. */
  answered(requestOpCode: number): void {
    if (requestOpCode !== REQUEST_CONTROL) this.#answersCommands = true;
  }

  /** The waiting command if readings may confirm it: written, on a treadmill not known to answer. */
  silent(flight: Flight | null): Flight | null {
    return this.#answersCommands || !flight?.written ? null : flight;
  }

  /** A command is written: what its belt shows from now on is measured from the last reading. */
  watch(flight: Flight, capabilities: TreadmillCapabilities | null): void {
    const { command, value } = flight.request;
    if (command === 'start' || stopOrPause(command)) flight.motion = new BeltMotion(command, this.#lastKmh);
    if (beltTarget(command)) {
      const increment = command === 'speed' ? (capabilities?.speed?.incrementKmh ?? null) : (capabilities?.incline?.incrementPercent ?? null);
      flight.progress = new BeltProgress(command, value, increment, command === 'speed' ? this.#lastKmh : this.#lastInclinePercent);
    }
  }

  /**
   * Every Treadmill Data value (0x2ACD), kept as the last reading; a silent treadmill's belt
   * standing at the target confirms it, one still coming closer is given time, and a belt visibly
   * starting or coming to a stand confirms a Start, or a Stop or Pause. One unreadable is dropped.
   */
  read(view: DataView, waiting: Flight | null): DataVerdict {
    let speedKmh: number | null;
    let inclinePercent: number | null;
    try {
      const data = parseTreadmillData(view);
      speedKmh = data.speedMps === null ? null : data.speedMps * 3.6;
      inclinePercent = data.inclinationPercent;
    } catch {
      return null;
    }
    if (speedKmh !== null) this.#lastKmh = speedKmh;
    if (inclinePercent !== null) this.#lastInclinePercent = inclinePercent;
    const flight = this.silent(waiting);
    if (flight?.motion && speedKmh !== null && flight.motion.read(speedKmh)) return 'confirmed';
    const value = flight?.request.command === 'speed' ? speedKmh : inclinePercent;
    if (!flight?.progress || value === null) return null;
    const reading = flight.progress.read(value);
    if (reading === 'reached') return 'confirmed';
    if (reading === 'closer') return 'closer';
    return null;
  }

  /** A new connection may be another treadmill, or the same one after a restart: learn it again. */
  forget(): void {
    this.#answersCommands = false;
    this.#lastKmh = null;
    this.#lastInclinePercent = null;
  }
}
