// A run read back from our own FIT file (a folder restore, or an import of our export) keeps the
// figures its page showed where the file can hold them: its last reading's metres, its start to
// the millisecond, and the speed band (Weeks' cadence at matched pace) each reading was run in.

import { invariantRuns } from '../support/invariant-runs.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { type Encodable, Encoder, type FileIdMesg, Profile, type RecordMesg, type SessionMesg } from '@garmin/fitsdk';
import { encodeFit } from '../../src/export/fit.js';
import { declareRunFields, runFields } from '../../src/export/fit-run-id.js';
import { decodeFit } from '../../src/export/fit-decode.js';
import { importedSession } from '../../src/export/imported-session.js';
import { emptyColumns } from '../../src/session/recorded-columns.js';
import { type RecordedSession, SAMPLE_RUNNING } from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { SCHEMA_VERSION } from '../../src/store/kv.js';
import { weeklyTrends } from '../../src/session/weekly-trends.js';
import { SPEED_BAND_MPS } from '../../src/session/recorded-session.js';
import { generatedSession } from '../support/generated-sessions.js';
import { runTitle } from '../../src/session/date-format.js';

const START = Date.UTC(2026, 10, 3, 7, 0);

/** A recorded run as the live recorder writes it: a sample per pod reading at `t`, speeds stored as float32. */
function recordedRun(times: readonly number[], speedMps: number, startedAt = START): RecordedSession {
  const s = emptyColumns(times.length);
  let d = 0;
  times.forEach((t, i) => {
    if (i > 0) d += speedMps * (t - times[i - 1]!);
    s.t[i] = t;
    s.speedMps[i] = speedMps;
    s.cadence[i] = 170 + (i % 5);
    s.strideLengthM[i] = (speedMps * 60) / s.cadence[i]!;
    s.distanceM[i] = d;
    s.flags[i] = SAMPLE_RUNNING;
  });
  return {
    meta: {
      id: 'recorded-run',
      startedAt,
      name: '',
      notes: '',
      deviceName: 'Stryd',
      origin: 'bluetooth',
      status: 'complete',
      ...summarizeSamples(s, defaultCadenceZones, []),
      zones: { ...defaultCadenceZones },
      laps: [],
      gaps: [],
      schemaVersion: SCHEMA_VERSION,
      changedAt: startedAt + 7_200_000,
    },
    samples: s,
  };
}

const readBack = (run: RecordedSession): RecordedSession => importedSession(decodeFit(encodeFit(run)), defaultCadenceZones, { id: 'back' });

