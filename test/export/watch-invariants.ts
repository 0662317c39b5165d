// The watch invariants as fast-check properties, for the default test run
// (test/export/smart-recording.test.ts and export-round-trip.test.ts, 20 generated runs each beside their fixed shapes) and for the
// bench (test/bench/watch-invariants.ts, many more), over runs from
// test/support/generated-watch-runs.ts:
// - the same run recorded every second and with smart recording (a record only on a change, else
//   after 1-60 s with the timer running) imports to the same moving time (±1 %), distance
//   (±0.1 %), average cadence (±1 step/min) and time-weighted heart rate, speed and stride,
//   through FIT and through TCX, and the FIT's records agree with what really happened;
// - what the session page shows of an imported run (moving time, distance, laps, splits per km
//   and per lap, time in zones, walk or run) comes back from our FIT and our TCX of it, read again
//   as any file is, and the page's stated totals are what its records add up to, whatever shape
//   the watch's file has (a walk, a session per stretch with walking sessions, a lost footpod,
//   records after the stop, no timer events, slow jogs the watch called running); a TCX of it
//   trimmed of its first or last lap shows the laps it still holds.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { heartRateStats } from '../../src/charts/session-channels.js';
import { decodeFit } from '../../src/export/fit-decode.js';
import { encodeFit } from '../../src/export/fit.js';
import type { ImportedRun } from '../../src/export/imported-run.js';
import { decodeTcx } from '../../src/export/tcx-decode.js';
import { encodeTcx } from '../../src/export/tcx.js';
import { timeWeightedMean } from '../../src/session/channel-averages.js';
import { type RecordedSession, SAMPLE_RUNNING } from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { type Split, distanceSplits, lapSplits } from '../../src/session/splits.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import {
  type WatchRecording,
  type WatchRunSpec,
  expectedSport,
  truthOf,
  watchFileVariant,
  watchRunFit,
  watchRunSpec,
  watchRunTcx,
} from '../support/generated-watch-runs.js';
import { storedImport } from '../support/stored-import.js';

/** One step/min, the invariants' bound (TCX holds whole strides), plus float noise. */
const ONE_STEP = 1 + 1e-9;

interface Figures {
  movingS: number;
  distanceM: number;
  avgCadence: number;
  heartRate: number;
  speed: number;
  stride: number;
}

/** What the records sum to, by the session's rules (never the file's stated totals). */
function figuresOf(run: ImportedRun): Figures {
  const { samples, gaps } = run;
  const totals = summarizeSamples(samples, defaultCadenceZones, gaps);
  const running = (i: number): boolean => (samples.flags[i]! & SAMPLE_RUNNING) !== 0;
  return {
    movingS: totals.movingS,
    distanceM: totals.distanceM,
    avgCadence: totals.avgCadence,
    heartRate: heartRateStats(samples, gaps)?.average ?? Number.NaN,
    speed: timeWeightedMean(samples, samples.speedMps, gaps, running) ?? Number.NaN,
    stride: timeWeightedMean(samples, samples.strideLengthM, gaps, running) ?? Number.NaN,
  };
}

function expectSameRun(every: Figures, smart: Figures, where: string): void {
  const say = (name: keyof Figures): string => `${where}: ${name} every second ${every[name]}, smart ${smart[name]}`;
  // A run of slow jogs only, in a file that does not say who ran (Garmin's TCX), has no running to average.
  for (const name of ['speed', 'stride'] as const) {
    if (Number.isNaN(every[name])) expect(smart[name], say(name)).to.be.NaN;
  }
  expect(smart.movingS, say('movingS')).to.be.closeTo(every.movingS, every.movingS * 0.01);
  expect(smart.distanceM, say('distanceM')).to.be.closeTo(every.distanceM, every.distanceM * 0.001);
  expect(smart.avgCadence, say('avgCadence')).to.be.closeTo(every.avgCadence, ONE_STEP);
  expect(smart.heartRate, say('heartRate')).to.be.closeTo(every.heartRate, 1);
  if (Number.isNaN(every.speed)) return;
  expect(smart.speed, say('speed')).to.be.closeTo(every.speed, every.speed * 0.005);
  expect(smart.stride, say('stride')).to.be.closeTo(every.stride, every.stride * 0.01);
}

