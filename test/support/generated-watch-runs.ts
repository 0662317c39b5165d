// Watch runs made up by fast-check for the invariants: spells of steady running or walking (each
// with its own speed, cadence and heart rate), timer stops between some of them, an auto-lap per
// kilometre, recorded either every second or as smart recording does it (a record at every
// change, at each timer start and stop and lap, and otherwise after a random 1-60 s with the
// timer running). The FIT and TCX are the watch's (test/support/watch-fit.ts, watch-tcx.ts), so
// the two recordings of one run differ only in which seconds have a record. Some pauses have the
// lap key pressed during them. A file can also be made a walk, one session per timer stretch, with
// a spell the watch lost its footpod for (no records, a "connection lost" marker, the timer on),
// or with records written after the final timer stop (the walk to the car), or without timer
// events: WatchFileVariant. A stretch of walking only, in a file of a session per stretch, is a
// walking session. Slow jogs (under 140 steps/min and 2.19 m/s) are running by the watch, walking
// by the cadence-and-speed rule; a spell whose cadence varies each second is written every second
// by smart recording too.
//
//   fc.assert(fc.property(watchRunSpec, (spec) => { decodeFit(watchRunFit(spec, 'smart')) ... }))

import fc from 'fast-check';
import { mulberry32 } from '../../src/sources/run-profile.js';
import { encodeWatchFit } from './watch-fit.js';
import { type WatchRecord, recordAt } from './watch-sampling.js';
import { encodeWatchTcx } from './watch-tcx.js';
import { type TimerStretch, type WatchTruth, autoLaps, totalsBetween, walkingStretch } from './watch-truth.js';
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
  /** The lap key pressed halfway through that pause (Garmin allows it; the new lap starts there). */
  lapInPause?: boolean;
  /** Cadence a step/min up and down each second, so smart recording writes every second of it. */
  varies?: boolean;
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
  lapInPause: fc.boolean(),
  varies: fc.boolean(),
});
/** A beginner's slow jog: running by the watch, walking by the cadence-and-speed rule (under 140 and 2.19 m/s). */
const joggingSpell = fc.record({
  lengthS: fc.integer({ min: 5, max: 300 }),
  speedMps: fc.double({ min: 1.6, max: 2.1, noNaN: true }),
  cadence: fc.integer({ min: 125, max: 139 }),
  heartRate: fc.integer({ min: 110, max: 160 }),
  walking: fc.constant(false),
  pauseAfterS: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 2, max: 200 })),
  lapInPause: fc.boolean(),
  varies: fc.boolean(),
});
const walkingSpell = fc.record({
  lengthS: fc.integer({ min: 5, max: 150 }),
  speedMps: fc.double({ min: 0.9, max: 1.9, noNaN: true }),
  cadence: fc.integer({ min: 95, max: 130 }),
  heartRate: fc.integer({ min: 90, max: 140 }),
  walking: fc.constant(true),
  pauseAfterS: fc.oneof(fc.constant(0), fc.integer({ min: 2, max: 120 })),
  lapInPause: fc.boolean(),
});

