import { expect } from '@open-wc/testing';
import { channelColumnNames } from '../../src/session/recorded-session.js';
import { clear, del, get, keys, set } from 'idb-keyval';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import {
  CHUNK_SIZE,
  SESSIONS_KEY,
  chunkKey,
  deleteSession,
  listSessions,
  loadSession,
  markRecovered,
  metaKey,
  saveSession,
  updateSessionInfo,
} from '../../src/store/session-store.js';
import { unfinishedSessions } from '../../src/store/unfinished-sessions.js';
import { summarizeSamples, summaryOf } from '../../src/session/session-summary.js';
import { emptyZoneTimes } from '../../src/session/time-in-zone.js';
import { StoreError } from '../../src/store/store-errors.js';
import { columnDifference, snapshotStore, syntheticSession } from './fixtures.js';
import { rejectionOf } from '../support/rejection.js';

useSeparateDatabase('stride-test-session-store');

const summaryFieldNames = [
  'avgCadence', 'avgSpeedMps', 'cadenceBySpeedBand', 'deviceName', 'distanceM', 'elapsedS', 'id', 'movingS',
  'name', 'notes', 'origin', 'sampleCount', 'startedAt', 'status', 'zoneTimes', 'zones',
];

describe('session store (real IndexedDB)', () => {
  beforeEach(() => clear(kvStore()));

  it('lists nothing, and loads null, when nothing is stored', async () => {
    expect(await listSessions()).to.deep.equal([]);
    expect(await loadSession('nope')).to.equal(null);
  });

  it('saves and loads a 3-hour session exactly, every column, in chunks of 60', async () => {
    const session = syntheticSession({ id: 'long', seconds: 10_800 });
    await saveSession(session);
    const loaded = await loadSession('long');
    expect(loaded).to.not.equal(null);
    expect(columnDifference(session.samples, loaded!.samples)).to.equal(null);
    expect(loaded!.meta).to.deep.equal(session.meta);
    const stored = await keys<string>(kvStore());
    expect(stored.filter((k) => k.startsWith('session/long/chunk/'))).to.have.length(180);
    const chunk = await get(chunkKey('long', 179), kvStore());
    expect(chunk.t).to.be.instanceOf(Float64Array).with.length(60);
    // A stored chunk is a copy of its 60 rows, not a view that drags the whole run along.
    expect(chunk.t.buffer.byteLength).to.equal(60 * 8);
    expect(chunk.flags.buffer.byteLength).to.equal(60);
  });

  it('keeps a heart-rate and a power channel exactly, and opens a session stored before channels existed with them empty', async () => {
    const withStrap = syntheticSession({ id: 'strap', seconds: 130 });
    withStrap.samples.heartRate.set(Array.from({ length: 130 }, (_, i) => (i < 10 ? Number.NaN : 140 + (i % 7))));
    withStrap.samples.powerW.set(Array.from({ length: 130 }, (_, i) => (i < 20 ? Number.NaN : 240 + (i % 9) * 1.5)));
    await saveSession(withStrap);
    const loaded = (await loadSession('strap'))!;
    expect(columnDifference(withStrap.samples, loaded.samples)).to.equal(null);
    expect(Array.from(loaded.samples.heartRate.subarray(8, 12))).to.deep.equal([Number.NaN, Number.NaN, 143, 144]);
    expect(Array.from(loaded.samples.powerW.subarray(19, 21))).to.deep.equal([Number.NaN, 243]);

    // As version 2 wrote it: the six columns only.
    const old = syntheticSession({ id: 'old', seconds: 90 });
    await saveSession(old);
    for (const n of [0, 1]) {
      const chunk = (await get(chunkKey('old', n), kvStore())) as Record<string, unknown>;
      for (const name of channelColumnNames) delete chunk[name];
      await set(chunkKey('old', n), chunk, kvStore());
    }
    const opened = (await loadSession('old'))!;
    expect(Array.from(opened.samples.cadence)).to.deep.equal(Array.from(old.samples.cadence));
    expect(channelColumnNames).to.include('powerW');
    for (const name of channelColumnNames) {
      expect(opened.samples[name].every((v) => Number.isNaN(v)), `${name} empty, never zero`).to.equal(true);
    }
  });

  it('stores a last chunk shorter than CHUNK_SIZE, and an empty session', async () => {
    const odd = syntheticSession({ id: 'odd', seconds: CHUNK_SIZE * 2 + 7 });
    const empty = syntheticSession({ id: 'empty', seconds: 0 });
    await saveSession(odd);
    await saveSession(empty);
    expect((await get(chunkKey('odd', 2), kvStore())).cadence).to.have.length(7);
    expect(columnDifference(odd.samples, (await loadSession('odd'))!.samples)).to.equal(null);
    expect((await loadSession('empty'))!.samples.t).to.have.length(0);
  });

  it('keeps only summary fields in the index, oldest session first', async () => {
    await saveSession(syntheticSession({ id: 'b', startedAt: 2000 }));
    await saveSession(syntheticSession({ id: 'a', startedAt: 1000 }));
    const index = await listSessions();
    expect(index.map((s) => s.id)).to.deep.equal(['a', 'b']);
    for (const summary of index) expect(Object.keys(summary).sort()).to.deep.equal(summaryFieldNames);
    const raw = await get('sessions', kvStore());
    expect(JSON.stringify(raw)).to.not.match(/"laps"|"gaps"|"schemaVersion"/);
  });

  it('replaces a session saved again with fewer samples, leaving no stale chunks', async () => {
    await saveSession(syntheticSession({ id: 'x', seconds: 300 }));
    const shorter = syntheticSession({ id: 'x', seconds: 70, seed: 9 });
    await saveSession(shorter);
    const stored = (await keys<string>(kvStore())).filter((k) => k.startsWith('session/x/chunk/'));
    expect(stored.sort()).to.deep.equal([chunkKey('x', 0), chunkKey('x', 1)]);
    expect(columnDifference(shorter.samples, (await loadSession('x'))!.samples)).to.equal(null);
    expect(await listSessions()).to.have.length(1);
  });

  it('refuses a session whose columns do not match its sample count, writing nothing', async () => {
    const session = syntheticSession({ id: 'bad', seconds: 100 });
    session.meta.sampleCount = 120;
    const error = await rejectionOf(saveSession(session));
    expect(error).to.be.instanceOf(StoreError);
    expect((error as Error).message).to.match(/says 120 samples but holds 100/);
    expect(await keys(kvStore())).to.deep.equal([]);
  });

  it('renames and annotates in both the meta and the index', async () => {
    await saveSession(syntheticSession({ id: 'r' }));
    const summary = await updateSessionInfo('r', { name: 'Tempo', notes: 'Felt easy' });
    expect(summary).to.include({ id: 'r', name: 'Tempo', notes: 'Felt easy' });
    expect((await listSessions())[0]).to.include({ name: 'Tempo', notes: 'Felt easy' });
    expect((await get(metaKey('r'), kvStore())).name).to.equal('Tempo');
    await updateSessionInfo('r', { notes: 'Only notes' });
    expect((await loadSession('r'))!.meta).to.include({ name: 'Tempo', notes: 'Only notes' });
    const missing = await rejectionOf(updateSessionInfo('gone', { name: 'x' }));
    expect((missing as Error).message).to.match(/no longer stored/);
  });

  it('deletes a session and hands back what undo needs to restore it exactly', async () => {
    const kept = syntheticSession({ id: 'keep', startedAt: 1 });
    const session = syntheticSession({ id: 'del', seconds: 1234, startedAt: 2 });
    await saveSession(kept);
    await saveSession(session);
    const before = await snapshotStore();
    const deleted = await deleteSession('del');
    expect((await listSessions()).map((s) => s.id)).to.deep.equal(['keep']);
    expect((await keys<string>(kvStore())).filter((k) => k.startsWith('session/del/'))).to.deep.equal([]);
    expect(deleted.meta).to.deep.equal(session.meta);
    expect(columnDifference(session.samples, deleted.samples)).to.equal(null);
    await saveSession(deleted);
    expect(await snapshotStore()).to.deep.equal(before);
  });

  it('deletes a damaged session all the same, handing back the readable part', async () => {
    await saveSession(syntheticSession({ id: 'dmg', seconds: 200 }));
    await set(chunkKey('dmg', 2), { t: new Float64Array(3) }, kvStore());
    const error = await rejectionOf(loadSession('dmg'));
    expect((error as Error).message).to.match(/“Run dmg” is damaged: the t column holds 3 samples instead of 60 in part 3 of 4 /);
    const deleted = await deleteSession('dmg');
    expect(deleted.meta.sampleCount).to.equal(120);
    expect(deleted.samples.t).to.have.length(120);
    expect(await keys(kvStore())).to.deep.equal(['sessions']);
    expect((await rejectionOf(deleteSession('dmg'))) as Error).to.be.instanceOf(StoreError);
  });

  it('says which part is missing when a chunk is gone', async () => {
    await saveSession(syntheticSession({ id: 'gap', seconds: 300 }));
    await del(chunkKey('gap', 3), kvStore());
    const error = await rejectionOf(loadSession('gap'));
    expect(error).to.be.instanceOf(StoreError);
    expect((error as Error).message).to.equal(
      'The session “Run gap” is damaged: samples are missing in part 4 of 5 of its samples. It cannot be opened; you can delete it, or restore a backup.',
    );
  });

  it('finds unfinished sessions and marks one recovered in meta and index', async () => {
    await saveSession(syntheticSession({ id: 'done', startedAt: 1 }));
    await saveSession(syntheticSession({ id: 'crashed', startedAt: 2, status: 'recording' }));
    expect((await unfinishedSessions()).map((s) => s.id)).to.deep.equal(['crashed']);
    const summary = await markRecovered('crashed');
    expect(summary.status).to.equal('recovered');
    expect((await loadSession('crashed'))!.meta.status).to.equal('recovered');
    expect(await unfinishedSessions()).to.deep.equal([]);
  });

  it('offers and keeps an unfinished run with the totals of its stored samples, not those it began with', async () => {
    const crashed = syntheticSession({ id: 'crashed', status: 'recording', seconds: 130 });
    await saveSession(crashed);
    // As a recording leaves them: the index entry written when it began, and a meta whose totals
    // miss the samples a leaving page journaled into it.
    const began = { ...crashed.meta, movingS: 0, elapsedS: 0, distanceM: 0, avgSpeedMps: 0, avgCadence: 0, zoneTimes: emptyZoneTimes() };
    await set(SESSIONS_KEY, [summaryOf({ ...began, sampleCount: 0 })], kvStore());
    await set(metaKey('crashed'), { ...began, movingS: 60, distanceM: 150 }, kvStore());
    const totals = summarizeSamples(crashed.samples, crashed.meta.zones, crashed.meta.gaps);
    expect(totals.movingS, 'a run of some length').to.be.above(100);
    const [offered] = await unfinishedSessions();
    expect(offered).to.deep.include({ id: 'crashed', status: 'recording', movingS: totals.movingS, distanceM: totals.distanceM, avgCadence: totals.avgCadence, sampleCount: 130 });
    const kept = await markRecovered('crashed');
    expect(kept).to.deep.include({ status: 'recovered', movingS: totals.movingS, distanceM: totals.distanceM, zoneTimes: totals.zoneTimes });
    expect((await listSessions())[0]).to.deep.equal(kept);
    expect((await loadSession('crashed'))!.meta).to.deep.include({ movingS: totals.movingS, distanceM: totals.distanceM });
  });

  it('calls a damaged index damaged when looking for unfinished sessions, and changes nothing', async () => {
    await set(SESSIONS_KEY, { not: 'a list' }, kvStore());
    const before = await snapshotStore();
    const error = await rejectionOf(unfinishedSessions());
    expect(error).to.be.instanceOf(StoreError);
    expect((error as Error).message).to.match(/^The list of sessions is damaged/);
    expect(await snapshotStore()).to.deep.equal(before);
  });

  it('does not offer a session that another tab is still recording', async () => {
    await saveSession(syntheticSession({ id: 'live', status: 'recording' }));
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const lock = navigator.locks.request('stridewise-recording/live', () => held);
    try {
      expect(await unfinishedSessions()).to.deep.equal([]);
    } finally {
      release();
      await lock;
    }
    expect((await unfinishedSessions()).map((s) => s.id)).to.deep.equal(['live']);
  });

  it('loses no index entry when saves race (each read-modify-write is one transaction)', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => saveSession(syntheticSession({ id: `s${i}`, seconds: 61, startedAt: i }))));
    expect((await listSessions()).map((s) => s.id)).to.deep.equal(['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7']);
  });

  it('says plainly when the index itself is damaged', async () => {
    await set('sessions', 'garbage', kvStore());
    const error = await rejectionOf(listSessions());
    expect((error as Error).message).to.match(/list of sessions is damaged/);
  });
});

describe('session store: runs named in its messages', () => {
  it('names an unnamed run by its start, as every screen titles it, and a run with a damaged start by its id', async () => {
    const { labelOf } = await import('../../src/store/session-label.js');
    const { runTitle } = await import('../../src/session/date-format.js');
    const at = Date.UTC(2026, 11, 7, 2, 45);
    expect(labelOf({ id: 'r1', name: '', startedAt: at })).to.equal(`“${runTitle(at)}”`);
    expect(labelOf({ id: 'r1', name: 'Hills', startedAt: at })).to.equal('“Hills”');
    expect(labelOf({ id: 'r1', name: '', startedAt: Number.NaN })).to.equal('“r1”');
  });
});