/** Running-only cadence and all-seconds heart rate of the truth, over the seconds the timer ran. */
function truthAverages(spec: WatchRunSpec): { cadence: number; heartRate: number; timerS: number } {
  const truth = truthOf(spec);
  let running = 0;
  let cadence = 0;
  let seconds = 0;
  let heart = 0;
  for (const { fromS, toS } of truth.stretches) {
    for (let s = fromS; s < toS; s++) {
      seconds++;
      heart += truth.heartRate![s]!;
      if (truth.walking![s]) continue;
      running++;
      cadence += truth.cadence[s]!;
    }
  }
  return { cadence: cadence / running, heartRate: heart / seconds, timerS: seconds };
}

/** Every second and smart recording of one run, through FIT, agree with each other and with what happened. */
export const smartRecordingAgreesInFit = fc.property(watchRunSpec, fc.boolean(), fc.boolean(), (spec, speedOnly, noTimerEvents) => {
  // Records with speed but no distance too: the reader integrates the distance itself. And files
  // without timer events, where the reader judges each step by the file's sampling and distance.
  const variant = { speedOnly: speedOnly && !noTimerEvents, noTimerEvents };
  const every = figuresOf(decodeFit(watchRunFit(spec, 'every-second', variant)));
  const smart = figuresOf(decodeFit(watchRunFit(spec, 'smart', variant)));
  expectSameRun(every, smart, noTimerEvents ? 'FIT without timer events' : 'FIT');
  // And both are what happened, not merely equally wrong.
  const truth = truthAverages(spec);
  expect(smart.movingS, 'FIT smart moving time against the timer').to.be.closeTo(truth.timerS, truth.timerS * 0.01);
  expect(smart.avgCadence, 'FIT smart running cadence against the truth').to.be.closeTo(truth.cadence, ONE_STEP);
  expect(smart.heartRate, 'FIT smart heart rate against the truth').to.be.closeTo(truth.heartRate, 1);
});

/** The same through TCX, which has no timer events (the laps' totals stand for them). */
export const smartRecordingAgreesInTcx = fc.property(watchRunSpec, (spec) => {
  const every = figuresOf(decodeTcx(watchRunTcx(spec, 'every-second')));
  const smart = figuresOf(decodeTcx(watchRunTcx(spec, 'smart')));
  expectSameRun(every, smart, 'TCX');
  const truth = truthAverages(spec);
  expect(smart.movingS, 'TCX smart moving time against the timer').to.be.closeTo(truth.timerS, truth.timerS * 0.01);
});

const sessionOf = (run: ImportedRun): RecordedSession => storedImport(run);

interface Page {
  movingS: number;
  distanceM: number;
  /** Running only. */
  avgCadence: number;
  /** What the records add up to, whatever the summary shows. */
  recordsMovingS: number;
  recordsDistanceM: number;
  /** Running time with a measured cadence, in all zones together (a lost link's minutes are not). */
  recordsZoneS: number;
  sport: RecordedSession['meta']['sport'];
  laps: number[];
  distanceSplits: Split[];
  lapSplits: Split[];
}

/** What the session page shows of a session (src/pages/stride-session-page.ts). */
function pageOf({ meta, samples }: RecordedSession): Page {
  const records = summarizeSamples(samples, meta.zones, meta.gaps);
  return {
    movingS: meta.movingS,
    distanceM: meta.distanceM,
    avgCadence: meta.avgCadence,
    recordsMovingS: records.movingS,
    recordsDistanceM: records.distanceM,
    recordsZoneS: Object.values(records.zoneTimes).reduce((a, b) => a + b, 0),
    sport: meta.sport,
    laps: meta.laps,
    distanceSplits: distanceSplits(samples, 'km', meta.gaps),
    lapSplits: lapSplits(samples, meta.laps, meta.gaps),
  };
}

