// The latest value of each channel the sensors beside the pod send (treadmill, heart-rate strap,
// and the pod's own power, which comes on a characteristic of its own) and when it came, counted on the pod's rows. Sources run on clocks of their own, so a value's age
// is read on the pod's: the rows made since it came, and the time since it came on the pod's clock.
// A value that came more than FRESH_POD_ROWS pod rows and more than FRESH_S of pod time ago is no
// reading (NaN in the row), never the last one held on to. Rows alone aged a belt value out between
// two of its notifications when the pod notifies faster than once a second (a 4 Hz pod and a belt
// 1.3 s late: the pod's metres stood in and the belt's count was thrown away, 5400 m read 5490 m);
// time alone would drop a value after one row of a pod that notifies every 2 s. Rows count only at a
// live pod's pace: rows after a silence of the pod (its link dropped for a minute) are not "a row
// later", and a value from before it is no reading for them.
//
// When a value came is read on the page's own clock of arrival (the session's ArrivalClock, one
// monotonic clock for the pod's rows and every sensor): a value came, on the pod's clock, at the
// row before it plus the time that passed between that row's arrival and its own, and never after
// the row after it. Rows alone cannot tell a value sent just after the last row before a silence
// (a minute old when the pod is back: dated at the row back, the runner's power, belt speed and
// heart rate of a minute ago were recorded in the rows back) from one sent just before the row
// back (dated at the row before the silence, the strap's, the belt's and the pod's own reading of
// a second ago were dropped from the first row back, and with the belt's speed the treadmill's
// metres of the whole silence).
//
// Without a clock (a session made with none: tests feeding rows by hand) a value is dated by the
// rows around it alone: at the row before it while the pod kept its pace, at the row the pod comes
// back with when the pod was silent between.

import { LIVE_STEP_S } from './gap-steps.js';
import type { LatestChannels } from './live-reading.js';

/** A value feeds the pod row after it arrived and the rows up to this many rows later… */
export const FRESH_POD_ROWS = 3;
/** …or, on a pod notifying faster than once a second, the rows this long after it came. */
export const FRESH_S = 3;
/** …and rows count only while they span no more than live rows a step apart: longer, the pod was silent between. */
const ROWS_SPAN_S = (FRESH_POD_ROWS + 1) * LIVE_STEP_S;

/** The page's own monotonic clock, ms (performance.now in the app); every arrival is read on it. */
export type ArrivalClock = () => number;

export type SensorChannel = 'strapHeartRate' | 'treadmillHeartRate' | 'treadmillSpeedMps' | 'inclinePercent' | 'powerW';

interface Held {
  value: number;
  /** Pod rows made before it arrived. */
  atRow: number;
  /** The time of the last pod row before it arrived, s on the pod's clock; null before the first row. */
  afterRowS: number | null;
  /** Ms between the arrival of the last pod row before it and its own; null without a clock or a row. */
  sinceRowMs: number | null;
  /** When it came on the pod's clock (datedOn), once a pod row after it was made; null till then. */
  datedS: number | null;
}

/**
 * When a value that came after a row at `afterRowS` (`sinceRowMs` after that row arrived, when
 * known) came, on the pod's clock, given the first row after it at `nextRowS`.
 */
function datedOn(afterRowS: number | null, sinceRowMs: number | null, nextRowS: number): number {
  if (afterRowS === null) return nextRowS;
  if (sinceRowMs !== null) return Math.min(afterRowS + sinceRowMs / 1000, nextRowS);
  // No clock: at the row before it while the pod kept its pace, at the row after it when the pod was silent between.
  return nextRowS - afterRowS > LIVE_STEP_S ? nextRowS : afterRowS;
}

export class SensorChannels {
  #rows = 0;
  #lastRowS: number | null = null;
  /** When the last pod row arrived, ms on the clock; null without one. */
  #lastRowArrivedMs: number | null = null;
  #clock: ArrivalClock | null = null;
  readonly #held: Record<SensorChannel, Held | null> = {
    strapHeartRate: null,
    treadmillHeartRate: null,
    treadmillSpeedMps: null,
    inclinePercent: null,
    powerW: null,
  };

  /** From now on every arrival is read on this clock (null: dated by the rows around it alone). */
  useArrivalClock(clock: ArrivalClock | null): void {
    this.#clock = clock;
  }

  /** A sensor sent this value now. */
  hold(channel: SensorChannel, value: number): void {
    const sinceRowMs = this.#clock === null || this.#lastRowArrivedMs === null ? null : Math.max(0, this.#clock() - this.#lastRowArrivedMs);
    this.#held[channel] = { value, atRow: this.#rows, afterRowS: this.#lastRowS, sinceRowMs, datedS: null };
  }

  /** The sensor says it has no reading (a strap off the skin), or it is gone. */
  drop(channel: SensorChannel): void {
    this.#held[channel] = null;
  }

  /**
   * The value for a pod row at `rowS` (the row being made; absent: the last one made), when it came
   * no more than FRESH_POD_ROWS pod rows or FRESH_S before; else null. A value no row was made
   * after yet is the newest there is: `rowS` is the first row after it.
   */
  fresh(channel: SensorChannel, rowS: number | null = this.#lastRowS): number | null {
    const held = this.#held[channel];
    if (held === null) return null;
    if (rowS === null) return held.value;
    const ageS = rowS - (held.datedS ?? datedOn(held.afterRowS, held.sinceRowMs, rowS));
    const byRows = this.#rows - held.atRow <= FRESH_POD_ROWS && ageS <= ROWS_SPAN_S;
    return byRows || ageS <= FRESH_S ? held.value : null;
  }

  /** The strap's heart rate first; the treadmill's (from its grips or a strap paired to it) else. */
  heartRate(rowS: number | null = this.#lastRowS): number | null {
    return this.fresh('strapHeartRate', rowS) ?? this.fresh('treadmillHeartRate', rowS);
  }

  /** What the page shows: every channel as it stands. */
  latest(): LatestChannels {
    return {
      heartRate: this.heartRate(),
      treadmillSpeedMps: this.fresh('treadmillSpeedMps'),
      inclinePercent: this.fresh('inclinePercent'),
      powerW: this.fresh('powerW'),
    };
  }

  /** A pod row was made at `rowS` on the pod's clock: every value held is one row older. */
  podRow(rowS: number): void {
    this.#rows++;
    this.#lastRowS = rowS;
    this.#lastRowArrivedMs = this.#clock?.() ?? null;
    for (const held of Object.values(this.#held)) if (held !== null && held.datedS === null) held.datedS = datedOn(held.afterRowS, held.sinceRowMs, rowS);
  }
}
