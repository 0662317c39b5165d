import { expect } from '@open-wc/testing';
import { clear, get } from 'idb-keyval';
import type { RecordedSample, SessionMeta } from '../../src/session/recorded-session.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { chunkKey, listSessions, loadSession, metaKey } from '../../src/store/session-store.js';
import { sessionsRecordedNow, unfinishedSessions } from '../../src/store/unfinished-sessions.js';
import { STORAGE_FULL_MESSAGE, SessionWriter, type SessionWriterOptions, WriterProblemEvent } from '../../src/store/session-writer.js';
import { columnDifference, columnsOf, metaFor, syntheticSamples } from './fixtures.js';
import { leavingJournalPrefix } from '../../src/store/leaving-journal-key.js';

useSeparateDatabase('stride-test-session-writer');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(20);
  }
  return performance.now() - started;
}

/** A recorder stand-in: samples come from `all`, the meta always agrees with those added. */
function recording(id: string, all: RecordedSample[], options: SessionWriterOptions = {}) {
  let added = 0;
  const meta = (): SessionMeta => metaFor(all.slice(0, added), { id, status: 'recording' });
  const writer = new SessionWriter(meta, options);
  const add = (count: number) => {
    for (let i = 0; i < count; i++) writer.add(all[added++]!);
  };
  return { writer, add, meta, added: () => added };
}

/** Records the keys every put of `work` writes. */
async function keysPutBy(work: () => Promise<unknown>): Promise<string[]> {
  const original = IDBObjectStore.prototype.put;
  const written: string[] = [];
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    written.push(String(key));
    return original.call(this, value, key);
  };
  try {
    await work();
  } finally {
    IDBObjectStore.prototype.put = original;
  }
  return written.sort();
}

function fillDisk(error = new DOMException('The quota has been exceeded.', 'QuotaExceededError')): () => void {
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function () {
    throw error;
  };
  return () => {
    IDBObjectStore.prototype.put = original;
  };
}

