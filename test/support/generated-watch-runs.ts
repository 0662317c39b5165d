// Watch runs made up by fast-check for the invariants: spells of steady running or walking (each
// with its own speed, cadence and heart rate), timer stops between some of them, an auto-lap per
// kilometre, recorded either every second or as smart recording does it (a record at every
// change, at each timer start and stop and lap, and otherwise after a random 1-60 s with the
// timer running). The FIT and TCX are the watch's (test/support/watch-fit.ts, watch-tcx.ts), so
// the two recordings of one run differ only in which seconds have a record.
//
//   fc.assert(fc.property(watchRunSpec, (spec) => { decodeFit(watchRunFit(spec, 'smart')) ... }))

import fc from 'fast-check';
import { mulberry32 } from '../../src/sources/run-profile.js';
import { encodeWatchFit } from './watch-fit.js';
import { type WatchRecord, recordAt } from './watch-sampling.js';
import { encodeWatchTcx } from './watch-tcx.js';
import { type TimerStretch, type WatchTruth, autoLaps, totalsBetween } from './watch-truth.js';
import { WATCH_START } from './watch-files.js';

export interface Spell {
  lengthS: number;
  speedMps: number;
  /** Whole steps per minute. */
  cadence: number;
  heartRate: number;
  walking: boolean;
  /** Seconds the timer is stopped after this spell (0: none; never after the last). */
  pauseAfterS: number;
}

export interface WatchRunSpec {
  spells: Spell[];
  /** Seeds the smart recording's random steps. */
  seed: number;
}

/** Longest step smart recording takes between records while nothing changes. */
export const SMART_LONGEST_STEP_S = 60;

const runningSpell = fc.record({
  lengthS: fc.integer({ min: 5, max: 300 }),
  speedMps: fc.double({ min: 2, max: 5.5, noNaN: true }),
  cadence: fc.integer({ min: 150, max: 195 }),
  heartRate: fc.integer({ min: 110, max: 190 }),
  walking: fc.constant(false),
  pauseAfterS: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 2, max: 200 })),
});
const walkingSpell = fc.record({
  lengthS: fc.integer({ min: 5, max: 150 }),
  speedMps: fc.double({ min: 0.9, max: 1.9, noNaN: true }),
  cadence: fc.integer({ min: 95, max: 130 }),
  heartRate: fc.integer({ min: 90, max: 140 }),
  walking: fc.constant(true),
  pauseAfterS: fc.oneof(fc.constant(0), fc.integer({ min: 2, max: 120 })),
});

/** A run of 2 to 10 spells, at least one of them running, a minute or more of timer time. */
export const watchRunSpec: fc.Arbitrary<WatchRunSpec> = fc
  .record({
    spells: fc.array(fc.oneof({ weight: 4, arbitrary: runningSpell }, { weight: 1, arbitrary: walkingSpell }), { minLength: 2, maxLength: 10 }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  .filter(({ spells }) => spells.some((s) => !s.walking) && spells.reduce((sum, s) => sum + s.lengthS, 0) >= 60);

/** The run second by second, as the watch's own totals count it. */
export function truthOf(spec: WatchRunSpec): WatchTruth {
  const spells = spec.spells.map((spell, i) => (i === spec.spells.length - 1 ? { ...spell, pauseAfterS: 0 } : spell));
  const durationS = spells.reduce((sum, s) => sum + s.lengthS + s.pauseAfterS, 0);
  const speedMps = new Float64Array(durationS);
  const cadence = new Float64Array(durationS);
  const heartRate = new Float64Array(durationS);
  const walking = new Uint8Array(durationS);
  const distanceM = new Float64Array(durationS + 1);
  const stretches: TimerStretch[] = [];
  let s = 0;
  let from = 0;
  for (const spell of spells) {
    for (const end = s + spell.lengthS; s < end; s++) {
      speedMps[s] = spell.speedMps;
      cadence[s] = spell.cadence;
      heartRate[s] = spell.heartRate;
      walking[s] = spell.walking ? 1 : 0;
      distanceM[s + 1] = distanceM[s]! + spell.speedMps;
    }
    if (spell.pauseAfterS > 0) {
      stretches.push({ fromS: from, toS: s });
      for (const end = s + spell.pauseAfterS; s < end; s++) distanceM[s + 1] = distanceM[s]!;
      from = s;
    }
  }
  stretches.push({ fromS: from, toS: durationS });
  const laps = autoLaps({ distanceM, durationS });
  const truth = { durationS, sport: 'running' as const, speedMps, cadence, distanceM, heartRate, walking, stretches, laps };
  return { ...truth, totals: totalsBetween(truth, 0, durationS) };
}

/**
 * The records a watch writes: every second, or smart recording's (see the top of this file).
 * Record s shows the second just ended (recordAt), so a change shows in the record after it.
 */
export function recordsOf(truth: WatchTruth, sampling: 'every-second' | 'smart', seed: number): WatchRecord[] {
  const rng = mulberry32(seed);
  const lapEnds = new Set(truth.laps.map((lap) => lap.toS));
  const records: WatchRecord[] = [];
  for (const { fromS, toS } of truth.stretches) {
    let last = recordAt(truth, fromS, true);
    records.push(last);
    let due = fromS + 1 + Math.floor(rng() * SMART_LONGEST_STEP_S);
    for (let s = fromS + 1; s <= toS; s++) {
      const record = recordAt(truth, s, false);
      const changed =
        record.speedMps !== last.speedMps || record.cadence !== last.cadence || record.heartRate !== last.heartRate || record.walking !== last.walking;
      if (!(sampling === 'every-second' || changed || s === toS || lapEnds.has(s) || s >= due)) continue;
      records.push(record);
      last = record;
      due = s + 1 + Math.floor(rng() * SMART_LONGEST_STEP_S);
    }
  }
  return records;
}

export type WatchRecording = 'every-second' | 'smart';

/** The watch's FIT file of the run, recorded so. */
export function watchRunFit(spec: WatchRunSpec, sampling: WatchRecording): Uint8Array<ArrayBuffer> {
  const truth = truthOf(spec);
  const records = recordsOf(truth, sampling, spec.seed);
  return new Uint8Array(encodeWatchFit({ truth, records, startedAt: WATCH_START, sport: 'running', subSport: 'generic' }));
}

/** The TCX Garmin Connect exports of the run, recorded so. */
export function watchRunTcx(spec: WatchRunSpec, sampling: WatchRecording): string {
  const truth = truthOf(spec);
  return encodeWatchTcx({ truth, records: recordsOf(truth, sampling, spec.seed), startedAt: WATCH_START, sport: 'running' });
}
