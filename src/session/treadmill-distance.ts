// The treadmill's own count of the distance run: its FTMS total distance when it sends one (as
// a pod's counter: wraps, resets and jitter handled by a DistanceTracker of its own, on the
// treadmill's clock), its belt speed integrated when it does not. Pod rows take it in steps.

import { DistanceTracker } from './distance.js';

export class TreadmillDistance {
  #tracker = new DistanceTracker();
  #atLastRow = 0;
  #lastSpeedMps = 0;
  #heardSinceRow = false;

  /** One Treadmill Data notification's speed and total distance (either may be left out). */
  add(timeS: number, speedMps: number | null, totalDistanceM: number | null): void {
    if (speedMps === null && totalDistanceM === null) return;
    if (speedMps !== null) this.#lastSpeedMps = speedMps;
    this.#tracker.add(timeS, this.#lastSpeedMps, totalDistanceM);
    this.#heardSinceRow = true;
  }

  /**
   * Metres the treadmill counted since the previous call (the previous pod row), or null when it
   * sent no speed or distance since: its count for that time is still to come.
   */
  takeStep(): number | null {
    const covered = this.#tracker.distanceM;
    const step = covered - this.#atLastRow;
    this.#atLastRow = covered;
    const heard = this.#heardSinceRow;
    this.#heardSinceRow = false;
    return heard ? step : null;
  }

  /** A treadmill was (re)connected: its counter starts its own count, nothing is spliced in. */
  newSource(): void {
    this.#tracker.newSource();
    this.#lastSpeedMps = 0;
  }
}
