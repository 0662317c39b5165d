// Invariant: the same run recorded every second and with smart recording (a record only on a
// change, else after 1-60 s with the timer running) imports to the same moving time (±1 %),
// distance (±0.1 %), average cadence (±1 step/min) and time-weighted averages of heart rate,
// speed and stride, through FIT and through TCX; and the FIT's records agree with what really
// happened. Runs come from test/support/generated-watch-runs.ts.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { heartRateStats } from '../../src/charts/session-channels.js';
import { decodeFit } from '../../src/export/fit-decode.js';
import type { ImportedRun } from '../../src/export/imported-run.js';
import { decodeTcx } from '../../src/export/tcx-decode.js';
import { timeWeightedMean } from '../../src/session/channel-averages.js';
import { SAMPLE_RUNNING } from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { type WatchRunSpec, truthOf, watchRunFit, watchRunSpec, watchRunTcx } from '../support/generated-watch-runs.js';

/** Runs per format; the bench may raise it. */
export const RUNS = 40;
/** One step/min, the invariant's bound (TCX holds whole strides), plus float noise. */
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

describe('invariant: every second and smart recording of one run import alike', function () {
  // Each run is written and read twice with Garmin's SDK (about 0.1 s): seconds, not the default 2.
  this.timeout(60_000);
  it(`FIT: moving time, distance, cadence and time-weighted heart rate, speed, stride agree (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(watchRunSpec, (spec) => {
        const every = figuresOf(decodeFit(watchRunFit(spec, 'every-second')));
        const smart = figuresOf(decodeFit(watchRunFit(spec, 'smart')));
        expectSameRun(every, smart, 'FIT');
        // And both are what happened, not merely equally wrong.
        const truth = truthAverages(spec);
        expect(smart.movingS, 'FIT smart moving time against the timer').to.be.closeTo(truth.timerS, truth.timerS * 0.01);
        expect(smart.avgCadence, 'FIT smart running cadence against the truth').to.be.closeTo(truth.cadence, ONE_STEP);
        expect(smart.heartRate, 'FIT smart heart rate against the truth').to.be.closeTo(truth.heartRate, 1);
      }),
      { numRuns: RUNS, seed: 0x5a7 },
    );
  });

  it(`TCX: moving time, distance, cadence and time-weighted heart rate, speed, stride agree (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(watchRunSpec, (spec) => {
        const every = figuresOf(decodeTcx(watchRunTcx(spec, 'every-second')));
        const smart = figuresOf(decodeTcx(watchRunTcx(spec, 'smart')));
        expectSameRun(every, smart, 'TCX');
        const truth = truthAverages(spec);
        expect(smart.movingS, 'TCX smart moving time against the timer').to.be.closeTo(truth.timerS, truth.timerS * 0.01);
      }),
      { numRuns: RUNS, seed: 0x7c5 },
    );
  });
});