describe('a run read back from our FIT keeps its figures', () => {
  // A pod reading less than a second after the one before (BLE delivers late or in pairs) shares
  // its FIT second; when it is the run's last, its metres were lost: 5.00 km recorded, 4.99 km back.
  it('a run whose last two readings share a second comes back with its whole distance', () => {
    const times = Array.from({ length: 1516 }, (_, i) => i); // 1515 s at 3.3 m/s = 4999.5 m
    times.push(1515.45); // the last reading, 0.45 s later: 5000.985 m, "5.00 km"
    const original = recordedRun(times, 3.3);
    expect(original.meta.distanceM).to.be.at.least(5000);
    expect(readBack(original).meta.distanceM, 'distance').to.be.closeTo(original.meta.distanceM, 0.01);
  });

  it('runs from readings about once a second (jitter) come back with their distance and moving time', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.75, max: 1.25, noNaN: true }), { minLength: 30, maxLength: 120 }), (steps) => {
        const times = [0];
        for (const step of steps) times.push(times.at(-1)! + step);
        const original = recordedRun(times, 3);
        const back = readBack(original);
        expect(back.meta.distanceM, 'distance').to.be.closeTo(original.meta.distanceM, 0.01);
        expect(back.meta.movingS, 'moving time').to.be.closeTo(original.meta.movingS, 0.5);
      }),
      { numRuns: invariantRuns(30), seed: 0x5e57 },
    );
  });

  // Weeks compares cadence "at matched pace" by 0.5 m/s band. A calibrated pod's speed (float32,
  // the pod's 1/256 m/s times the runner's factor) just under a band edge, written rounded to the
  // mm/s, came back in the next band: the run's cadence moved to another pace row of Weeks.
  it('cadence at matched pace (Weeks) stays in the speed band the run was run in', () => {
    const speed = Math.fround((767 / 256) * 1.0012); // 2.99968… m/s: band 2.5-3.0 m/s
    const original = generatedSession({ id: 'band-run', startedAt: START, minutes: 4, cadenceBase: 172, speed });
    const back = readBack(original);
    expect(Object.keys(back.meta.cadenceBySpeedBand), 'speed bands').to.deep.equal(Object.keys(original.meta.cadenceBySpeedBand));
    const weeks = (run: RecordedSession) =>
      weeklyTrends([run.meta], { weeks: 1, now: START + 86_400_000, zones: defaultCadenceZones }).map((w) => w.cadenceByBand);
    expect(weeks(back), 'Weeks: cadence by pace').to.deep.equal(weeks(original));
  });

  it('every speed comes back within a mm/s below what was recorded, never above, so in its own band', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: 0, max: 20, noNaN: true }), { minLength: 2, maxLength: 60 }), (speeds) => {
        const original = recordedRun(speeds.map((_, i) => i), 3);
        speeds.forEach((speed, i) => (original.samples.speedMps[i] = speed));
        const back = readBack(original).samples.speedMps;
        original.samples.speedMps.forEach((recorded, i) => {
          expect(back[i], `speed ${recorded}`).to.be.at.most(recorded).and.above(recorded - 0.001);
          expect(Math.floor(back[i]! / SPEED_BAND_MPS), `band of ${recorded}`).to.equal(Math.floor(recorded / SPEED_BAND_MPS));
        });
      }),
      { numRuns: invariantRuns(30), seed: 0x5eed },
    );
  });

  it('a speed of whole mm/s, as float32 holds it, comes back exact', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 2, maxLength: 60 }), (mmPerS) => {
        const original = recordedRun(mmPerS.map((_, i) => i), 3);
        mmPerS.forEach((mm, i) => (original.samples.speedMps[i] = mm / 1000));
        expect(Array.from(readBack(original).samples.speedMps)).to.deep.equal(Array.from(original.samples.speedMps));
      }),
      { numRuns: invariantRuns(30), seed: 0x5eed },
    );
  });

  // A recorded run starts at the wall clock's millisecond, a FIT record at a whole second: a run
  // started at 06:59:59.6 came back a 07:00 run; one at 23:59:59.6 on a Sunday moved to Monday.
  it('starts at the millisecond its original started (the title and day it is shown under stay)', () => {
    const startedAt = START - 400; // 06:59:59.600 UTC
    const original = recordedRun(Array.from({ length: 181 }, (_, i) => i), 3, startedAt);
    const back = readBack(original);
    expect(runTitle(back.meta.startedAt), 'title').to.equal(runTitle(original.meta.startedAt));
    expect(back.meta.startedAt, 'startedAt').to.equal(original.meta.startedAt);
    expect(back.meta.elapsedS, 'elapsed').to.equal(original.meta.elapsedS);
  });

  // Another app that trimmed the run's start keeps our session message: the start it carries is
  // then no longer the first record's, and the file's own first record is the start.
  it('takes the first record as the start where the carried one is more than a second away', () => {
    const file = (carriedStart: number): Uint8Array => {
      const encoder = new Encoder();
      const M = Profile.MesgNum;
      const fileId: Encodable<FileIdMesg> = { mesgNum: M.FILE_ID!, type: 'activity', manufacturer: 'development', product: 1, serialNumber: 1, timeCreated: new Date(START) };
      encoder.writeMesg(fileId);
      declareRunFields(encoder);
      for (let t = 0; t <= 10; t++) {
        const record: Encodable<RecordMesg> = { mesgNum: M.RECORD!, timestamp: new Date(START + t * 1000), distance: 3 * t, speed: 3, enhancedSpeed: 3 };
        encoder.writeMesg(record);
      }
      const developerFields = runFields({ id: 'trimmed', changedAt: START }, { zones: defaultCadenceZones, watchTotals: [], startedAt: carriedStart });
      const session: Encodable<SessionMesg> = { mesgNum: M.SESSION!, messageIndex: 0, timestamp: new Date(START + 10_000), startTime: new Date(START), sport: 'running', developerFields };
      encoder.writeMesg(session);
      return new Uint8Array(encoder.close());
    };
    expect(decodeFit(file(START - 400)).startedAt, 'within a second').to.equal(START - 400);
    expect(decodeFit(file(START - 5_400)).startedAt, 'five seconds before').to.equal(START);
  });
});
