// r-restore2: figures of a run restored from the backup folder against the run as its first
// browser showed it. Issue 21: "a second browser can restore from it"; the brief: "figures of a
// restored run (distance, time, cadence, pace, laps, ...) against the original".

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { emptyColumns } from '../../../src/session/recorded-columns.js';
import { type RecordedSession, SAMPLE_RUNNING } from '../../../src/session/recorded-session.js';
import { summarizeSamples } from '../../../src/session/session-summary.js';
import { runTitle } from '../../../src/session/date-format.js';
import { weeklyTrends } from '../../../src/session/weekly-trends.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { SCHEMA_VERSION } from '../../../src/store/kv.js';
import { restoredSession } from '../../services/folder-restore-rig.js';
import { generatedSession } from '../../support/generated-sessions.js';

const START = Date.UTC(2026, 10, 3, 7, 0);

/** A recorded run as the live recorder writes it: a sample per pod reading at `t`, speeds stored as float32. */
function recordedRun(times: readonly number[], speedMps: number, startedAt: number): RecordedSession {
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

describe('r-restore2: a restored run keeps the figures its original showed', function () {
  this.timeout(120_000);

  // The Weeks page compares cadence "at matched pace" by 0.5 m/s speed band. A calibrated pod's
  // speed (float32, the pod's 1/256 m/s times the runner's factor) just under a band edge is
  // written to FIT rounded to the mm/s, up into the next band: the restored run's cadence moves to
  // another pace row of Weeks. Distances are cut, not rounded, for the same reason (file-distance.ts).
  it('cadence at matched pace (Weeks) stays in the speed band the run was run in', async () => {
    const speed = Math.fround((767 / 256) * 1.0012); // 2.99968… m/s: band 2.5-3.0 m/s
    const original = generatedSession({ id: 'band-run', startedAt: START, minutes: 4, cadenceBase: 172, speed });
    const back = await restoredSession({ ...original, meta: { ...original.meta, changedAt: START + 3_600_000 } });
    expect(Object.keys(back.meta.cadenceBySpeedBand), 'speed bands').to.deep.equal(Object.keys(original.meta.cadenceBySpeedBand));
    const weeks = (run: RecordedSession) =>
      weeklyTrends([run.meta], { weeks: 1, now: START + 86_400_000, zones: defaultCadenceZones }).map((w) => w.cadenceByBand);
    expect(weeks(back), 'Weeks: cadence by pace').to.deep.equal(weeks(original));
  });

  // A recorded run starts at the wall clock's millisecond. The restored run starts at the FIT's
  // whole second, rounded: a run started at 06:59:59.6 comes back as a 07:00 run (its title, the
  // History's time), one started at 23:59:59.6 on a Sunday moves to Monday and to the next week.
  // The folder's index keeps the exact startedAt beside the file.
  it('starts at the millisecond its original started (the title and day it is shown under stay)', async () => {
    const startedAt = START - 400; // 06:59:59.600 UTC
    const original = recordedRun(Array.from({ length: 181 }, (_, i) => i), 3, startedAt);
    const back = await restoredSession(original);
    expect(runTitle(back.meta.startedAt), 'title').to.equal(runTitle(original.meta.startedAt));
    expect(back.meta.startedAt, 'startedAt').to.equal(original.meta.startedAt);
  });

  // The session message carries the run's distance (to the cm), but for a recorded run the restore
  // sums the records, and the encoder keeps only the first sample of a FIT second. A pod reading
  // that arrives less than a second after the one before (BLE delivers late or in pairs; a pod at
  // 2 Hz does so every second) is dropped; when it is the run's last, its metres are lost:
  // 5.00 km recorded, 4.99 km restored.
  it('a run whose last two readings share a second comes back with its whole distance', async () => {
    const times = Array.from({ length: 1516 }, (_, i) => i); // 1515 s at 3.3 m/s = 4999.5 m
    times.push(1515.45); // the last reading, 0.45 s later: 5000.985 m, "5.00 km"
    const original = recordedRun(times, 3.3, START);
    const back = await restoredSession(original);
    expect(original.meta.distanceM).to.be.at.least(5000);
    expect(back.meta.distanceM, 'distance').to.be.closeTo(original.meta.distanceM, 0.01);
  });

  it('runs recorded from readings that arrive about once a second (jitter) come back with their distance and moving time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.double({ min: 0.75, max: 1.25, noNaN: true }), { minLength: 30, maxLength: 120 }), async (steps) => {
        const times = [0];
        for (const step of steps) times.push(times.at(-1)! + step);
        const original = recordedRun(times, 3, START);
        const back = await restoredSession(original);
        expect(back.meta.distanceM, 'distance').to.be.closeTo(original.meta.distanceM, 0.01);
        expect(back.meta.movingS, 'moving time').to.be.closeTo(original.meta.movingS, 0.5);
      }),
      { numRuns: 12, seed: 0x5e57, endOnFailure: true },
    );
  });
});
