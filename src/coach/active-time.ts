// Which seconds count as running for the coach. Warm-up and check-ins count only time the runner
// was actually running, and a cue counts only time the cadence was seen out of zone; a jump in the
// session clock (a dropped link, a tab asleep) is never credited as either.

import type { CoachInput } from './coach-events.js';

/** A step between two inputs longer than this is a gap: nothing is known about the time inside it. */
export const maxStepS = 5;

/** Running by the pod's word, not paused, and with a cadence to judge. */
export function isActive(input: CoachInput): boolean {
  return input.running && !input.paused && Number.isFinite(input.cadence) && input.cadence > 0;
}

export interface ActiveStep {
  /** This input counts as running. */
  active: boolean;
  /** The clock jumped (forwards by more than maxStepS, or backwards) since the previous input. */
  gap: boolean;
}

/** Sums the seconds between consecutive active inputs, leaving out pauses, walking and gaps. */
export class ActiveClock {
  #activeS = 0;
  #previous: { timeS: number; active: boolean } | null = null;

  get activeS(): number {
    return this.#activeS;
  }

  advance(input: CoachInput): ActiveStep {
    // An input without a usable time cannot be placed on the clock; it changes nothing.
    if (!Number.isFinite(input.timeS)) return { active: false, gap: false };
    const active = isActive(input);
    const previous = this.#previous;
    const stepS = previous === null ? 0 : input.timeS - previous.timeS;
    const gap = stepS > maxStepS || stepS < 0;
    // Both ends running: the runner ran the whole step. One end walking or paused: count none of it.
    if (active && previous?.active === true && !gap) this.#activeS += stepS;
    this.#previous = { timeS: input.timeS, active };
    return { active, gap };
  }

  reset(): void {
    this.#activeS = 0;
    this.#previous = null;
  }
}
