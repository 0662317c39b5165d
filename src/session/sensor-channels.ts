// The latest value of each channel the sensors beside the pod send (treadmill, heart-rate strap)
// and when it came, counted in pod rows. Sources run on clocks of their own, so age is not a
// time: a value that came more than FRESH_POD_ROWS pod rows ago is no reading (NaN in the row),
// never the last one held on to.

import type { LatestChannels } from './live-reading.js';

/** A value feeds the pod row after it arrived and the rows up to this many rows later. */
export const FRESH_POD_ROWS = 3;

export type SensorChannel = 'strapHeartRate' | 'treadmillHeartRate' | 'treadmillSpeedMps' | 'inclinePercent';

interface Held {
  value: number;
  /** Pod rows made before it arrived. */
  atRow: number;
}

export class SensorChannels {
  #rows = 0;
  readonly #held: Record<SensorChannel, Held | null> = {
    strapHeartRate: null,
    treadmillHeartRate: null,
    treadmillSpeedMps: null,
    inclinePercent: null,
  };

  /** A sensor sent this value now. */
  hold(channel: SensorChannel, value: number): void {
    this.#held[channel] = { value, atRow: this.#rows };
  }

  /** The sensor says it has no reading (a strap off the skin), or it is gone. */
  drop(channel: SensorChannel): void {
    this.#held[channel] = null;
  }

  /** The value, when it came no more than FRESH_POD_ROWS pod rows ago; else null. */
  fresh(channel: SensorChannel): number | null {
    const held = this.#held[channel];
    return held !== null && this.#rows - held.atRow <= FRESH_POD_ROWS ? held.value : null;
  }

  /** The strap's heart rate first; the treadmill's (from its grips or a strap paired to it) else. */
  heartRate(): number | null {
    return this.fresh('strapHeartRate') ?? this.fresh('treadmillHeartRate');
  }

  /** What the page shows: every channel as it stands. */
  latest(): LatestChannels {
    return { heartRate: this.heartRate(), treadmillSpeedMps: this.fresh('treadmillSpeedMps'), inclinePercent: this.fresh('inclinePercent') };
  }

  /** A pod row was made: every value held is one row older. */
  podRow(): void {
    this.#rows++;
  }
}
