// Turns what a pod reports into distance covered since the session began. The RSC total
// distance is a uint32 in decimetres that wraps, pods reset it when they restart, some send it in
// only some notifications (the flag is per packet) and some never; between totals, or without
// any, distance is integrated from speed.

const WRAP_M = 2 ** 32 / 10;
/** A backwards step bigger than this is a counter reset, not a wrap at the top of the range. */
const WRAP_ZONE_M = 1000;
/** A step back this small is the pod's own rounding, not a reset: it is ignored. */
export const COUNTER_JITTER_M = 10;
/** Faster than any runner (45 km/h): a counter jump beyond this is not distance run. */
const MAX_RUNNING_SPEED_MPS = 12.5;
/** Gaps longer than this (a dropped link) are not integrated: we do not know what happened. */
const MAX_INTEGRATION_STEP_S = 5;

/** What the tracker ignored or restarted, so the app can say so in words. */
export interface DistanceCorrections {
  /** Small steps back of the pod's counter, ignored. */
  jitter: number;
  /** The pod restarted its counter (or the uint32 wrapped); counting went on from the new value. */
  resets: number;
  /** Jumps faster than anyone runs, not counted. */
  implausibleJumps: number;
}

export class DistanceTracker {
  /** What has been reported: it never goes back. */
  #covered = 0;
  /** Distance covered at the pod's last total: the ground truth that integration runs ahead of. */
  #atLastTotal = 0;
  #integratedSinceTotal = 0;
  /** The highest counter value seen since the last reset, so jitter below it adds nothing. */
  #lastTotal: number | null = null;
  #lastTotalTimeS: number | null = null;
  #lastTimeS: number | null = null;
  readonly corrections: DistanceCorrections = { jitter: 0, resets: 0, implausibleJumps: 0 };

  get distanceM(): number {
    return this.#covered;
  }

  /**
   * Another pod (or the same one re-paired, whose counter may have reset meanwhile) feeds the run
   * from now on: its counter starts its own count from its first reading, and nothing is
   * integrated across the switch.
   */
  newSource(): void {
    this.#lastTotal = null;
    this.#lastTotalTimeS = null;
    this.#lastTimeS = null;
    this.#atLastTotal = this.#covered;
    this.#integratedSinceTotal = 0;
  }

  /** Feeds one measurement; returns the distance covered since the first one. */
  add(timeS: number, speedMps: number, podTotalM: number | null): number {
    if (podTotalM !== null) {
      if (this.#lastTotal === null) {
        this.#atLastTotal = this.#covered;
        this.#lastTotal = podTotalM;
      } else {
        this.#atLastTotal += this.#counterStep(podTotalM, timeS);
      }
      this.#lastTotalTimeS = timeS;
      this.#integratedSinceTotal = 0;
    } else if (this.#lastTimeS !== null) {
      const dt = timeS - this.#lastTimeS;
      if (dt > 0 && dt <= MAX_INTEGRATION_STEP_S && speedMps > 0) this.#integratedSinceTotal += speedMps * dt;
    }
    this.#lastTimeS = timeS;
    // Integration between totals is an estimate the next total corrects: never ahead of the last
    // total by more than was integrated since it, and never backwards.
    this.#covered = Math.max(this.#covered, this.#atLastTotal + this.#integratedSinceTotal);
    return this.#covered;
  }

  /** Metres the counter moved since the last total, by the rules above; updates the last total. */
  #counterStep(total: number, timeS: number): number {
    const last = this.#lastTotal!;
    let step = total - last;
    if (step < 0) {
      if (last > WRAP_M - WRAP_ZONE_M && total < WRAP_ZONE_M) {
        step += WRAP_M;
      } else if (-step <= COUNTER_JITTER_M) {
        this.corrections.jitter++;
        return 0;
      } else {
        // The pod restarted its count: what it reports now was run since then.
        this.corrections.resets++;
        step = total;
      }
    }
    const dt = timeS - (this.#lastTotalTimeS ?? timeS);
    if (step > COUNTER_JITTER_M + MAX_RUNNING_SPEED_MPS * Math.max(dt, 1)) {
      // Not distance anyone ran: start counting again from here.
      this.corrections.implausibleJumps++;
      step = 0;
    }
    this.#lastTotal = total;
    return step;
  }
}
