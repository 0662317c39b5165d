// The big watch run of issue 20, made in the page (never committed): 5.5 hours of 1 s records with
// heart rate, run cadence and the speed extension, as Garmin Connect exports TCX (about 7 MB) and
// the watch writes FIT. Tests make the same shape at a few minutes or a few MB.

import { encodeWatchFit } from '../support/watch-fit.js';
import { watchRecords } from '../support/watch-sampling.js';
import { encodeWatchTcx } from '../support/watch-tcx.js';
import { watchTruth } from '../support/watch-truth.js';
import { mulberry32 } from '../../src/sources/run-profile.js';

export const BIG_RUN_S = 5.5 * 3600;
const START = Date.UTC(2026, 4, 9, 5, 30, 0);

/** The run as both files; `formats` leaves one out (the FIT writer is the slow part to make). */
export function bigWatchRun(
  durationS = BIG_RUN_S,
  seed = 20,
  formats: readonly ('tcx' | 'fit')[] = ['tcx', 'fit'],
): { tcx: Uint8Array<ArrayBuffer>; fit: Uint8Array<ArrayBuffer> } {
  const truth = watchTruth({ durationS, pauses: [{ atS: Math.floor(durationS / 2), lengthS: 90 }], sport: 'running', seed });
  // The watch helper writes heart rate only when its truth has one: a strap worn all run, drifting up.
  const random = mulberry32(seed);
  truth.heartRate = Float64Array.from({ length: durationS }, (_, s) => 128 + (30 * s) / durationS + 6 * random());
  const records = watchRecords(truth, 'every-second', seed);
  const input = { truth, records, startedAt: START, sport: 'running' as const };
  return {
    tcx: formats.includes('tcx') ? new TextEncoder().encode(encodeWatchTcx(input)) : new Uint8Array(),
    fit: formats.includes('fit') ? new Uint8Array(encodeWatchFit({ ...input, subSport: 'generic' })) : new Uint8Array(),
  };
}
