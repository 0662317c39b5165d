// The samples a page had not made durable when it went away, kept in localStorage. An IndexedDB
// write started as the page goes (pagehide) waits behind a write still in flight on the same
// store, and Chromium drops it when the page is gone: in the soak, a reload straight after a
// sample lost the last one or two. localStorage is written at once, so the next start puts those
// samples into the run before anything reads it (mergeLeavingJournals).
//
// The run's gaps go with them: a pause's gap reaches the meta only with the first sample after it,
// so when that sample is in the journal, the meta last stored does not have the gap.
//
//   writeLeavingJournal(id, 33, pendingColumns, meta.gaps);   // in pagehide: synchronous
//   await mergeLeavingJournals();                             // at start (leaving-journal-merge.ts)

import { emptyColumns } from '../session/recorded-columns.js';
import { type RecordedColumns, type SessionGap, gapReasons, recordedColumnNames } from '../session/recorded-session.js';
import { LEAVING_JOURNAL_PREFIX as PREFIX, journalStorage as storage } from './leaving-journal-key.js';

export interface Journal {
  id: string;
  /** Index in the run of the first sample held. */
  from: number;
  /** Each column as numbers, null standing for NaN (which JSON cannot hold). */
  columns: Record<string, (number | null)[]>;
  /** The run's gaps up to the last sample held; absent in journals written before they were kept. */
  gaps?: SessionGap[];
}

/** Keeps `columns` (samples `from` onwards of run `id`) and the run's `gaps` until the next start merges them. */
export function writeLeavingJournal(id: string, from: number, columns: RecordedColumns, gaps: readonly SessionGap[]): void {
  const journal: Journal = { id, from, columns: {}, gaps: [...gaps] };
  for (const name of recordedColumnNames) journal.columns[name] = Array.from(columns[name], (v) => (Number.isNaN(v) ? null : v));
  try {
    storage()?.setItem(PREFIX + id, JSON.stringify(journal));
  } catch {
    // Full or switched off: the IndexedDB write made beside it is all there is.
  }
}

/** The journal's samples as columns again, NaN where it held null. */
export function columnsOf(journal: Journal): RecordedColumns {
  const columns = emptyColumns(journal.columns['t']!.length);
  for (const name of recordedColumnNames) columns[name].set(journal.columns[name]!.map((v) => v ?? Number.NaN));
  return columns;
}

export function journalOf(text: string | null): Journal | null {
  try {
    const journal = JSON.parse(text ?? '') as Journal;
    const length = journal.columns['t']?.length ?? 0;
    const whole =
      typeof journal.id === 'string' &&
      Number.isSafeInteger(journal.from) &&
      recordedColumnNames.every((name) => Array.isArray(journal.columns[name]) && journal.columns[name]!.length === length);
    if (!whole) return null;
    // Damaged gaps cost the breaks, not the samples: the merge keeps the stored ones then.
    if (journal.gaps !== undefined && !(Array.isArray(journal.gaps) && journal.gaps.every(isGap))) delete journal.gaps;
    return journal;
  } catch {
    return null;
  }
}

const isTime = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

function isGap(value: unknown): value is SessionGap {
  if (typeof value !== 'object' || value === null) return false;
  const { fromT, toT, reason, coveredM } = value as Record<string, unknown>;
  return isTime(fromT) && isTime(toT) && gapReasons.includes(reason as SessionGap['reason']) && (coveredM === undefined || isTime(coveredM));
}
