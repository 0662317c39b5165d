// Activities as a watch records them, for holding an importer to the watch's own numbers: a 1 Hz
// truth of a run (warm-up, steady, faster minutes, pauses), sampled every second or with
// Garmin's smart recording, written as the FIT file the watch makes and the TCX Garmin Connect
// exports. Everything comes from a seeded PRNG, so a test sees the same bytes every time.
//
//   const activity = watchActivity({ durationS: 2640, sampling: 'smart', pauses: [{ atS: 900, lengthS: 60 }] });
//   readRunFile(new File([activity.fit], 'run.fit'))  // compare with readFitSessionTotals(activity.fit)

import { encodeWatchFit, type WatchSubSport } from './watch-fit.js';
import { type WatchRecord, type WatchSampling, watchRecords } from './watch-sampling.js';
import { encodeWatchTcx } from './watch-tcx.js';
import { type WatchPause, type WatchSport, type WatchTotals, type WatchTruth, watchTruth } from './watch-truth.js';

export type { WatchPause, WatchRecord, WatchSampling, WatchSport, WatchSubSport, WatchTotals, WatchTruth };
export { SMART_MAX_STEP_S } from './watch-sampling.js';
export { type FitSessionTotals, readFitSessionTotals, readWatchFit } from './watch-fit-readback.js';

export interface WatchActivityOptions {
  /** Elapsed seconds from the first timer start to the last stop, pauses included. */
  durationS: number;
  sampling: WatchSampling;
  /** Timer stops: no records and no distance while stopped. */
  pauses?: readonly WatchPause[];
  sport?: WatchSport;
  subSport?: WatchSubSport;
  seed?: number;
  /** Epoch ms of the first timer start; whole seconds, as FIT holds them. */
  startedAt?: number;
}

export interface WatchActivity {
  fit: Uint8Array<ArrayBuffer>;
  tcx: string;
  /** What happened, summed over the seconds the timer ran: what the session message should say. */
  truth: WatchTotals;
  /** The records written, before FIT and TCX rounding. */
  records: WatchRecord[];
  startedAt: number;
  /** The truth second by second, for tests that look closer. */
  seconds: WatchTruth;
}

export const WATCH_START = Date.UTC(2026, 2, 14, 6, 45, 0);

export function watchActivity(options: WatchActivityOptions): WatchActivity {
  const { durationS, sampling, pauses = [], sport = 'running', subSport = 'generic', seed = 1 } = options;
  const startedAt = options.startedAt ?? WATCH_START;
  if (startedAt % 1000 !== 0) throw new RangeError('startedAt: whole seconds, as FIT holds them');
  const truth = watchTruth({ durationS, pauses, sport, seed });
  const records = watchRecords(truth, sampling, seed);
  return {
    // A copy backed by a plain ArrayBuffer, which File and Blob take.
    fit: new Uint8Array(encodeWatchFit({ truth, records, startedAt, sport, subSport })),
    tcx: encodeWatchTcx({ truth, records, startedAt, sport }),
    truth: truth.totals,
    records,
    startedAt,
    seconds: truth,
  };
}

/** A 44-minute run with two pauses: the shape of the watch file that first showed the problem. */
export const RUN_WITH_TWO_PAUSES = {
  durationS: 44 * 60,
  pauses: [
    { atS: 900, lengthS: 45 },
    { atS: 1800, lengthS: 150 },
  ],
} as const satisfies Omit<WatchActivityOptions, 'sampling'>;
