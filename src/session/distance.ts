// Turns what a pod reports into distance covered since the session began. The RSC total
// distance is a uint32 in decimetres that wraps, pods reset it when they restart, and some pods
// do not send it at all; in that last case distance is integrated from speed.

const WRAP_M = 2 ** 32 / 10;
/** A backwards step bigger than this is a counter reset, not a wrap at the top of the range. */
const WRAP_ZONE_M = 1000;
/** Gaps longer than this (a dropped link) are not integrated: we do not know what happened. */
const MAX_INTEGRATION_STEP_S = 5;

export class DistanceTracker {
  #covered = 0;
  #lastTotal: number | null = null;
  #lastTimeS: number | null = null;

  get distanceM(): number {
    return this.#covered;
  }

  /** Feeds one measurement; returns the distance covered since the first one. */
  add(timeS: number, speedMps: number, podTotalM: number | null): number {
    if (podTotalM !== null) {
      if (this.#lastTotal !== null) {
        let step = podTotalM - this.#lastTotal;
        if (step < 0) {
          // Near the top of the uint32 range it wrapped; anywhere else the pod reset its counter.
          step = this.#lastTotal > WRAP_M - WRAP_ZONE_M ? step + WRAP_M : podTotalM;
        }
        this.#covered += step;
      }
      this.#lastTotal = podTotalM;
    } else if (this.#lastTimeS !== null) {
      const dt = timeS - this.#lastTimeS;
      if (dt > 0 && dt <= MAX_INTEGRATION_STEP_S) this.#covered += speedMps * dt;
    }
    this.#lastTimeS = timeS;
    return this.#covered;
  }
}
