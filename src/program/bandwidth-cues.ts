// Bandwidth feedback: while the metronome is off, say nothing while the runner keeps near the
// target, and cue only when the last half-minute's running cadence is more than 3 % off it. Feedback
// given only outside a band is learnt better than feedback given all the time (Davis et al. 2020).
// Judged on running seconds only: a moment's walk neither fills the half-minute nor empties it, but
// after a break of BREAK_S or more (walking, standing, paused, or a link lost that long) the
// half-minute starts afresh, so a cue never speaks of the cadence from before the break.

import { isActive, maxStepS } from '../coach/active-time.js';
import type { CoachEvent, CoachInput } from '../coach/coach-events.js';
import { type CueDirection, cueWords } from '../coach/zone-cues.js';
import { wholeSteps } from '../session/shown-cadence.js';

/** A cue when the running cadence is more than this share off the target. */
export const BANDWIDTH = 0.03;
/** The running seconds the cadence is judged over. */
export const BANDWIDTH_WINDOW_S = 30;
/**
 * At most one cue per this many seconds: a cue empties the half-minute, and a half-minute of
 * running takes at least as long on the session's clock.
 */
export const BANDWIDTH_EVERY_S = BANDWIDTH_WINDOW_S;
/** Not running for this long empties the half-minute. */
export const BREAK_S = 10;

/** Sums of fractions of seconds (and 1.03 × a target) must not miss a mark by a rounding error. */
const epsilon = 1e-9;

/** The zone cues' advice for a direction, so both cues tell the runner the same thing. */
const adviceFor = (direction: CueDirection): string => cueWords(direction, 0).replace(/^[^.]*\.\s*/, '');

/** The spoken sentence: "Cadence 160, aim for 172." and the zone cues' advice. */
export const bandwidthWords = (direction: CueDirection, cadence: number, targetSpm: number): string =>
  `Cadence ${wholeSteps(cadence)}, aim for ${wholeSteps(targetSpm)}. ${adviceFor(direction)}`;

/** One stretch of running seconds at one cadence. */
interface Span {
  seconds: number;
  cadence: number;
}

export class BandwidthCues {
  readonly #targetSpm: number;
  /** The running seconds since the OFF stretch began, the last cue or the last break, newest last, at most a window. */
  #window: Span[] = [];
  #previous: { timeS: number; active: boolean; allowed: boolean } | null = null;
  /** The session time of the last running input. */
  #lastActiveS: number | null = null;

  constructor(targetSpm: number) {
    if (!(Number.isFinite(targetSpm) && targetSpm > 0)) throw new RangeError(`A bandwidth cue needs a target cadence, not ${targetSpm}`);
    this.#targetSpm = targetSpm;
  }

  /** `allowed`: the moment's bandwidthCues. */
  update(input: CoachInput & { allowed: boolean }): CoachEvent[] {
    if (!Number.isFinite(input.timeS)) return [];
    const active = isActive(input);
    const previous = this.#previous;
    this.#previous = { timeS: input.timeS, active, allowed: input.allowed };
    const stepS = previous === null ? 0 : input.timeS - previous.timeS;
    if (active) {
      // Not running since the last running input: up to the last input, or all of a gap's time.
      const untilS = previous === null ? input.timeS : stepS > maxStepS ? input.timeS : previous.timeS;
      if (this.#lastActiveS !== null && untilS - this.#lastActiveS >= BREAK_S - epsilon) this.#window = [];
      this.#lastActiveS = input.timeS;
    }
    // Metronome on (or outside the main part): the next OFF stretch starts with an empty half-minute.
    if (!input.allowed) {
      this.#window = [];
      return [];
    }
    // As the coach's other clocks: a step counts only when the runner ran at both ends of it; and
    // only when cues were allowed at both, as the second before the OFF stretch is not part of it.
    if (!(active && previous?.active === true && previous.allowed && stepS > 0 && stepS <= maxStepS)) return [];
    this.#add({ seconds: stepS, cadence: input.cadence });

    const seconds = this.#window.reduce((sum, span) => sum + span.seconds, 0);
    if (seconds < BANDWIDTH_WINDOW_S - epsilon) return [];
    const cadence = this.#window.reduce((sum, span) => sum + span.seconds * span.cadence, 0) / seconds;
    const target = this.#targetSpm;
    if (!(Math.abs(cadence - target) > BANDWIDTH * target + epsilon)) return [];
    const direction: CueDirection = cadence < target ? 'low' : 'high';
    this.#window = [];
    return [{ kind: 'cue', direction, atS: input.timeS, cadence, spoken: bandwidthWords(direction, cadence, target) }];
  }

  /** A new run: nothing heard, nothing cued. */
  reset(): void {
    this.#window = [];
    this.#previous = null;
    this.#lastActiveS = null;
  }

  /** Adds a span and drops the oldest running seconds beyond the window (part of a span if need be). */
  #add(span: Span): void {
    this.#window.push(span);
    let excess = this.#window.reduce((sum, s) => sum + s.seconds, 0) - BANDWIDTH_WINDOW_S;
    while (excess > epsilon && this.#window.length > 0) {
      const oldest = this.#window[0]!;
      if (oldest.seconds <= excess + epsilon) {
        excess -= oldest.seconds;
        this.#window.shift();
      } else {
        oldest.seconds -= excess;
        excess = 0;
      }
    }
  }
}
