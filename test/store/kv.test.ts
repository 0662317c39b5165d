import { expect } from '@open-wc/testing';
import { clear, get, keys, set } from 'idb-keyval';
import { inOneTransaction, kvStore, useSeparateDatabase } from '../../src/store/kv.js';

useSeparateDatabase('stride-test-kv');

describe('kv store (real IndexedDB)', () => {
  beforeEach(() => clear(kvStore()));

  it('keeps a test file’s data in its own database', async () => {
    await set('mine', 1, kvStore());
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).to.include('stride-test-kv');
    expect(await keys(kvStore())).to.deep.equal(['mine']);
  });

  it('commits reads and writes of several keys together', async () => {
    await set('count', 1, kvStore());
    const result = await inOneTransaction('readwrite', async (store) => {
      const count = await new Promise<number>((resolve) => {
        const request = store.get('count');
        request.onsuccess = () => resolve(request.result as number);
      });
      store.put(count + 1, 'count');
      store.put('yes', 'other');
      return count;
    });
    expect(result).to.equal(1);
    expect(await get('count', kvStore())).to.equal(2);
    expect(await get('other', kvStore())).to.equal('yes');
  });

  it('writes nothing of a transaction whose work throws after some puts', async () => {
    await set('kept', 'before', kvStore());
    let caught: unknown = null;
    try {
      await inOneTransaction('readwrite', async (store) => {
        store.put('after', 'kept');
        store.put('new', 'added');
        throw new Error('half-way');
      });
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).message).to.equal('half-way');
    expect(await get('kept', kvStore())).to.equal('before');
    expect(await get('added', kvStore())).to.equal(undefined);
  });

  it('rejects with the failed request’s error and leaves nothing half-done', async () => {
    let caught: unknown = null;
    try {
      await inOneTransaction('readwrite', async (store) => {
        store.put('a', 'first');
        // A key IndexedDB refuses: the request fails and aborts the transaction.
        await new Promise((resolve, reject) => {
          const request = store.add('b', 'first');
          request.onsuccess = resolve;
          request.onerror = () => reject(request.error);
        });
      });
    } catch (error) {
      caught = error;
    }
    expect((caught as DOMException).name).to.equal('ConstraintError');
    expect(await get('first', kvStore())).to.equal(undefined);
  });
});
