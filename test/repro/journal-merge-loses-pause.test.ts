// Repro: a pause whose end reached only the leaving journal is counted as moving time.
// The recorder writes a pause's gap into its meta when the first sample after the pause is
// recorded. If the page goes away right then (the case the leaving journal exists for: Chromium
// drops the IndexedDB write made in pagehide), the journal keeps the samples but not the gap, and
// mergeLeavingJournals adds them under the meta of the last durable write, which has no gap. The
// crash prompt, the History row and the run kept by "Save it as it is" then count the 5-minute
// pause as moving time, and the chart draws a line across it.
// Expected (independent): ran t = 0..59 s (59 s moving), paused 5 min, ran t = 360..361 (1 s):
// 60 s of moving time, i.e. "1:00", as the live page showed (recorder.meta().movingS).
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import type { LiveReading } from '../../src/session/live-reading.js';
import { sliceColumns } from '../../src/session/recorded-columns.js';
import { type RecordedSampleEvent, Recorder } from '../../src/session/recorder.js';
import { formatDuration } from '../../src/session/units.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { writeLeavingJournal } from '../../src/store/leaving-journal.js';
import { mergeLeavingJournals } from '../../src/store/leaving-journal-merge.js';
import { loadSession, markRecovered } from '../../src/store/session-store.js';
import { SessionWriter } from '../../src/store/session-writer.js';
import { unfinishedSessions } from '../../src/store/unfinished-sessions.js';

useSeparateDatabase('stride-test-repro-journal-pause');

const reading = (timeS: number): LiveReading => ({
  timeS,
  speedMps: 3,
  cadence: 170,
  strideLengthM: 1.0625,
  strideDerived: false,
  distanceM: timeS * 3,
  running: true,
  rawSpeedMps: Number.NaN,
  rawDistanceM: Number.NaN,
  heartRate: null,
  treadmillSpeedMps: null,
  inclinePercent: null,
  speedFrom: 'footpod',
});

describe('repro: leaving journal merged without the pause it ends', () => {
  beforeEach(async () => {
    await clear(kvStore());
    for (const key of Object.keys(localStorage)) if (key.includes('rp-journal-pause')) localStorage.removeItem(key);
  });

  it('the prompt and the recovered run count the pause as it was: not moving', async () => {
    let wall = new Date(2026, 10, 25, 7, 0, 0).getTime();
    const t0 = wall;
    const recorder = new Recorder({ zones: defaultCadenceZones, now: () => wall, id: 'rp-journal-pause' });
    const writer = new SessionWriter(() => recorder.meta(), { flushIntervalMs: 1e6 });
    recorder.addEventListener('sample', (e) => writer.add((e as RecordedSampleEvent).sample));
    recorder.start();
    await writer.begin();
    const feed = (from: number, to: number) => {
      for (let t = from; t < to; t++) {
        wall = t0 + t * 1000;
        recorder.addReading(reading(t));
      }
    };
    feed(0, 60);
    expect(await writer.flush()).to.equal(true); // 60 samples and the meta are durable
    recorder.pause();
    feed(60, 360); // five minutes paused: nothing recorded
    expect(await writer.flush()).to.equal(true); // a timed flush while paused: no gap in the meta yet
    recorder.resume();
    feed(360, 362); // two samples after the pause; the recorder now has the gap
    const truth = recorder.meta();
    expect(truth.gaps.map((g) => g.reason)).to.deep.equal(['paused']);
    // The page goes: the journal takes the samples not yet durable, the IndexedDB write is lost.
    writeLeavingJournal(recorder.id, 60, sliceColumns(recorder.samples, 60, 62));
    writer.abandon();

    await mergeLeavingJournals();
    const [offered] = await unfinishedSessions();
    expect(truth.movingS).to.be.closeTo(60, 1e-9);
    // Actual: 361 s ("6:01") offered, expected 60 s ("1:00").
    expect(formatDuration(offered!.movingS), 'crash prompt time').to.equal(formatDuration(truth.movingS));
    const kept = await markRecovered(recorder.id);
    expect(formatDuration(kept.movingS), 'the run as saved').to.equal(formatDuration(truth.movingS));
    expect((await loadSession(recorder.id))!.meta.gaps.length, 'the pause is kept, so the chart breaks there').to.equal(1);
  });
});