/** A run of 2 to 10 spells, at least one of them running, a minute or more of timer time. */
export const watchRunSpec: fc.Arbitrary<WatchRunSpec> = fc
  .record({
    spells: fc.array(
      fc.oneof({ weight: 4, arbitrary: runningSpell }, { weight: 1, arbitrary: joggingSpell }, { weight: 1, arbitrary: walkingSpell }),
      { minLength: 2, maxLength: 10 },
    ),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  .filter(({ spells }) => spells.some((s) => !s.walking) && spells.reduce((sum, s) => sum + s.lengthS, 0) >= 60);

/** Laps split where the lap key was pressed. */
function withPresses(laps: readonly TimerStretch[], presses: readonly number[]): TimerStretch[] {
  const out = [...laps];
  for (const press of presses) {
    const k = out.findIndex((lap) => lap.fromS < press && press < lap.toS);
    if (k >= 0) out.splice(k, 1, { fromS: out[k]!.fromS, toS: press }, { fromS: press, toS: out[k]!.toS });
  }
  return out;
}

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
  const pressedInPauses: number[] = [];
  let s = 0;
  let from = 0;
  for (const spell of spells) {
    for (const end = s + spell.lengthS; s < end; s++) {
      speedMps[s] = spell.speedMps;
      cadence[s] = spell.varies && s % 2 === 1 ? spell.cadence + 1 : spell.cadence;
      heartRate[s] = spell.heartRate;
      walking[s] = spell.walking ? 1 : 0;
      distanceM[s + 1] = distanceM[s]! + spell.speedMps;
    }
    if (spell.pauseAfterS > 0) {
      stretches.push({ fromS: from, toS: s });
      if (spell.lapInPause && spell.pauseAfterS >= 4) pressedInPauses.push(s + Math.floor(spell.pauseAfterS / 2));
      for (const end = s + spell.pauseAfterS; s < end; s++) distanceM[s + 1] = distanceM[s]!;
      from = s;
    }
  }
  stretches.push({ fromS: from, toS: durationS });
  const laps = withPresses(autoLaps({ distanceM, durationS }), pressedInPauses);
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

/** How one watch file of a run differs from the plain one. */
export interface WatchFileVariant {
  /** A walk as a whole (FIT sport walking, TCX Sport "Other"). */
  walk?: boolean;
  /** One session message per timer stretch (a run resumed as a new session). */
  sessionPerStretch?: boolean;
  /** The index (modulo the spells) of a spell the watch lost its footpod for: no records inside it, a marker at its start. */
  lostLinkSpell?: number;
  /** Seconds of walking the watch records after its final timer stop, with no start after it. */
  afterStopS?: number;
  /** Seconds before the final stop that the last record comes (the session still states the timer's time). */
  recordsEndEarlyS?: number;
  /** Records with speed but no distance. */
  speedOnly?: boolean;
  /** No timer events and no markers, as some apps and converters write: the reader judges the steps. */
  noTimerEvents?: boolean;
}

export const watchFileVariant: fc.Arbitrary<WatchFileVariant> = fc
  .record(
    {
      walk: fc.boolean(),
      sessionPerStretch: fc.boolean(),
      lostLinkSpell: fc.nat(),
      afterStopS: fc.integer({ min: 10, max: 300 }),
      recordsEndEarlyS: fc.integer({ min: 2, max: 4 }),
      noTimerEvents: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  // Records after the final stop are the run's own when no timer event says it stopped.
  .map(({ afterStopS, ...variant }) => (variant.noTimerEvents || afterStopS === undefined ? variant : { ...variant, afterStopS }));

/** Records with the lost spell's taken out: from the last record at or before its start to the first at or after its end. */
function losingLink(spec: WatchRunSpec, records: WatchRecord[], spell: number): { records: WatchRecord[]; lostAt: number } {
  const k = spell % spec.spells.length;
  const startS = spec.spells.slice(0, k).reduce((sum, x) => sum + x.lengthS + x.pauseAfterS, 0);
  const endS = startS + spec.spells[k]!.lengthS;
  const before = records.filter((r) => r.s <= startS).at(-1)!;
  const after = records.find((r) => r.s >= endS) ?? records.at(-1)!;
  return { records: records.filter((r) => r.s <= before.s || r.s >= after.s), lostAt: before.s };
}

/** Walking at 1.2 m/s and 100 steps/min, a record every 5 s, after the truth's end. */
function walkAfterStop(truth: WatchTruth, seconds: number): WatchRecord[] {
  const out: WatchRecord[] = [];
  const end = truth.durationS;
  for (let s = 5; s <= seconds; s += 5) {
    out.push({ s: end + s, distanceM: truth.distanceM[end]! + 1.2 * s, speedMps: 1.2, cadence: 100, walking: true, ...(truth.heartRate ? { heartRate: 100 } : {}) });
  }
  return out;
}

/** The watch's FIT file of the run, recorded so. */
export function watchRunFit(spec: WatchRunSpec, sampling: WatchRecording, variant: WatchFileVariant = {}): Uint8Array<ArrayBuffer> {
  const truth = truthOf(spec);
  let records = recordsOf(truth, sampling, spec.seed);
  const connectionLostAt: number[] = [];
  if (variant.lostLinkSpell !== undefined) {
    const lost = losingLink(spec, records, variant.lostLinkSpell);
    records = lost.records;
    connectionLostAt.push(lost.lostAt);
  }
  if (variant.recordsEndEarlyS) {
    const lastS = truth.durationS - variant.recordsEndEarlyS;
    // The watch's last record is at lastS, inside the last stretch (which it never starts after).
    if (lastS > truth.stretches.at(-1)!.fromS) records = [...records.filter((r) => r.s < lastS), recordAt(truth, lastS, false)];
  }
  if (variant.afterStopS) records = [...records, ...walkAfterStop(truth, variant.afterStopS)];
  const sport = variant.walk ? 'walking' : 'running';
  return new Uint8Array(
    encodeWatchFit({
      truth, records, startedAt: WATCH_START, sport, subSport: 'generic',
      sessionPerStretch: variant.sessionPerStretch, connectionLostAt, speedOnly: variant.speedOnly, noTimerEvents: variant.noTimerEvents,
    }),
  );
}

/** The TCX Garmin Connect exports of the run, recorded so. */
export function watchRunTcx(spec: WatchRunSpec, sampling: WatchRecording, variant: Pick<WatchFileVariant, 'walk'> = {}): string {
  const truth = truthOf(spec);
  const sport = variant.walk ? 'walking' : 'running';
  return encodeWatchTcx({ truth, records: recordsOf(truth, sampling, spec.seed), startedAt: WATCH_START, sport });
}

/** The sport a run's file should import as: its walk's, or the sport most of its timer time went to. */
export function expectedSport(spec: WatchRunSpec, variant: WatchFileVariant): 'run' | 'walk' {
  if (variant.walk) return 'walk';
  if (!variant.sessionPerStretch) return 'run';
  const truth = truthOf(spec);
  let walked = 0;
  let ran = 0;
  for (const stretch of truth.stretches) {
    const seconds = stretch.toS - stretch.fromS;
    if (walkingStretch(truth, stretch)) walked += seconds;
    else ran += seconds;
  }
  return walked > ran ? 'walk' : 'run';
}
