// Brings stored data up to SCHEMA_VERSION at app start, before anything else reads the store.
// steps[v] turns version v into v + 1; a later version adds one function. The whole migration
// runs in one transaction: it happens completely or not at all, and a second tab starting at the
// same moment waits for it and then finds nothing to do.

import { promisifyRequest } from 'idb-keyval';
import { SCHEMA_KEY, SCHEMA_VERSION, inOneTransaction } from './kv.js';
import { SESSIONS_KEY } from './session-keys.js';
import { StoreError } from './store-error.js';

/** May only await requests of `store` (it runs inside the migration's transaction). */
type MigrationStep = (store: IDBObjectStore) => Promise<void>;

const steps: Readonly<Record<number, MigrationStep>> = {
  // 1 held only `settings` (and `schema`). 2 adds recorded sessions: an empty index to start.
  1: async (store) => {
    const index: unknown = await promisifyRequest(store.get(SESSIONS_KEY));
    if (index === undefined) store.put([], SESSIONS_KEY);
  },
};

export async function migrateStore(): Promise<{ from: number; to: number }> {
  return inOneTransaction('readwrite', async (store) => {
    const stored: unknown = await promisifyRequest(store.get(SCHEMA_KEY));
    const from = stored === undefined ? await unversionedStart(store) : stored;
    if (!Number.isSafeInteger(from) || (from as number) < 1) {
      throw new StoreError(`The stored data is damaged (its version reads ${JSON.stringify(from)}). Restoring a backup replaces it.`);
    }
    const version = from as number;
    if (version > SCHEMA_VERSION) {
      throw new StoreError(
        `This data was written by a newer Stridewise (data version ${version}, this app knows up to ${SCHEMA_VERSION}); ` +
          'update the app (reload the page) to open it. Nothing was changed.',
      );
    }
    await migrateFrom(store, version);
    if (stored !== SCHEMA_VERSION) store.put(SCHEMA_VERSION, SCHEMA_KEY);
    return { from: version, to: SCHEMA_VERSION };
  });
}

/**
 * Runs the steps from `version` up to SCHEMA_VERSION inside the caller's transaction (a restore of
 * an older backup uses it too) and stamps the store with the current version.
 */
export async function migrateFrom(store: IDBObjectStore, version: number): Promise<void> {
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = steps[v];
    if (!step) throw new StoreError(`Stridewise cannot update stored data from version ${v}. Nothing was changed.`);
    await step(store);
  }
  if (version !== SCHEMA_VERSION) store.put(SCHEMA_VERSION, SCHEMA_KEY);
}

/**
 * No `schema` key: a new, empty store is current already. Data without one can only come from
 * version 1 (whose settings store wrote `schema` with every save, so this is a store damaged
 * or written by hand); the steps from 1 only add what is missing, so running them is safe.
 */
async function unversionedStart(store: IDBObjectStore): Promise<number> {
  const count = await promisifyRequest(store.count());
  return count === 0 ? SCHEMA_VERSION : 1;
}
