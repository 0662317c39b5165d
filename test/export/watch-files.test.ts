// The importer held to a watch's own numbers. A watch file (test/support/watch-files.ts, checked
// in test/support/watch-files.test.ts) goes through readRunFile and summarizeSamples as an
// imported run does, and its totals must be what the watch's session message says: records
// 1-8 s apart ("smart recording") are a watch running, not a link lost every few seconds. The
// TCX of the same activity has no session message, so it is held to the FIT's.

import { expect } from '@open-wc/testing';
import { ImportError } from '../../src/export/import-error.js';
import type { ImportedRun } from '../../src/export/imported-run.js';
import { readRunFile } from '../../src/export/read-run-file.js';
import { type SessionTotals, summarizeSamples } from '../../src/session/session-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import {
  type FitSessionTotals,
  RUN_WITH_TWO_PAUSES,
  type WatchActivityOptions,
  type WatchSampling,
  readFitSessionTotals,
  watchActivity,
} from '../support/watch-files.js';

type Format = 'FIT' | 'TCX';

interface Imported {
  run: ImportedRun;
  totals: SessionTotals;
  /** What the watch's session message says. */
  session: FitSessionTotals;
  startedAt: number;
}

const fileOf = (format: Format, options: WatchActivityOptions) => {
  const activity = watchActivity(options);
  const file = format === 'FIT' ? new File([activity.fit], 'watch.fit') : new File([activity.tcx], 'watch.tcx');
  return { activity, file };
};

const imports = new Map<string, Promise<Imported>>();
/** Each file imported once, however many tests look at it. */
function imported(format: Format, sampling: WatchSampling): Promise<Imported> {
  const key = `${format} ${sampling}`;
  if (!imports.has(key)) {
    const { activity, file } = fileOf(format, { ...RUN_WITH_TWO_PAUSES, sampling });
    const session = readFitSessionTotals(activity.fit);
    const importing = readRunFile(file).then((run) => ({
      run,
      totals: summarizeSamples(run.samples, defaultCadenceZones, run.gaps),
      session,
      startedAt: activity.startedAt,
    }));
    imports.set(key, importing);
  }
  return imports.get(key)!;
}

/** "+1.23 %": how far a figure is from the watch's, for failure messages the lead can act on. */
const off = (value: number, reference: number): string => `${(((value - reference) / reference) * 100).toFixed(2)} %`;

describe('readRunFile + summarizeSamples give back the watch\'s own totals', () => {
  for (const format of ['FIT', 'TCX'] as const) {
    for (const sampling of ['every-second', 'smart'] as const) {
      const label = `${format}, ${sampling === 'smart' ? 'smart recording (1-8 s)' : 'every second'}, two pauses`;

      it(`${label}: moving time within 1 % of the session's timer time`, async () => {
        const { totals, session } = await imported(format, sampling);
        const message = `moving ${totals.movingS.toFixed(1)} s, the watch's timer ${session.totalTimerTime} s (${off(totals.movingS, session.totalTimerTime)})`;
        expect(totals.movingS, message).to.be.closeTo(session.totalTimerTime, session.totalTimerTime * 0.01);
      });

      it(`${label}: distance within 0.1 % of the session's total distance`, async () => {
        const { totals, session } = await imported(format, sampling);
        const message = `distance ${totals.distanceM.toFixed(2)} m, the watch's ${session.totalDistance} m (${off(totals.distanceM, session.totalDistance)})`;
        expect(totals.distanceM, message).to.be.closeTo(session.totalDistance, session.totalDistance * 0.001);
      });

      it(`${label}: average cadence within 1 step/min of the session's`, async () => {
        const { totals, session } = await imported(format, sampling);
        const watch = session.avgStepsPerMinute;
        const message = `cadence ${totals.avgCadence.toFixed(2)} steps/min, the watch's ${watch.toFixed(2)} (${(totals.avgCadence - watch).toFixed(2)})`;
        expect(totals.avgCadence, message).to.be.closeTo(watch, 1);
      });

      it(`${label}: average speed, and distance over moving time, within 1 % of the session's`, async () => {
        const { totals, session } = await imported(format, sampling);
        const watch = session.avgSpeedMps;
        const pace = totals.movingS > 0 ? totals.distanceM / totals.movingS : 0;
        expect(pace, `distance / moving ${pace.toFixed(3)} m/s, the watch's ${watch} m/s (${off(pace, watch)})`).to.be.closeTo(watch, watch * 0.01);
        expect(totals.avgSpeedMps, `average speed ${totals.avgSpeedMps.toFixed(3)} m/s (${off(totals.avgSpeedMps, watch)})`).to.be.closeTo(watch, watch * 0.01);
      });

      it(`${label}: no lost link, and each pause is a break over its own seconds`, async () => {
        const { run, startedAt } = await imported(format, sampling);
        const lost = run.gaps.filter((gap) => gap.reason === 'link-lost');
        expect(lost.length, `a watch has no footpod link to lose, yet ${lost.length} 'link-lost' gaps came back`).to.equal(0);
        const shift = (startedAt - run.startedAt) / 1000;
        for (const pause of RUN_WITH_TWO_PAUSES.pauses) {
          const [from, to] = [pause.atS + shift, pause.atS + pause.lengthS + shift];
          const covering = run.gaps.filter((gap) => gap.fromT <= from + 0.5 && gap.toT >= to - 0.5);
          expect(covering.length, `a break over the pause at ${pause.atS} s for ${pause.lengthS} s`).to.equal(1);
        }
      });
    }
  }
});

async function refusal(file: File): Promise<ImportError> {
  try {
    await readRunFile(file);
  } catch (error) {
    expect(error).to.be.instanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error(`readRunFile accepted ${file.name}`);
}

describe('readRunFile and the sport a watch recorded', () => {
  const short = { durationS: 20 * 60, pauses: [{ atS: 600, lengthS: 30 }], sampling: 'smart' } as const;

  it('imports a walk from a FIT file', async () => {
    const { activity, file } = fileOf('FIT', { ...short, sport: 'walking', subSport: 'generic' });
    const run = await readRunFile(file);
    expect(run.samples.t.length).to.equal(activity.records.length);
  });

  it('imports a walk from a TCX file (Sport="Other")', async () => {
    const { activity, file } = fileOf('TCX', { ...short, sport: 'walking' });
    expect((await readRunFile(file)).samples.t.length).to.equal(activity.records.length);
  });

  it('imports a treadmill run', async () => {
    const { file } = fileOf('FIT', { ...short, subSport: 'treadmill' });
    expect((await readRunFile(file)).samples.t.length).to.be.above(0);
  });

  it('refuses a ride from a FIT file, saying it is cycling', async () => {
    const error = await refusal(fileOf('FIT', { ...short, sport: 'cycling', subSport: 'road' }).file);
    expect(error.message).to.match(/cycling|bike/i);
  });

  it('refuses a ride from a TCX file (Sport="Biking"), saying it is cycling', async () => {
    const error = await refusal(fileOf('TCX', { ...short, sport: 'cycling' }).file);
    expect(error.message).to.match(/cycling|bike/i);
  });
});
