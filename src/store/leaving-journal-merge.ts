// The next start puts what a page left in its leaving journal (leaving-journal.ts) into the run,
// before anything looks for unfinished runs. Loaded only when a journal is there.

import { sampleAt } from '../session/recorded-columns.js';
import type { SessionMeta } from '../session/recorded-session.js';
import { columnsOf, journalOf, mergedMarks } from './leaving-journal.js';
import { leavingJournalPrefix, journalStorage as storage } from './leaving-journal-key.js';
import { loadSession } from './session-store.js';
import { SessionWriter } from './session-writer.js';

/**
 * Adds each journal's samples that the store does not hold yet to its run, then drops the journal.
 * A journal whose run is gone or finished, or whose samples are all stored, is dropped as done; one
 * that cannot be read is left where it is (nothing is deleted that might be a sample).
 */
export async function mergeLeavingJournals(): Promise<number> {
  const store = storage();
  if (!store) return 0;
  const prefix = leavingJournalPrefix();
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((key): key is string => key?.startsWith(prefix) ?? false);
  let added = 0;
  for (const key of keys) {
    const journal = journalOf(store.getItem(key));
    if (!journal) continue;
    const stored = await loadSession(journal.id).catch(() => undefined);
    if (stored === undefined) continue; // damaged: kept, for the store check to report the run
    if (stored && stored.meta.status === 'recording') {
      const columns = columnsOf(journal);
      // The journal's gaps are the recorder's when it held these samples: a pause that ended in
      // them is there, and not in the meta last stored.
      // A lap or check-in pressed since the last write is only here, with or without samples after it.
      const { checkIns: _, ...rest } = stored.meta;
      const marks = mergedMarks(stored.meta, journal);
      const meta: SessionMeta = { ...rest, gaps: journal.gaps ?? stored.meta.gaps, ...marks };
      const newMarks = JSON.stringify([marks.laps, marks.checkIns ?? []]) !== JSON.stringify([stored.meta.laps, stored.meta.checkIns ?? []]);
      const writer = SessionWriter.resume(() => meta, stored);
      for (let i = Math.max(0, stored.samples.t.length - journal.from); i < columns.t.length; i++) {
        writer.add(sampleAt(columns, i));
        added++;
      }
      if ((writer.pendingSamples > 0 || newMarks) && !(await writer.flush())) continue; // kept for the next start
      writer.abandon();
    }
    store.removeItem(key);
  }
  return added;
}
