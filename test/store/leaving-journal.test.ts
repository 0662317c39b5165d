// The leaving journal: what a page going away had not made durable, kept in localStorage and put
// into its run at the next start. The soak's reload test shows why (test/pages/stride-live-page.soak);
// these pin down the merge: only samples the store lacks are added, and nothing unread is deleted.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { hasLeavingJournals } from '../../src/store/leaving-journal-key.js';
import { writeLeavingJournal } from '../../src/store/leaving-journal.js';
import { mergeLeavingJournals } from '../../src/store/leaving-journal-merge.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { listSessions, loadSession, saveSession } from '../../src/store/session-store.js';
import { SessionWriter } from '../../src/store/session-writer.js';
import { columnDifference, columnsOf, metaFor, syntheticSamples } from './fixtures.js';

useSeparateDatabase('stride-test-leaving-journal');

const samples = syntheticSamples(90);
// Test files share the browser's localStorage: this one looks only at its own runs' journals.
const journalKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('stride-journal/lj-'));
const storedRun = (id: string, count: number, status: 'recording' | 'complete' = 'recording') =>
  saveSession({ meta: metaFor(samples.slice(0, count), { id, status }), samples: columnsOf(samples.slice(0, count)) });

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
    expect(journalKeys()).to.deep.equal(['stride-journal/lj-going']);
    const journal = JSON.parse(localStorage.getItem('stride-journal/lj-going')!);
    expect(journal.from).to.equal(0);
    expect(journal.columns.t).to.deep.equal(samples.slice(0, 64).map((s) => s.t));
    expect(journal.columns.heartRate.every((v: unknown) => v === null), 'an empty channel is null, not 0').to.equal(true);
  });

  it('adds to a run only the samples the store lacks, then drops the journal', async () => {
    await storedRun('lj-run', 70);
    // Samples 65 to 74: the first five are stored already (a write that did land), five are not.
    writeLeavingJournal('lj-run', 65, columnsOf(samples.slice(65, 75)));
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
    writeLeavingJournal('lj-stored', 30, columnsOf(samples.slice(30, 40)));
    writeLeavingJournal('lj-finished', 20, columnsOf(samples.slice(20, 25)));
    writeLeavingJournal('lj-gone', 0, columnsOf(samples.slice(0, 5)));
    expect(await mergeLeavingJournals()).to.equal(0);
    expect((await loadSession('lj-stored'))!.samples.t.length).to.equal(40);
    expect((await loadSession('lj-finished'))!.samples.t.length).to.equal(20);
    expect(await loadSession('lj-gone')).to.equal(null);
    expect(journalKeys()).to.deep.equal([]);
  });

  it('leaves a journal it cannot read where it is', async () => {
    localStorage.setItem('stride-journal/lj-odd', '{"id":"lj-odd","from":0,"columns":{"t":[1');
    expect(await mergeLeavingJournals()).to.equal(0);
    expect(journalKeys()).to.deep.equal(['stride-journal/lj-odd']);
  });
});
