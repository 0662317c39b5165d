// How long a treadmill takes to follow a command: from the command to 95 % of the change, read
// from its own Treadmill Data. Shown to the runner, and used to send a step's change that much
// early when they ask for it. Learned from clear changes only, so one odd reading cannot set it.

/** Smaller changes are lost in the belt's own wobble. */
export const MIN_LEARNING_CHANGE_KMH = 0.5;
/** Share of the change that counts as reached. */
export const REACHED_SHARE = 0.95;
/** A change that takes longer was the runner's hand on the buttons, not the belt's lag. */
export const MAX_LAG_S = 30;
/** The lag is the median of this many last learned. */
export const LAGS_KEPT = 5;

interface Command {
  atMs: number;
  fromKmh: number;
  toKmh: number;
  /** The last reading before 95 %, to place the crossing between readings. */
  before: { atMs: number; share: number } | null;
}

export class LagLearner {
  #learned: number[] = [];
  #command: Command | null = null;

  /** `knownLagS`: this treadmill's lag as learned before (the workout store keeps it). */
  constructor(knownLagS: number | null = null) {
    if (knownLagS !== null && knownLagS >= 0 && knownLagS <= MAX_LAG_S) this.#learned.push(knownLagS);
  }

  /** A command sent: it supersedes one still under way, which then teaches nothing. */
  commanded(atMs: number, fromKmh: number, toKmh: number): void {
    // In the control point's units (0.01 km/h): as floats 8.2 - 7.7 is a hair under 0.5.
    const hundredths = (kmh: number): number => Math.round(kmh * 100);
    const clear = Math.abs(hundredths(toKmh) - hundredths(fromKmh)) >= hundredths(MIN_LEARNING_CHANGE_KMH) && Number.isFinite(atMs);
    this.#command = clear ? { atMs, fromKmh, toKmh, before: null } : null;
  }

  /** A belt speed from Treadmill Data. */
  observed(atMs: number, kmh: number): void {
    const command = this.#command;
    if (command === null || !(atMs >= command.atMs) || !Number.isFinite(kmh)) return;
    const share = (kmh - command.fromKmh) / (command.toKmh - command.fromKmh);
    if (share < REACHED_SHARE) {
      command.before = { atMs, share };
      return;
    }
    // Readings come about once a second: the crossing is placed between the last one below 95 %
    // and this one, as if the belt moved steadily between them, so the lag does not depend on when
    // the readings happen to fall.
    const { before } = command;
    const crossingMs = before === null ? atMs : before.atMs + ((atMs - before.atMs) * (REACHED_SHARE - before.share)) / (share - before.share);
    this.#command = null;
    const lagS = (crossingMs - command.atMs) / 1000;
    if (lagS > MAX_LAG_S) return;
    this.#learned = [...this.#learned, lagS].slice(-LAGS_KEPT);
  }

  /** Median of the last 5 learned, seconds; null before any. */
  get lagS(): number | null {
    if (this.#learned.length === 0) return null;
    const sorted = [...this.#learned].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
}
