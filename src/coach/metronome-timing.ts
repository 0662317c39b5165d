// The pure half of a look-ahead metronome: which beat times are due, on any clock in seconds (the
// outputs layer uses the AudioContext's). Every beat is computed as anchor + k × interval, never
// by adding intervals up, so after three hours the beat is where it should be to the nanosecond.

import { middleOfTarget } from '../session/zones.js';
export { middleOfTarget };

/**
 * Seconds between clicks: one step's time, or two steps' time when clicking on every second
 * step (one foot). Throws a RangeError for a rate that is not a positive number.
 */
export function beatIntervalS(rateSpm: number, everyStep: boolean): number {
  if (!Number.isFinite(rateSpm) || rateSpm <= 0) throw new RangeError(`A metronome rate must be a positive number of steps per minute, not ${rateSpm}.`);
  return (60 / rateSpm) * (everyStep ? 1 : 2);
}

export { metronomeRate } from './metronome-rate.js';

/** Beat times from a start, handed out once each, in order, as the scheduler looks ahead. */
export class BeatClock {
  #anchorS: number;
  #intervalS: number;
  /** Index of the next beat to hand out, counted from the anchor. */
  #next = 0;
  #lastS: number | null = null;

  /** The first beat is at `startS`. */
  constructor(startS: number, rateSpm: number, everyStep: boolean) {
    if (!Number.isFinite(startS)) throw new RangeError(`A metronome must start at a time in seconds, not ${startS}.`);
    this.#anchorS = startS;
    this.#intervalS = beatIntervalS(rateSpm, everyStep);
  }

  /** The last beat handed out by `due`, or null before the first. */
  get lastBeatS(): number | null {
    return this.#lastS;
  }

  /** The beat `due` will hand out next. */
  get nextBeatS(): number {
    return this.#anchorS + this.#next * this.#intervalS;
  }

  /** Every beat after the last one handed out, up to and including `untilS`. */
  due(untilS: number): number[] {
    // Infinity would never end the loop; NaN would quietly stop the clicks.
    if (!Number.isFinite(untilS)) throw new RangeError(`Beats are due up to a time in seconds, not ${untilS}.`);
    const beats: number[] = [];
    for (let beatS = this.nextBeatS; beatS <= untilS; beatS = this.nextBeatS) {
      beats.push(beatS);
      this.#next++;
      this.#lastS = beatS;
    }
    return beats;
  }

  /**
   * From the next beat on, click at the new rate: the next beat comes one new interval after the
   * last one handed out (no gap, no double beat), or at `fromS` (now, on the same clock) when that
   * moment has already passed. Before any beat was handed out, the start stays (or moves to `fromS`).
   */
  /**
   * A new grid whose first beat is `firstBeatS`, for a scheduler that took back beats it had
   * scheduled but not yet played and so knows better than `lastBeatS` where the next one goes.
   */
  restartAt(rateSpm: number, everyStep: boolean, firstBeatS: number): void {
    if (!Number.isFinite(firstBeatS)) throw new RangeError(`A metronome must start at a time in seconds, not ${firstBeatS}.`);
    this.#anchorS = firstBeatS;
    this.#intervalS = beatIntervalS(rateSpm, everyStep);
    this.#next = 0;
  }

  retime(rateSpm: number, everyStep: boolean, fromS: number): void {
    const intervalS = beatIntervalS(rateSpm, everyStep);
    const wantedS = this.#lastS === null ? this.nextBeatS : this.#lastS + intervalS;
    this.#anchorS = Math.max(wantedS, fromS);
    this.#intervalS = intervalS;
    this.#next = 0;
  }
}
