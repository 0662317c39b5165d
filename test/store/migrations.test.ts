import { expect } from '@open-wc/testing';
import { clear, get, keys, setMany } from 'idb-keyval';
import { SCHEMA_VERSION, kvStore, schemaIsCurrent, useSeparateDatabase } from '../../src/store/kv.js';
import { migrateStore } from '../../src/store/migrations.js';
import { listSessions, saveSession } from '../../src/store/session-store.js';
import { loadSettings } from '../../src/store/settings-store.js';
import { StoreError } from '../../src/store/store-errors.js';
import { snapshotStore, syntheticSession } from './fixtures.js';
import { rejectionOf } from '../support/rejection.js';

useSeparateDatabase('stride-test-migrations');

// Exactly what version 1's saveSettings wrote: one setMany of `schema` and `settings`.
const v1Settings = { zones: { buildingFrom: 158, targetFrom: 166, targetTo: 176 }, distanceUnit: 'mi', smoothingS: 15 };

describe('store migrations (real IndexedDB)', () => {
  beforeEach(() => clear(kvStore()));

  it('is at version 2', () => {
    expect(SCHEMA_VERSION).to.equal(2);
  });

  it('stamps a new, empty store with the current version', async () => {
    expect(await migrateStore()).to.deep.equal({ from: 2, to: 2 });
    expect(await keys(kvStore())).to.deep.equal(['schema']);
    expect(await get('schema', kvStore())).to.equal(2);
  });

  describe('schemaIsCurrent, the start-up check that spares loading the migrations', () => {
    it('marks a new, empty store current, as the migrations would', async () => {
      expect(await schemaIsCurrent()).to.equal(true);
      expect(await keys(kvStore())).to.deep.equal(['schema']);
      expect(await get('schema', kvStore())).to.equal(SCHEMA_VERSION);
    });

    it('is true for a store at this version and changes nothing', async () => {
      await setMany([['schema', SCHEMA_VERSION], ['sessions', []]], kvStore());
      const before = await snapshotStore();
      expect(await schemaIsCurrent()).to.equal(true);
      expect(await snapshotStore()).to.deep.equal(before);
    });

    for (const [what, entries] of [
      ['version 1 data', [['schema', 1], ['settings', v1Settings]]],
      ['data without a version', [['settings', v1Settings]]],
      ['a damaged version', [['schema', 'two'], ['sessions', []]]],
      ['a newer version', [['schema', SCHEMA_VERSION + 1]]],
    ] as const) {
      it(`leaves ${what} to the migrations, unchanged`, async () => {
        await setMany(entries.map(([k, v]) => [k, v]), kvStore());
        const before = await snapshotStore();
        expect(await schemaIsCurrent()).to.equal(false);
        expect(await snapshotStore()).to.deep.equal(before);
      });
    }
  });

  it('brings version 1 data (settings only) to version 2, keeping the settings', async () => {
    await setMany([['schema', 1], ['settings', v1Settings]], kvStore());
    expect(await migrateStore()).to.deep.equal({ from: 1, to: 2 });
    expect(await get('schema', kvStore())).to.equal(2);
    expect(await get('sessions', kvStore())).to.deep.equal([]);
    expect(await get('settings', kvStore())).to.deep.equal(v1Settings);
    expect((await loadSettings()).settings).to.deep.include(v1Settings);
    expect(await listSessions()).to.deep.equal([]);
  });

  it('does nothing the second time, and nothing to a current store with sessions', async () => {
    await setMany([['schema', 1], ['settings', v1Settings]], kvStore());
    await migrateStore();
    await saveSession(syntheticSession({ id: 'kept', seconds: 90 }));
    const before = await snapshotStore();
    expect(await migrateStore()).to.deep.equal({ from: 2, to: 2 });
    expect(await snapshotStore()).to.deep.equal(before);
  });

  it('treats data without a version as version 1', async () => {
    await setMany([['settings', v1Settings]], kvStore());
    expect(await migrateStore()).to.deep.equal({ from: 1, to: 2 });
    expect(await get('sessions', kvStore())).to.deep.equal([]);
  });

  it('refuses data from a newer Stridewise and leaves it untouched', async () => {
    await setMany([['schema', 3], ['settings', v1Settings], ['something-new', { a: 1 }]], kvStore());
    const before = await snapshotStore();
    const error = await rejectionOf(migrateStore());
    expect(error).to.be.instanceOf(StoreError);
    expect(error.message).to.match(/^This data was written by a newer Stridewise \(data version 3, this app knows up to 2\); update the app/);
    expect(await snapshotStore()).to.deep.equal(before);
  });

  it('refuses a damaged version number', async () => {
    await setMany([['schema', 'two']], kvStore());
    const error = await rejectionOf(migrateStore());
    expect(error.message).to.match(/stored data is damaged \(its version reads "two"\)/);
  });

  it('lets two tabs migrate at once without harm', async () => {
    await setMany([['schema', 1], ['settings', v1Settings]], kvStore());
    const results = await Promise.all([migrateStore(), migrateStore()]);
    expect(results).to.deep.equal([{ from: 1, to: 2 }, { from: 2, to: 2 }]);
    expect(await get('sessions', kvStore())).to.deep.equal([]);
  });
});
