// Where leaving-journal.ts keeps what a page left behind, and the one look every start makes for
// it: small on purpose, as start-up imports it and the journal code loads only when there is one.

import { separateDatabaseName } from './kv.js';

/**
 * Where journals are kept: 'stride-journal/<run id>' for the app's database. A test file's own
 * database keeps its own ('stride-journal@<database>/'), as test files share one localStorage and a
 * start-up in one would take another's journals for runs that are gone.
 */
export function leavingJournalPrefix(): string {
  const separate = separateDatabaseName();
  return separate === null ? 'stride-journal/' : `stride-journal@${separate}/`;
}

export function journalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage switched off for the site
  }
}

/** Whether a page left samples behind. */
export function hasLeavingJournals(): boolean {
  const store = journalStorage();
  if (!store) return false;
  const prefix = leavingJournalPrefix();
  for (let i = 0; i < store.length; i++) if (store.key(i)?.startsWith(prefix)) return true;
  return false;
}
