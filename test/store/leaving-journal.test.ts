// The leaving journal: what a page going away had not made durable, kept in localStorage and put
// into its run at the next start. The soak's reload test shows why (test/pages/stride-live-page.soak);
// these pin down the merge: only samples the store lacks are added, and nothing unread is deleted.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { hasLeavingJournals, leavingJournalPrefix } from '../../src/store/leaving-journal-key.js';
import { writeLeavingJournal } from '../../src/store/leaving-journal.js';
import { mergeLeavingJournals } from '../../src/store/leaving-journal-merge.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { listSessions, loadSession, markRecovered, saveSession } from '../../src/store/session-store.js';
import { SessionWriter } from '../../src/store/session-writer.js';
import { columnDifference, columnsOf, metaFor, syntheticSamples } from './fixtures.js';
import { type RecordedSampleEvent, Recorder } from '../../src/session/recorder.js';
import { formatDuration } from '../../src/session/units.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { unfinishedSessions } from '../../src/store/unfinished-sessions.js';
import { leaveWithWritesDropped } from '../support/dropped-writes.js';
import { runnerReading } from '../support/live-readings.js';

useSeparateDatabase('stride-test-leaving-journal');

const samples = syntheticSamples(90);
const noMarks = { gaps: [], laps: [] };
// Test files share the browser's localStorage: this one looks only at its own runs' journals.
const journalKeys = () => Object.keys(localStorage).filter((key) => key.startsWith(`${leavingJournalPrefix()}lj-`));
const storedRun = (id: string, count: number, status: 'recording' | 'complete' = 'recording') =>
  saveSession({ meta: metaFor(samples.slice(0, count), { id, status }), samples: columnsOf(samples.slice(0, count)) });

/** A run being recorded with its writer (no timed flushes), and `feed(from, to)` to run its seconds on the wall clock. */
async function recordingRun(id: string, writes: { flushEachSample?: boolean } = {}) {
  const t0 = new Date(2026, 10, 25, 7, 0, 0).getTime();
  let wall = t0;
  const recorder = new Recorder({ zones: defaultCadenceZones, now: () => wall, id });
  const writer = new SessionWriter(() => recorder.meta(), { flushIntervalMs: 1e6, ...writes });
  recorder.addEventListener('sample', (e) => writer.add((e as RecordedSampleEvent).sample));
  recorder.start();
  await writer.begin();
  const feed = (from: number, to: number) => {
    for (let t = from; t < to; t++) {
      wall = t0 + t * 1000;
      recorder.addReading(runnerReading(t));
    }
  };
  return { recorder, writer, feed };
}

