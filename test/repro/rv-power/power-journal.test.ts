// rv-power: the powerW channel and the samples a page left behind in the version before it.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { leavingJournalPrefix } from '../../../src/store/leaving-journal-key.js';
import { writeLeavingJournal } from '../../../src/store/leaving-journal.js';
import { mergeLeavingJournals } from '../../../src/store/leaving-journal-merge.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { loadSession, saveSession } from '../../../src/store/session-store.js';
import { columnsOf, metaFor, syntheticSamples } from '../../store/fixtures.js';

useSeparateDatabase('stride-test-rv-power-journal');

const samples = syntheticSamples(90);
const journalKeys = () => Object.keys(localStorage).filter((key) => key.startsWith(`${leavingJournalPrefix()}rvp-`));

describe('rv-power: a leaving journal written before running power existed', () => {
  beforeEach(async () => {
    await clear(kvStore());
    for (const key of journalKeys()) localStorage.removeItem(key);
  });
  after(() => {
    for (const key of journalKeys()) localStorage.removeItem(key);
  });

  // Why it matters: the journal holds the last seconds of a run (and a pause or lap pressed since
  // the last write) when the tab closed mid-run; the next start merges them. An app update is
  // taken exactly at such a start, so the journal was written by the version before power. Adding
  // powerW to recordedColumnNames made journalOf demand that column, so the old journal is
  // "unreadable": never merged (and kept forever), and the run loses those samples. Stored
  // sessions and backups read a missing channel as empty (recorded-session.ts: "sessions stored
  // before a channel existed load with it empty"); the journal does not.
  it('merges the samples of a journal that has no powerW column, with power empty', async () => {
    await saveSession({ meta: metaFor(samples.slice(0, 80), { id: 'rvp-old', status: 'recording' }), samples: columnsOf(samples.slice(0, 80)) });
    writeLeavingJournal('rvp-old', 80, columnsOf(samples.slice(80)), { gaps: [], laps: [] });
    const key = `${leavingJournalPrefix()}rvp-old`;
    // As the version before power wrote it: every column but powerW.
    const journal = JSON.parse(localStorage.getItem(key)!) as { columns: Record<string, unknown> };
    delete journal.columns['powerW'];
    localStorage.setItem(key, JSON.stringify(journal));

    const added = await mergeLeavingJournals();
    expect(added, 'the ten samples the page left behind').to.equal(10);
    const run = (await loadSession('rvp-old'))!;
    expect(run.samples.t.length).to.equal(90);
    expect(Array.from(run.samples.powerW.slice(80)).every(Number.isNaN), 'no power in them: empty, not zero').to.equal(true);
  });
});
