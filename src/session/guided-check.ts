// A guided calibration run on a live session: the runner holds one belt speed, the check collects
// the pod's raw speed at each row, and the belt speed the runner types at the end turns them into
// a calibration point (guidedCalibration). Raw speeds, so a calibration already applied to the
// session does not count twice.

import { type GuidedResult, SETTLE_S, STEADY_NEEDED_S, type SpeedReading, guidedCalibration } from './guided-calibration.js';
import type { LiveReading } from './live-reading.js';

/** The part of a live session a check needs: its rows as they come. */
export interface PodRows extends EventTarget {
  readonly latest: LiveReading | null;
}

export class GuidedCheck {
  /** Seconds of running the check needs: settling, then steady running. */
  readonly neededS = SETTLE_S + STEADY_NEEDED_S;
  readonly #session: PodRows;
  readonly #readings: SpeedReading[] = [];
  #open = true;

  constructor(session: PodRows) {
    this.#session = session;
    session.addEventListener('sample', this.#take);
  }

  /** Seconds from the first row collected to the latest. */
  get elapsedS(): number {
    const first = this.#readings[0];
    const last = this.#readings.at(-1);
    return first !== undefined && last !== undefined ? last.t - first.t : 0;
  }

  /** Rows collected so far. */
  get readingCount(): number {
    return this.#readings.length;
  }

  get active(): boolean {
    return this.#open;
  }

  /** Ends the check with the belt speed the treadmill shows; the result says what to apply or why not. */
  finish(beltSpeedMps: number): GuidedResult {
    this.cancel();
    return guidedCalibration(this.#readings, beltSpeedMps);
  }

  /** Stops collecting; nothing is applied. */
  cancel(): void {
    this.#open = false;
    this.#session.removeEventListener('sample', this.#take);
  }

  readonly #take = (): void => {
    const reading = this.#session.latest;
    // 'sample' also fires when zones change: a row is taken once, and only a row with a pod speed.
    if (reading === null || !Number.isFinite(reading.rawSpeedMps)) return;
    if (this.#readings.length > 0 && !(reading.timeS > this.#readings.at(-1)!.t)) return;
    this.#readings.push({
      t: reading.timeS,
      podSpeedMps: reading.rawSpeedMps,
      cadence: reading.cadence,
      inclinePercent: reading.inclinePercent,
      running: reading.running,
    });
  };
}
