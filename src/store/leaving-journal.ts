// The samples a page had not made durable when it went away, kept in localStorage. An IndexedDB
// write started as the page goes (pagehide) waits behind a write still in flight on the same
// store, and Chromium drops it when the page is gone: in the soak, a reload straight after a
// sample lost the last one or two. localStorage is written at once, so the next start puts those
// samples into the run before anything reads it (mergeLeavingJournals).
//
//   writeLeavingJournal(id, 33, pendingColumns);   // in pagehide: synchronous
//   await mergeLeavingJournals();                  // at start, before unfinished runs are looked for

import { emptyColumns, sampleAt } from '../session/recorded-columns.js';
import { type RecordedColumns, type SessionMeta, recordedColumnNames } from '../session/recorded-session.js';
import { LEAVING_JOURNAL_PREFIX as PREFIX, journalStorage as storage } from './leaving-journal-key.js';

interface Journal {
  id: string;
  /** Index in the run of the first sample held. */
  from: number;
  /** Each column as numbers, null standing for NaN (which JSON cannot hold). */
  columns: Record<string, (number | null)[]>;
}

/** Keeps `columns` (samples `from` onwards of run `id`) until the next start merges them. */
export function writeLeavingJournal(id: string, from: number, columns: RecordedColumns): void {
  const journal: Journal = { id, from, columns: {} };
  for (const name of recordedColumnNames) journal.columns[name] = Array.from(columns[name], (v) => (Number.isNaN(v) ? null : v));
  try {
    storage()?.setItem(PREFIX + id, JSON.stringify(journal));
  } catch {
    // Full or switched off: the IndexedDB write made beside it is all there is.
  }
}

/** The journal's samples as columns again, NaN where it held null. */
function columnsOf(journal: Journal): RecordedColumns {
  const columns = emptyColumns(journal.columns['t']!.length);
  for (const name of recordedColumnNames) columns[name].set(journal.columns[name]!.map((v) => v ?? Number.NaN));
  return columns;
}

function journalOf(text: string | null): Journal | null {
  try {
    const journal = JSON.parse(text ?? '') as Journal;
    const length = journal.columns['t']?.length ?? 0;
    const whole =
      typeof journal.id === 'string' &&
      Number.isSafeInteger(journal.from) &&
      recordedColumnNames.every((name) => Array.isArray(journal.columns[name]) && journal.columns[name]!.length === length);
    return whole ? journal : null;
  } catch {
    return null;
  }
}

/**
 * Adds each journal's samples that the store does not hold yet to its run, then drops the journal.
 * A journal whose run is gone or finished, or whose samples are all stored, is dropped as done; one
 * that cannot be read is left where it is (nothing is deleted that might be a sample).
 */
export async function mergeLeavingJournals(): Promise<number> {
  const store = storage();
  if (!store) return 0;
  const { loadSession } = await import('./session-store.js');
  const { SessionWriter } = await import('./session-writer.js');
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((key): key is string => key?.startsWith(PREFIX) ?? false);
  let added = 0;
  for (const key of keys) {
    const journal = journalOf(store.getItem(key));
    if (!journal) continue;
    const stored = await loadSession(journal.id).catch(() => undefined);
    if (stored === undefined) continue; // damaged: kept, for the store check to report the run
    if (stored && stored.meta.status === 'recording') {
      const columns = columnsOf(journal);
      const meta: SessionMeta = stored.meta;
      const writer = SessionWriter.resume(() => meta, stored);
      for (let i = Math.max(0, stored.samples.t.length - journal.from); i < columns.t.length; i++) {
        writer.add(sampleAt(columns, i));
        added++;
      }
      if (writer.pendingSamples > 0 && !(await writer.flush())) continue; // kept for the next start
      writer.abandon();
    }
    store.removeItem(key);
  }
  return added;
}
