import { expect } from '@open-wc/testing';
import { get, set } from 'idb-keyval';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { chunkKey, listSessions, loadSession, metaKey } from '../../src/store/session-store.js';
import { checkStore } from '../../src/store/store-check.js';
import { applyRepairs } from '../../src/store/store-repair.js';
import { inOneTransaction } from '../../src/store/kv.js';
import { columnDifference, craftedStore, snapshotStore, syntheticSession } from './fixtures.js';

useSeparateDatabase('stride-test-store-check');

const a = syntheticSession({ id: 'a', seconds: 300, startedAt: Date.UTC(2025, 0, 6) });
const b = syntheticSession({ id: 'b', seconds: 250, startedAt: Date.UTC(2025, 0, 8), seed: 2 });
const c = syntheticSession({ id: 'c', seconds: 130, startedAt: Date.UTC(2025, 0, 9), seed: 3 });
const chunkOf = (id: string, n: number) => get(chunkKey(id, n), kvStore());

describe('store check at start (real IndexedDB, crafted stores)', () => {
  it('finds nothing in a sound store and writes nothing', async () => {
    await craftedStore([a, b, c]);
    const before = await snapshotStore();
    expect(await checkStore()).to.deep.equal({ repaired: [], found: [] });
    expect(await snapshotStore()).to.deep.equal(before);
  });

  it('lists again a session whose meta is intact but whose index entry is gone', async () => {
    await craftedStore([a, b, c]);
    await set('sessions', (await listSessions()).filter((s) => s.id !== 'b'), kvStore());
    const result = await checkStore();
    expect(result.repaired).to.deep.equal(['“Run b” was missing from the list of sessions; it is listed again.']);
    expect(result.found).to.deep.equal([]);
    expect((await listSessions()).map((s) => s.id)).to.deep.equal(['a', 'b', 'c']);
    expect(columnDifference(b.samples, (await loadSession('b'))!.samples)).to.equal(null);
    expect(await checkStore(), 'repaired for good').to.deep.equal({ repaired: [], found: [] });
  });

  it('marks a session missing chunks as damaged, keeping every other sample, and says which parts', async () => {
    await craftedStore([a, b], { without: [chunkKey('a', 1), chunkKey('a', 3)] });
    const before = await snapshotStore();
    const result = await checkStore();
    expect(result.repaired).to.deep.equal([
      '“Run a” is damaged: samples are missing in parts 2, 4 of 5. It is marked so and kept; the rest of its samples are untouched.',
    ]);
    const after = await snapshotStore();
    // Only the meta and its index entry changed: every chunk, and session b, byte for byte as before.
    const changed = Object.keys(after).filter((key) => after[key] !== before[key]);
    expect(changed).to.deep.equal([JSON.stringify(metaKey('a')), '"sessions"']);
    expect(Object.keys(after).sort()).to.deep.equal(Object.keys(before).sort());
    const meta = (await get(metaKey('a'), kvStore())) as Record<string, unknown>;
    expect(meta['damage']).to.equal('samples are missing in parts 2, 4 of 5');
    expect(meta['sampleCount']).to.equal(300);
    expect((await listSessions()).map((s) => [s.id, s.damage])).to.deep.equal([['a', 'samples are missing in parts 2, 4 of 5'], ['b', undefined]]);
    expect(await checkStore(), 'marked once, not at every start').to.deep.equal({ repaired: [], found: [] });
  });

  it('keeps chunks without a session and reports them, deleting nothing', async () => {
    const lost = syntheticSession({ id: 'lost', seconds: 120 });
    await craftedStore([a, lost], { without: [metaKey('lost')] });
    await set('sessions', (await listSessions()).filter((s) => s.id !== 'lost'), kvStore());
    const before = await snapshotStore();
    const result = await checkStore();
    expect(result.repaired).to.deep.equal([]);
    expect(result.found).to.deep.equal(['2 parts of samples of a session whose details are lost (lost) are kept in the browser.']);
    expect(await snapshotStore()).to.deep.equal(before);
    expect(await chunkOf('lost', 0)).to.not.equal(undefined);
  });

  it('keeps an index entry whose meta is missing when its samples are stored, and says it cannot be opened', async () => {
    await craftedStore([a, b], { without: [metaKey('b')] });
    const before = await snapshotStore();
    const result = await checkStore();
    expect(result.repaired).to.deep.equal([]);
    expect(result.found).to.deep.equal(['The details of “Run b” are missing; its samples are kept, but it cannot be opened.']);
    expect(await snapshotStore()).to.deep.equal(before);
  });

  it('takes off the list an entry with neither meta nor samples', async () => {
    await craftedStore([a, b], { without: [metaKey('b'), chunkKey('b', 0), chunkKey('b', 1), chunkKey('b', 2), chunkKey('b', 3), chunkKey('b', 4)] });
    const result = await checkStore();
    expect(result.repaired).to.deep.equal(['“Run b” was listed but nothing of it was stored (no details, no samples); it was taken off the list.']);
    expect((await listSessions()).map((s) => s.id)).to.deep.equal(['a']);
  });

  it('rebuilds a damaged index from the metas', async () => {
    await craftedStore([a, b, c], { extra: [['sessions', 'garbage']] });
    const result = await checkStore();
    expect(result.repaired).to.deep.equal(['The list of sessions was damaged; it was rebuilt from the details of 3 sessions.']);
    expect((await listSessions()).map((s) => [s.id, s.sampleCount])).to.deep.equal([['a', 300], ['b', 250], ['c', 130]]);
  });

  it('reports a damaged meta and leaves it and its samples as they are', async () => {
    await craftedStore([a, b], { extra: [[metaKey('b'), { id: 'b', sampleCount: 'many' }]] });
    const before = await snapshotStore();
    const result = await checkStore();
    expect(result.found).to.deep.equal(['The details of session b are damaged; it is kept as it is, and you can delete it or restore a backup.']);
    expect(result.repaired).to.deep.equal([]);
    expect(await snapshotStore()).to.deep.equal(before);
  });

  it('repairs several things at once', async () => {
    await craftedStore([a, b, c], { without: [chunkKey('c', 2)] });
    await set('sessions', (await listSessions()).filter((s) => s.id === 'c'), kvStore());
    const result = await checkStore();
    expect(result.repaired).to.have.length(3);
    expect((await listSessions()).map((s) => s.id)).to.deep.equal(['a', 'b', 'c']);
    expect(((await get(metaKey('c'), kvStore())) as Record<string, unknown>)['damage']).to.equal('samples are missing in part 3 of 3');
  });

  it('skips a planned repair that another tab made unneeded meanwhile, undoing nothing', async () => {
    // Planned on a store where b was unlisted and a lacked its chunk 2; then another tab deleted
    // b and saved a whole again before the repairs were written.
    await craftedStore([a]);
    const before = await snapshotStore();
    const done = await inOneTransaction('readwrite', (store) =>
      applyRepairs(store, [
        { kind: 'index-entry', id: 'b' },
        { kind: 'mark-damaged', id: 'a', missing: [1], of: 5 },
        { kind: 'drop-entry', id: 'a', name: '“Run a”' },
      ]),
    );
    expect(done).to.deep.equal([]);
    expect(await snapshotStore()).to.deep.equal(before);
  });
});