/** Whole seconds and centimetres survive FIT and TCX; cadence to a whole stride in TCX. */
function expectSamePage(back: Page, page: Page, where: string): void {
  expect(back.movingS, `${where}: moving time`).to.be.closeTo(page.movingS, 0.5);
  expect(back.avgCadence, `${where}: average cadence, running only`).to.be.closeTo(page.avgCadence, ONE_STEP);
  expect(back.distanceM, `${where}: distance`).to.be.closeTo(page.distanceM, 0.05);
  expect(back.recordsMovingS, `${where}: moving time of the records`).to.be.closeTo(page.recordsMovingS, 0.5);
  expect(back.recordsDistanceM, `${where}: distance of the records`).to.be.closeTo(page.recordsDistanceM, 0.05);
  expect(back.recordsZoneS, `${where}: time in zones`).to.be.closeTo(page.recordsZoneS, 1);
  expect(back.sport, `${where}: sport`).to.equal(page.sport);
  expect(back.laps.length, `${where}: laps ${back.laps} against ${page.laps}`).to.equal(page.laps.length);
  back.laps.forEach((t, k) => expect(t, `${where}: lap ${k + 2} starts`).to.be.closeTo(page.laps[k]!, 0.001));
  for (const kind of ['distanceSplits', 'lapSplits'] as const) {
    expect(back[kind].length, `${where}: ${kind}`).to.equal(page[kind].length);
    back[kind].forEach((split, k) => {
      const shown = page[kind][k]!;
      const say = `${where}: ${kind} ${split.label} (${shown.label})`;
      expect(split.label, say).to.equal(shown.label);
      expect(split.distanceM, `${say} distance`).to.be.closeTo(shown.distanceM, 0.05);
      expect(split.durationS, `${say} time`).to.be.closeTo(shown.durationS, 0.5);
      // Both keep what the watch called running: FIT's activityType, our TCX's marks.
      expect(split.avgCadence, `${say} cadence`).to.be.closeTo(shown.avgCadence, ONE_STEP);
    });
  }
}

/** The average heart rate the session page shows: the watch's own where it stated one. */
const heartRateShown = ({ samples, meta }: RecordedSession): number | undefined =>
  heartRateStats(samples, meta.gaps, meta.statedTotals?.stated.avgHeartRate)?.average;

/** The page of an imported run (every second or smart), our FIT and TCX of it, and their re-imports agree. */
export const pageExportsAndReimportsAgree = fc.property(
  watchRunSpec,
  fc.constantFrom<WatchRecording>('every-second', 'smart'),
  watchFileVariant,
  (spec, sampling, variant) => {
  const session = sessionOf(decodeFit(watchRunFit(spec, sampling, variant)));
  const page = pageOf(session);
  // The watch's own totals, shown on the page, are what its records add up to (less the seconds
  // and metres after a last record that comes early, at most 5.5 m/s).
  const early = variant.recordsEndEarlyS ?? 0;
  expect(page.movingS, 'the page: moving time against its records').to.be.closeTo(page.recordsMovingS, page.movingS * 0.01 + early);
  expect(page.distanceM, 'the page: distance against its records').to.be.closeTo(page.recordsDistanceM, page.distanceM * 0.001 + 5.5 * early);
  expect(page.sport, 'the page: sport').to.equal(expectedSport(spec, variant));
  const viaFit = sessionOf(decodeFit(encodeFit(session)));
  expectSamePage(pageOf(viaFit), page, `FIT of a ${sampling} run`);
  // FIT's session and our TCX extension hold the average heart rate the page shows (the watch's own).
  expect(heartRateShown(viaFit), 'FIT: heart rate').to.be.closeTo(heartRateShown(session)!, 0.5);
  const tcx = encodeTcx(session);
  const viaTcx = sessionOf(decodeTcx(tcx));
  expectSamePage(pageOf(viaTcx), page, `TCX of a ${sampling} run`);
  expect(heartRateShown(viaTcx), 'TCX: heart rate').to.be.closeTo(heartRateShown(session)!, 0.5);
  // Trimmed by the runner (a lap deleted), it shows the laps it still holds, never the whole run's totals.
  if (page.lapSplits.length >= 2) {
    for (const which of [0, page.lapSplits.length - 1]) {
      const kept = page.lapSplits.filter((_, k) => k !== which);
      const trimmed = sessionOf(decodeTcx(withoutLap(tcx, which)));
      const where = `TCX without lap ${which + 1} of ${page.lapSplits.length}`;
      const sum = (key: 'durationS' | 'distanceM'): number => kept.reduce((total, split) => total + split[key], 0);
      expect(trimmed.meta.movingS, `${where}: moving time`).to.be.closeTo(sum('durationS'), 0.5 * kept.length);
      expect(trimmed.meta.distanceM, `${where}: distance`).to.be.closeTo(sum('distanceM'), 0.05 * kept.length);
    }
  }
  },
);

/** What a runner does in a text editor or a TCX tool: delete one <Lap> of the activity. */
function withoutLap(text: string, index: number): string {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  Array.from(doc.getElementsByTagNameNS('*', 'Lap'))[index]!.remove();
  return new XMLSerializer().serializeToString(doc);
}