describe('leaving journal', () => {
  beforeEach(async () => {
    await clear(kvStore());
    for (const key of journalKeys()) localStorage.removeItem(key);
  });
  after(() => {
    for (const key of journalKeys()) localStorage.removeItem(key);
  });

  it('the writer keeps what is not durable as the page goes, synchronously', async () => {
    let added = 0;
    const writer = new SessionWriter(() => metaFor(samples.slice(0, added), { id: 'lj-going', status: 'recording' }), {
      flushEachSample: true,
      flushIntervalMs: 1e6,
    });
    await writer.begin();
    for (; added < 64; ) writer.add(samples[added++]!); // past a chunk's end: the journal spans two
    writer.writeBeforeLeaving();
    writer.abandon();
    expect(hasLeavingJournals()).to.equal(true);
    expect(journalKeys()).to.deep.equal([`${leavingJournalPrefix()}lj-going`]);
    const journal = JSON.parse(localStorage.getItem(`${leavingJournalPrefix()}lj-going`)!);
    expect(journal.from).to.equal(0);
    expect(journal.columns.t).to.deep.equal(samples.slice(0, 64).map((s) => s.t));
    expect(journal.columns.heartRate.every((v: unknown) => v === null), 'an empty channel is null, not 0').to.equal(true);
  });

  it('adds to a run only the samples the store lacks, then drops the journal', async () => {
    await storedRun('lj-run', 70);
    // Samples 65 to 74: the first five are stored already (a write that did land), five are not.
    writeLeavingJournal('lj-run', 65, columnsOf(samples.slice(65, 75)), noMarks);
    expect(await mergeLeavingJournals()).to.equal(5);
    const loaded = (await loadSession('lj-run'))!;
    expect(columnDifference(columnsOf(samples.slice(0, 75)), loaded.samples)).to.equal(null);
    expect(loaded.meta.sampleCount).to.equal(75);
    expect((await listSessions()).map((s) => [s.id, s.status, s.sampleCount])).to.deep.equal([['lj-run', 'recording', 75]]);
    expect(journalKeys()).to.deep.equal([]);
  });

  it('drops a journal whose samples are all stored, or whose run is finished or gone, changing nothing', async () => {
    await storedRun('lj-stored', 40);
    await storedRun('lj-finished', 20, 'complete');
    writeLeavingJournal('lj-stored', 30, columnsOf(samples.slice(30, 40)), noMarks);
    writeLeavingJournal('lj-finished', 20, columnsOf(samples.slice(20, 25)), noMarks);
    writeLeavingJournal('lj-gone', 0, columnsOf(samples.slice(0, 5)), noMarks);
    expect(await mergeLeavingJournals()).to.equal(0);
    expect((await loadSession('lj-stored'))!.samples.t.length).to.equal(40);
    expect((await loadSession('lj-finished'))!.samples.t.length).to.equal(20);
    expect(await loadSession('lj-gone')).to.equal(null);
    expect(journalKeys()).to.deep.equal([]);
  });

  it('keeps a pause that ended in the journal\'s samples: the prompt, the kept run and Resume count it as not moving', async () => {
    // Ran t = 0..59 s, paused five minutes, ran t = 360..361: 59 s + 1 s = 1:00 of moving time.
    const { recorder, writer, feed } = await recordingRun('lj-pause');
    feed(0, 60);
    expect(await writer.flush()).to.equal(true);
    recorder.pause();
    feed(60, 360);
    expect(await writer.flush(), 'a timed flush while paused: the meta has no gap yet').to.equal(true);
    recorder.resume();
    feed(360, 362); // the first sample after the pause gives the recorder its gap
    const truth = recorder.meta();
    expect(truth.gaps.map((g) => g.reason)).to.deep.equal(['paused']);
    expect(truth.movingS).to.be.closeTo(60, 1e-9);
    await leaveWithWritesDropped(() => {
      writer.writeBeforeLeaving();
      writer.abandon();
    });
    expect((await loadSession('lj-pause'))!.samples.t.length, 'the write made as the page went was dropped').to.equal(60);

    expect(await mergeLeavingJournals()).to.equal(2);
    const merged = (await loadSession('lj-pause'))!;
    expect(merged.meta.gaps).to.deep.equal(truth.gaps);
    const [offered] = (await unfinishedSessions()).filter((s) => s.id === 'lj-pause');
    expect(formatDuration(offered!.movingS), 'the crash prompt').to.equal('1:00');
    const resumed = Recorder.resume(merged.meta, merged.samples);
    expect(resumed.meta().movingS, 'Resume').to.be.closeTo(truth.movingS, 1e-6);
    const kept = await markRecovered('lj-pause');
    expect(formatDuration(kept.movingS), '"Save it as it is" and History').to.equal('1:00');
    expect((await loadSession('lj-pause'))!.meta.gaps, 'the chart breaks at the pause').to.deep.equal(truth.gaps);
  });

  it('keeps a lap and a check-in made on the samples only the journal held', async () => {
    const { recorder, writer, feed } = await recordingRun('lj-laps');
    feed(0, 60);
    expect(await writer.flush()).to.equal(true);
    feed(60, 70);
    expect(recorder.lap(), 'lap pressed at t = 69').to.equal(true);
    expect(recorder.checkIn('posture')).to.equal(true);
    feed(70, 75);
    const truth = recorder.meta();
    await leaveWithWritesDropped(() => {
      writer.writeBeforeLeaving();
      writer.abandon();
    });
    expect(await mergeLeavingJournals(), "the journal's 15 samples").to.equal(15);
    const merged = (await loadSession('lj-laps'))!;
    expect(merged.samples.t.length).to.equal(75);
    expect(merged.meta.laps, 'laps after the merge').to.deep.equal(truth.laps);
    expect(merged.meta.checkIns, 'check-ins after the merge').to.deep.equal(truth.checkIns);
  });

  it('keeps a lap pressed after the last durable sample when the page goes before the next one', async () => {
    const { recorder, writer, feed } = await recordingRun('lj-lap-last', { flushEachSample: true });
    feed(0, 60);
    expect(await writer.flush()).to.equal(true);
    expect(recorder.lap(), 'Lap at t = 59').to.equal(true);
    expect(recorder.checkIn('cadence')).to.equal(true);
    const truth = recorder.meta();
    await leaveWithWritesDropped(() => {
      writer.writeBeforeLeaving();
      writer.abandon();
    });
    expect(journalKeys(), 'a journal with no samples, for the lap').to.deep.equal([`${leavingJournalPrefix()}lj-lap-last`]);
    await mergeLeavingJournals();
    const stored = (await loadSession('lj-lap-last'))!;
    expect(stored.samples.t.length).to.equal(60);
    expect(stored.meta.laps, 'laps of the unfinished run the prompt offers').to.deep.equal(truth.laps);
    expect(stored.meta.checkIns).to.deep.equal(truth.checkIns);
    expect(journalKeys()).to.deep.equal([]);
  });

  it('keeps the laps the store has that an older journal lacks', async () => {
    await storedRun('lj-older', 70);
    const stored = (await loadSession('lj-older'))!;
    await saveSession({ ...stored, meta: { ...stored.meta, laps: [30, 65], checkIns: [{ t: 65, promptId: 'posture' }] } });
    writeLeavingJournal('lj-older', 65, columnsOf(samples.slice(65, 72)), { gaps: [], laps: [30], checkIns: [{ t: 20, promptId: 'cadence' }] });
    expect(await mergeLeavingJournals()).to.equal(2);
    const merged = (await loadSession('lj-older'))!.meta;
    expect(merged.laps).to.deep.equal([30, 65]);
    expect(merged.checkIns).to.deep.equal([{ t: 20, promptId: 'cadence' }, { t: 65, promptId: 'posture' }]);
  });

  it('keeps the stored gaps when the journal\'s are damaged, and still adds its samples', async () => {
    await storedRun('lj-odd-gaps', 70);
    writeLeavingJournal('lj-odd-gaps', 70, columnsOf(samples.slice(70, 75)), noMarks);
    const journal = JSON.parse(localStorage.getItem(`${leavingJournalPrefix()}lj-odd-gaps`)!);
    journal.gaps = [{ fromT: 'soon', toT: 80, reason: 'paused' }];
    localStorage.setItem(`${leavingJournalPrefix()}lj-odd-gaps`, JSON.stringify(journal));
    const storedGaps = (await loadSession('lj-odd-gaps'))!.meta.gaps;
    expect(await mergeLeavingJournals()).to.equal(5);
    expect((await loadSession('lj-odd-gaps'))!.meta.gaps).to.deep.equal(storedGaps);
  });

  // An update is taken at a start, so the journal it merges was written by the version before:
  // one from before power lacks the powerW column, as a session's chunk stored then does.
  it('merges a journal written before a channel existed, with that channel empty', async () => {
    await storedRun('lj-before-power', 80);
    writeLeavingJournal('lj-before-power', 80, columnsOf(samples.slice(80)), noMarks);
    const key = `${leavingJournalPrefix()}lj-before-power`;
    const journal = JSON.parse(localStorage.getItem(key)!);
    delete journal.columns.powerW;
    localStorage.setItem(key, JSON.stringify(journal));
    expect(await mergeLeavingJournals()).to.equal(10);
    const run = (await loadSession('lj-before-power'))!;
    expect(run.samples.t.length).to.equal(90);
    expect(Array.from(run.samples.powerW.slice(80)).every(Number.isNaN), 'no power: empty, not zero').to.equal(true);
    expect(journalKeys()).to.deep.equal([]);
  });

  it('leaves a journal without a column every version wrote where it is', async () => {
    await storedRun('lj-no-cadence', 80);
    writeLeavingJournal('lj-no-cadence', 80, columnsOf(samples.slice(80)), noMarks);
    const key = `${leavingJournalPrefix()}lj-no-cadence`;
    const journal = JSON.parse(localStorage.getItem(key)!);
    delete journal.columns.cadence;
    localStorage.setItem(key, JSON.stringify(journal));
    expect(await mergeLeavingJournals()).to.equal(0);
    expect(journalKeys()).to.deep.equal([key]);
  });

  it('leaves a journal it cannot read where it is', async () => {
    localStorage.setItem(`${leavingJournalPrefix()}lj-odd`, '{"id":"lj-odd","from":0,"columns":{"t":[1');
    expect(await mergeLeavingJournals()).to.equal(0);
    expect(journalKeys()).to.deep.equal([`${leavingJournalPrefix()}lj-odd`]);
  });
});
