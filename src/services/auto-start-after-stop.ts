// After Stop, auto-start waits until the runner has stood or walked: a runner who presses Stop and
// save still on the belt, before stepping off, would otherwise start a run of a few seconds at
// once, and lose the finish card of the run they stopped to it. Times are the pod's clock.

/**
 * Stood or walked this long without a running reading between. One reading is not enough: a slow
 * jogger whose cadence wobbles around the walk/run line (139, 141, 139 at 2.0 m/s) is judged
 * walking every other second while still jogging the belt down.
 */
export const STILL_BEFORE_AUTO_START_S = 3;
/**
 * No reading for this long counts as having stood. Many pods notify only while they move, so a
 * runner standing still sends nothing, and would never be seen standing. A pod sends about once a
 * second while its runner moves: five seconds without a reading is not a runner jogging the belt
 * down (that takes a reading each second), but it is short enough to be over before anyone has
 * stepped off, stood and stepped on again.
 */
export const SILENCE_BEFORE_AUTO_START_S = 5;

export class AutoStartAfterStop {
  #waiting = false;
  #stillSinceS: number | null = null;
  #last: { session: object; timeS: number } | null = null;

  /** Auto-start waits for the runner to stand or walk. */
  get waiting(): boolean {
    return this.#waiting;
  }

  stopped(): void {
    this.#waiting = true;
    this.#stillSinceS = null;
  }

  /**
   * A connection of the pod. One the runner made (pair or reconnect pressed, or another pod):
   * whatever happened while it was off, the runner was not on a run. One the link made by itself
   * after a drop says nothing: a Bluetooth link blips for a second while the runner still jogs the
   * belt down, and took the finish card of the run just stopped for a new run. Its readings go on in
   * the same live session, so a drop of 5 s or more still ends the wait as a silence.
   */
  connected(by: 'runner' | 'link'): void {
    if (by === 'runner') this.#waiting = false;
  }

  /** Each reading of the live `session` (a new one comes with a new connection, its clock from 0). */
  reading(session: object, timeS: number, running: boolean): void {
    const last = this.#last;
    this.#last = { session, timeS };
    if (!this.#waiting) return;
    if (last === null || last.session !== session || timeS - last.timeS >= SILENCE_BEFORE_AUTO_START_S) {
      this.#waiting = false;
      return;
    }
    if (running) this.#stillSinceS = null;
    else if (timeS - (this.#stillSinceS ??= timeS) >= STILL_BEFORE_AUTO_START_S) this.#waiting = false;
  }
}