describe('session writer (real IndexedDB)', () => {
  const samples = syntheticSamples(400);
  beforeEach(() => clear(kvStore()));

  it('makes samples durable within 2 s while the recording goes on', async () => {
    const { writer, add } = recording('live', samples);
    expect(await writer.begin()).to.equal(true);
    expect((await listSessions()).map((s) => [s.id, s.status, s.sampleCount])).to.deep.equal([['live', 'recording', 0]]);
    try {
      add(90);
      const first = await waitFor(async () => (await loadSession('live'))?.samples.t.length === 90, 2000);
      add(40);
      const second = await waitFor(async () => (await loadSession('live'))?.samples.t.length === 130, 2000);
      const loaded = (await loadSession('live'))!;
      expect(columnDifference(columnsOf(samples.slice(0, 130)), loaded.samples)).to.equal(null);
      expect(loaded.meta.sampleCount).to.equal(130);
      expect(first).to.be.below(2000);
      expect(second).to.be.below(2000);
      expect(writer.pendingSamples).to.equal(0);
      expect(writer.lastFlushAt).to.be.closeTo(Date.now(), 2000);
    } finally {
      writer.abandon();
    }
  });

  it('writes every channel a sample has (heart rate, treadmill, raw pod values) and leaves the others empty', async () => {
    const withChannels = samples.slice(0, 70).map((sample, i) => ({
      ...sample,
      ...(i >= 5 ? { heartRate: 140 + (i % 9), treadmillSpeedMps: 3, inclinePercent: 1.5 } : {}),
    }));
    const { writer, add } = recording('channels', withChannels);
    await writer.begin();
    add(70);
    await writer.finish();
    const loaded = (await loadSession('channels'))!;
    expect(columnDifference(columnsOf(withChannels), loaded.samples)).to.equal(null);
    expect(Array.from(loaded.samples.heartRate.subarray(3, 7))).to.deep.equal([Number.NaN, Number.NaN, 145, 146]);
    expect(loaded.samples.rawSpeedMps[20]).to.equal(samples[20]!.rawSpeedMps);
  });

  it('rewrites the partial chunk until full, writes only changed chunks, and the index only at begin and finish', async () => {
    const { writer, add, meta } = recording('w', samples, { flushIntervalMs: 1e6 });
    expect(await keysPutBy(() => writer.begin())).to.deep.equal([metaKey('w'), 'sessions'].sort());
    add(30);
    expect(await keysPutBy(() => writer.flush())).to.deep.equal([chunkKey('w', 0), metaKey('w')]);
    expect((await get(chunkKey('w', 0), kvStore())).t).to.have.length(30);
    add(30);
    expect(await keysPutBy(() => writer.flush())).to.deep.equal([chunkKey('w', 0), metaKey('w')]);
    expect((await get(chunkKey('w', 0), kvStore())).t).to.have.length(60);
    add(10);
    expect(await keysPutBy(() => writer.flush())).to.deep.equal([chunkKey('w', 1), metaKey('w')]);
    add(55);
    expect(await keysPutBy(() => writer.flush(meta()))).to.deep.equal([chunkKey('w', 1), chunkKey('w', 2), metaKey('w')]);
    expect((await listSessions())[0]!.sampleCount).to.equal(0);
    expect(await keysPutBy(() => writer.finish(meta()))).to.deep.equal([metaKey('w'), 'sessions'].sort());
    const loaded = (await loadSession('w'))!;
    expect(columnDifference(columnsOf(samples.slice(0, 125)), loaded.samples)).to.equal(null);
    expect(loaded.meta.status).to.equal('complete');
    expect((await listSessions())[0]).to.include({ status: 'complete', sampleCount: 125 });
    expect(() => writer.add(samples[125]!)).to.throw(/after finish/);
  });

  it('keeps recording in memory when the disk is full, says so once, and writes everything when space returns', async () => {
    const { writer, add } = recording('full', samples, { flushIntervalMs: 50 });
    const problems: WriterProblemEvent[] = [];
    const states: string[] = [];
    writer.addEventListener('problem', (event) => problems.push(event as WriterProblemEvent));
    writer.addEventListener('statechange', () => states.push(writer.state));
    await writer.begin();
    add(100);
    const emptyDisk = fillDisk();
    try {
      await waitFor(() => writer.state === 'storage-full', 2000);
      add(50);
      await sleep(200); // several failed retries
    } finally {
      emptyDisk();
    }
    expect(problems).to.have.length(1);
    expect(problems[0]!.state).to.equal('storage-full');
    expect(problems[0]!.message).to.equal(STORAGE_FULL_MESSAGE);
    expect(problems[0]!.message).to.equal(
      'The disk is full: recording continues in memory. Export this run so nothing is lost, or free some space.',
    );
    await waitFor(() => writer.state === 'ok' && writer.pendingSamples === 0, 2000);
    expect(states).to.deep.equal(['storage-full', 'ok']);
    const loaded = (await loadSession('full'))!;
    expect(columnDifference(columnsOf(samples.slice(0, 150)), loaded.samples)).to.equal(null);
    expect(await writer.finish()).to.equal(true);
    expect((await listSessions())[0]).to.include({ status: 'complete', sampleCount: 150 });
  });

  it('holds samples while full even when begin could not write, and indexes the session once it can', async () => {
    const { writer, add } = recording('late', samples, { flushIntervalMs: 50 });
    const emptyDisk = fillDisk();
    let began: boolean;
    try {
      began = await writer.begin();
      add(70);
      expect(await writer.flush()).to.equal(false);
      expect(writer.pendingSamples).to.equal(70);
    } finally {
      emptyDisk();
    }
    expect(began).to.equal(false);
    await waitFor(() => writer.pendingSamples === 0, 2000);
    expect((await listSessions()).map((s) => s.id)).to.deep.equal(['late']);
    expect(columnDifference(columnsOf(samples.slice(0, 70)), (await loadSession('late'))!.samples)).to.equal(null);
    writer.abandon();
  });

  it('keeps a finish that failed and retries it until it is written', async () => {
    const { writer, add, meta } = recording('fin', samples, { flushIntervalMs: 50 });
    await writer.begin();
    add(61);
    const emptyDisk = fillDisk();
    try {
      expect(await writer.finish(meta())).to.equal(false);
      expect(writer.state).to.equal('storage-full');
    } finally {
      emptyDisk();
    }
    await waitFor(async () => (await listSessions())[0]?.status === 'complete', 2000);
    expect(columnDifference(columnsOf(samples.slice(0, 61)), (await loadSession('fin'))!.samples)).to.equal(null);
  });

  it('reports other failures as failed, with a sentence, and never throws from its timer', async () => {
    let broken = false;
    const all = samples;
    let added = 0;
    const writer = new SessionWriter(
      () => {
        if (broken) throw new Error('recorder state lost');
        return metaFor(all.slice(0, added), { id: 'odd', status: 'recording' });
      },
      { flushIntervalMs: 30 },
    );
    const messages: string[] = [];
    writer.addEventListener('problem', (event) => messages.push((event as WriterProblemEvent).message));
    await writer.begin();
    broken = true;
    writer.add(all[added++]!);
    await waitFor(() => writer.state === 'failed', 1000);
    expect(messages).to.deep.equal([
      'Saving the run failed: Saving or reading stored data failed (recorder state lost). Recording continues in memory; export this run so nothing is lost.',
    ]);
    broken = false;
    await waitFor(() => writer.state === 'ok' && writer.pendingSamples === 0, 1000);
    writer.abandon();
  });

  it('as the page goes, writes what waits behind a write in flight at once (nothing queued runs after)', async () => {
    const { writer, add } = recording('leaving', samples, { flushEachSample: true, flushIntervalMs: 1e6 });
    await writer.begin();
    add(4); // the first sample starts a write; the other three wait for it to end
    expect(writer.pendingSamples).to.equal(4);
    writer.writeBeforeLeaving();
    // The page is gone: the writer runs no more code, so the write queued behind never starts.
    writer.abandon();
    await waitFor(async () => (await loadSession('leaving'))?.samples.t.length === 4, 2000);
    expect(columnDifference(columnsOf(samples.slice(0, 4)), (await loadSession('leaving'))!.samples)).to.equal(null);
    localStorage.removeItem(`${leavingJournalPrefix()}leaving`); // the journal beside it: test/store/leaving-journal.test.ts
  });

  it('resumes an abandoned recording in the same chunks', async () => {
    const first = recording('again', samples, { flushIntervalMs: 1e6 });
    await first.writer.begin();
    await sleep(50); // the recording lock is granted asynchronously
    expect(await unfinishedSessions()).to.deep.equal([]);
    first.add(70);
    await first.writer.flush();
    first.writer.abandon();
    await sleep(50);
    expect((await unfinishedSessions()).map((s) => s.id)).to.deep.equal(['again']);

    const stored = (await loadSession('again'))!;
    let added = 70;
    const metaNow = () => metaFor(samples.slice(0, added), { id: 'again', status: 'recording' });
    const writer = SessionWriter.resume(metaNow, stored, { flushIntervalMs: 1e6 });
    expect(writer.sampleCount).to.equal(70);
    expect(writer.pendingSamples).to.equal(0);
    await writer.begin();
    for (; added < 150; ) writer.add(samples[added++]!);
    expect(await keysPutBy(() => writer.finish())).to.deep.equal([chunkKey('again', 1), chunkKey('again', 2), metaKey('again'), 'sessions']);
    const loaded = (await loadSession('again'))!;
    expect(columnDifference(columnsOf(samples.slice(0, 150)), loaded.samples)).to.equal(null);
    expect(loaded.meta).to.include({ status: 'complete', sampleCount: 150 });
    expect(await unfinishedSessions()).to.deep.equal([]);
  });

  it('lets the run go before it says finished: a change asked for at once is not refused as recording', async () => {
    const run = recording('let-go', samples, { flushIntervalMs: 1e6 });
    await run.writer.begin();
    await sleep(50); // the recording lock is granted asynchronously
    expect([...(await sessionsRecordedNow())]).to.include('let-go');
    run.add(10);
    const heldWhenFinished = new Promise<boolean>((resolve) =>
      run.writer.addEventListener('finished', () => void sessionsRecordedNow().then((ids) => resolve(ids.has('let-go'))), { once: true }),
    );
    await run.writer.finish();
    expect(await heldWhenFinished).to.equal(false);
  });
});
