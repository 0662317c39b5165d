// Invariant: the session page, our exports and their re-imports agree. A generated watch run
// (test/support/generated-watch-runs.ts, recorded every second or with smart recording) is
// imported as the app imports it; what its page shows (moving time, distance, laps, splits per km
// and per lap) must come back from our FIT and our TCX of it, read again as any file is.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { decodeFit } from '../../src/export/fit-decode.js';
import { encodeFit } from '../../src/export/fit.js';
import type { ImportedRun } from '../../src/export/imported-run.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { decodeTcx } from '../../src/export/tcx-decode.js';
import { encodeTcx } from '../../src/export/tcx.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { type Split, distanceSplits, lapSplits } from '../../src/session/splits.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { type WatchRecording, watchRunFit, watchRunSpec } from '../support/generated-watch-runs.js';

const RUNS = 40;
/** TCX holds whole strides, so an odd cadence comes back one step/min up (plus float noise). */
const ONE_STEP = 1 + 1e-9;

/** A run as the app stores an import (src/app/data-files.ts). */
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

describe('invariant: the session page, our FIT and TCX of it, and their re-imports agree', function () {
  // Each run is written and read three times with Garmin's SDK and the XML parser.
  this.timeout(60_000);
  const recording = fc.constantFrom<WatchRecording>('every-second', 'smart');

  it(`laps, splits, moving time and distance come back from FIT and TCX (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(watchRunSpec, recording, (spec, sampling) => {
        const session = sessionOf(decodeFit(watchRunFit(spec, sampling)));
        const page = pageOf(session);
        const walks = spec.spells.some((spell) => spell.walking);
        expectSamePage(pageOf(sessionOf(decodeFit(encodeFit(session)))), page, `FIT of a ${sampling} run`, true);
        expectSamePage(pageOf(sessionOf(decodeTcx(encodeTcx(session)))), page, `TCX of a ${sampling} run`, !walks);
      }),
      { numRuns: RUNS, seed: 0xf17 },
    );
  });
});
