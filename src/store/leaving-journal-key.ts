// Where leaving-journal.ts keeps what a page left behind, and the one look every start makes for
// it: small on purpose, as start-up imports it and the journal code loads only when there is one.

export const LEAVING_JOURNAL_PREFIX = 'stride-journal/';

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
  for (let i = 0; i < store.length; i++) if (store.key(i)?.startsWith(LEAVING_JOURNAL_PREFIX)) return true;
  return false;
}
