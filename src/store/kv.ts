// The app's one IndexedDB store. Every key says what it holds (`settings`, `schema`, later
// `session/<id>/meta`); nothing else in the app opens IndexedDB.

import { createStore } from 'idb-keyval';

export const SCHEMA_VERSION = 1;

let store: ReturnType<typeof createStore> | null = null;

/** Opened on first use, so importing the store layer costs nothing at start-up. */
export function kvStore(): ReturnType<typeof createStore> {
  store ??= createStore('stride', 'kv');
  return store;
}
