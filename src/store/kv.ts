// The app's one IndexedDB store. Every key says what it holds (`settings`, `schema`, `sessions`,
// `session/<id>/meta`, `session/<id>/chunk/<n>`); nothing else in the app opens IndexedDB.

import { type UseStore, createStore, promisifyRequest } from 'idb-keyval';

/** 2: sessions (index, metas, sample chunks) beside the settings of version 1. */
export const SCHEMA_VERSION = 2;
export const SCHEMA_KEY = 'schema';

const DATABASE_NAME = 'stride';
let databaseName = DATABASE_NAME;

/** The database's name when it is not the app's own (a test file's, by useSeparateDatabase), else null. */
export const separateDatabaseName = (): string | null => (databaseName === DATABASE_NAME ? null : databaseName);
let store: UseStore | null = null;

/** Opened on first use, so importing the store layer costs nothing at start-up. */
export function kvStore(): UseStore {
  store ??= createStore(databaseName, 'kv');
  return store;
}

/**
 * True when the store is at this version already (a new, empty one is marked so), so the
 * migrations need not load at start; false when they have work to do.
 */
export function schemaIsCurrent(): Promise<boolean> {
  return kvStore()('readwrite', async (store) => {
    const stored: unknown = await promisifyRequest(store.get(SCHEMA_KEY));
    if (stored === SCHEMA_VERSION) return true;
    if (stored !== undefined || (await promisifyRequest(store.count())) > 0) return false;
    store.put(SCHEMA_VERSION, SCHEMA_KEY);
    return true;
  });
}

/**
 * For tests only. Test files run side by side in one browser profile, and several of them clear
 * the store; a file that must see exactly its own data points the store layer at a database of
 * its own (same object store, same code paths) before any test runs.
 */
export function useSeparateDatabase(name: string): void {
  databaseName = name;
  store = null;
}

/**
 * Runs `work` in one transaction, so reads and writes of several keys happen together or not at
 * all, and a readwrite one is serialized against other tabs (no lost index updates).
 * `work` may only await requests of this store: awaiting anything else lets the transaction
 * commit early. A throw aborts the transaction, so nothing of it is written.
 */
export function inOneTransaction<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => Promise<T>,
): Promise<T> {
  return kvStore()(mode, async (objectStore) => {
    const done = promisifyRequest(objectStore.transaction);
    // Observed here so that an abort after `work` threw is not also an unhandled rejection.
    done.catch(() => undefined);
    try {
      const result = await work(objectStore);
      await done;
      return result;
    } catch (error) {
      try {
        objectStore.transaction.abort();
      } catch {
        // Already over (aborted by the failed request itself): nothing left to undo.
      }
      throw error;
    }
  });
}

