// The leaving journal carries the run's gaps but not its laps or check-ins: a lap pressed (or a
// check-in shown) on samples that were still only in the journal when the tab went is lost when
// the next start merges the journal, though the samples it sits on are kept.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { mergeLeavingJournals } from '../../src/store/leaving-journal-merge.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession } from '../../src/store/session-store.js';
import { SessionWriter } from '../../src/store/session-writer.js';
import type { LiveReading } from '../../src/session/live-reading.js';
import { type RecordedSampleEvent, Recorder } from '../../src/session/recorder.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { leaveWithWritesDropped } from '../support/dropped-writes.js';

useSeparateDatabase('stride-test-repro-journal-laps');

const runningAt = (timeS: number): LiveReading => ({
  timeS, speedMps: 3, cadence: 170, strideLengthM: 1.0625, strideDerived: false, distanceM: timeS * 3, running: true,
  rawSpeedMps: Number.NaN, rawDistanceM: Number.NaN, heartRate: null, treadmillSpeedMps: null, inclinePercent: null, speedFrom: 'footpod',
});

describe('repro: leaving journal and laps / check-ins', () => {
  beforeEach(async () => {
    await clear(kvStore());
    for (const key of Object.keys(localStorage)) if (key.startsWith('stride-journal/rj-')) localStorage.removeItem(key);
  });

  it('keeps a lap and a check-in made on the samples only the journal held', async () => {
    let wall = new Date(2026, 10, 25, 7, 0, 0).getTime();
    const t0 = wall;
    const recorder = new Recorder({ zones: defaultCadenceZones, now: () => wall, id: 'rj-laps' });
    const writer = new SessionWriter(() => recorder.meta(), { flushIntervalMs: 1e6 });
    recorder.addEventListener('sample', (e) => writer.add((e as RecordedSampleEvent).sample));
    recorder.start();
    await writer.begin();
    const feed = (from: number, to: number) => {
      for (let t = from; t < to; t++) {
        wall = t0 + t * 1000;
        recorder.addReading(runningAt(t));
      }
    };
    feed(0, 60);
    expect(await writer.flush()).to.equal(true);
    feed(60, 70);
    expect(recorder.lap(), 'lap pressed at t = 69').to.equal(true);
    expect(recorder.checkIn('posture')).to.equal(true);
    feed(70, 75);
    const truth = recorder.meta();
    expect(truth.laps.length, 'the recorder has the lap').to.be.greaterThan(0);
    await leaveWithWritesDropped(() => {
      writer.writeBeforeLeaving();
      writer.abandon();
    });
    expect(await mergeLeavingJournals(), 'the journal\'s 15 samples are merged').to.equal(15);
    const merged = (await loadSession('rj-laps'))!;
    expect(merged.samples.t.length).to.equal(75);
    // Expected: the run as the recorder had it when the tab went (its samples are all there).
    expect(merged.meta.laps, 'laps after the merge').to.deep.equal(truth.laps);
    expect(merged.meta.checkIns ?? [], 'check-ins after the merge').to.deep.equal(truth.checkIns ?? []);
  });

  it('keeps a lap pressed after the last durable sample when the tab goes before the next one', async () => {
    let wall = new Date(2026, 10, 25, 7, 0, 0).getTime();
    const t0 = wall;
    const recorder = new Recorder({ zones: defaultCadenceZones, now: () => wall, id: 'rj-lap-last' });
    const writer = new SessionWriter(() => recorder.meta(), { flushIntervalMs: 1e6, flushEachSample: true });
    recorder.addEventListener('sample', (e) => writer.add((e as RecordedSampleEvent).sample));
    recorder.start();
    await writer.begin();
    for (let t = 0; t < 60; t++) {
      wall = t0 + t * 1000;
      recorder.addReading(runningAt(t));
    }
    expect(await writer.flush()).to.equal(true);
    expect(recorder.lap(), 'Lap at t = 59').to.equal(true);
    const truth = recorder.meta();
    await leaveWithWritesDropped(() => {
      writer.writeBeforeLeaving();
      writer.abandon();
    });
    await mergeLeavingJournals();
    const stored = (await loadSession('rj-lap-last'))!;
    expect(stored.samples.t.length).to.equal(60);
    expect(stored.meta.laps, 'laps of the unfinished run the prompt offers').to.deep.equal(truth.laps);
  });
});
