// The watch invariants as fast-check properties, for the default test run
// (test/export/smart-recording.test.ts and export-round-trip.test.ts, 40 runs each) and for the
// bench (test/bench/watch-invariants.ts, many more), over runs from
// test/support/generated-watch-runs.ts:
// - the same run recorded every second and with smart recording (a record only on a change, else
//   after 1-60 s with the timer running) imports to the same moving time (±1 %), distance
//   (±0.1 %), average cadence (±1 step/min) and time-weighted heart rate, speed and stride,
//   through FIT and through TCX, and the FIT's records agree with what really happened;
// - what the session page shows of an imported run (moving time, distance, laps, splits per km
//   and per lap) comes back from our FIT and our TCX of it, read again as any file is.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { heartRateStats } from '../../src/charts/session-channels.js';
import { decodeFit } from '../../src/export/fit-decode.js';
import { encodeFit } from '../../src/export/fit.js';
import type { ImportedRun } from '../../src/export/imported-run.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { decodeTcx } from '../../src/export/tcx-decode.js';
import { encodeTcx } from '../../src/export/tcx.js';
import { timeWeightedMean } from '../../src/session/channel-averages.js';
import { type RecordedSession, SAMPLE_RUNNING } from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { type Split, distanceSplits, lapSplits } from '../../src/session/splits.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { type WatchRecording, type WatchRunSpec, truthOf, watchRunFit, watchRunSpec, watchRunTcx } from '../support/generated-watch-runs.js';

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
  expect(smart.movingS, say('movingS')).to.be.closeTo(every.movingS, every.movingS * 0.01);
  expect(smart.distanceM, say('distanceM')).to.be.closeTo(every.distanceM, every.distanceM * 0.001);
  expect(smart.avgCadence, say('avgCadence')).to.be.closeTo(every.avgCadence, ONE_STEP);
  expect(smart.heartRate, say('heartRate')).to.be.closeTo(every.heartRate, 1);
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
export const smartRecordingAgreesInFit = fc.property(watchRunSpec, (spec) => {
  const every = figuresOf(decodeFit(watchRunFit(spec, 'every-second')));
  const smart = figuresOf(decodeFit(watchRunFit(spec, 'smart')));
  expectSameRun(every, smart, 'FIT');
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

/** A run as the app stores an import (src/services/data-files.ts). */
function sessionOf(run: ImportedRun): RecordedSession {
  return {
    meta: {
      id: 'round-trip',
      startedAt: run.startedAt,
      name: 'Generated run',
      notes: '',
      deviceName: run.deviceName,
      origin: 'import',
      sport: run.sport,
      treadmill: run.treadmill,
      status: 'complete',
      ...importedSummary(run, defaultCadenceZones),
      zones: { ...defaultCadenceZones },
      laps: run.laps,
      gaps: run.gaps,
      schemaVersion: 1,
    },
    samples: run.samples,
  };
}

interface Page {
  movingS: number;
  distanceM: number;
  /** What the records add up to, whatever the summary shows. */
  recordsMovingS: number;
  recordsDistanceM: number;
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
    recordsMovingS: records.movingS,
    recordsDistanceM: records.distanceM,
    laps: meta.laps,
    distanceSplits: distanceSplits(samples, 'km', meta.gaps),
    lapSplits: lapSplits(samples, meta.laps, meta.gaps),
  };
}

/** Whole seconds and centimetres survive FIT and TCX; cadence to a whole stride in TCX. */
function expectSamePage(back: Page, page: Page, where: string, keepsGait: boolean): void {
  expect(back.movingS, `${where}: moving time`).to.be.closeTo(page.movingS, 0.5);
  expect(back.distanceM, `${where}: distance`).to.be.closeTo(page.distanceM, 0.05);
  expect(back.recordsMovingS, `${where}: moving time of the records`).to.be.closeTo(page.recordsMovingS, 0.5);
  expect(back.recordsDistanceM, `${where}: distance of the records`).to.be.closeTo(page.recordsDistanceM, 0.05);
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
      // TCX has no word for walking (src/export/tcx.ts), so a run with walking in it keeps its
      // running cadence only through FIT.
      if (keepsGait) expect(split.avgCadence, `${say} cadence`).to.be.closeTo(shown.avgCadence, ONE_STEP);
    });
  }
}

/** The page of an imported run (every second or smart), our FIT and TCX of it, and their re-imports agree. */
export const pageExportsAndReimportsAgree = fc.property(watchRunSpec, fc.constantFrom<WatchRecording>('every-second', 'smart'), (spec, sampling) => {
  const session = sessionOf(decodeFit(watchRunFit(spec, sampling)));
  const page = pageOf(session);
  const walks = spec.spells.some((spell) => spell.walking);
  expectSamePage(pageOf(sessionOf(decodeFit(encodeFit(session)))), page, `FIT of a ${sampling} run`, true);
  expectSamePage(pageOf(sessionOf(decodeTcx(encodeTcx(session)))), page, `TCX of a ${sampling} run`, !walks);
});
