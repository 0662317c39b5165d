// The samples a page had not made durable when it went away, kept in localStorage. An IndexedDB
// write started as the page goes (pagehide) waits behind a write still in flight on the same
// store, and Chromium drops it when the page is gone: in the soak, a reload straight after a
// sample lost the last one or two. localStorage is written at once, so the next start puts those
// samples into the run before anything reads it (mergeLeavingJournals).
//
// The run's gaps go with them: a pause's gap reaches the meta only with the first sample after it,
// so when that sample is in the journal, the meta last stored does not have the gap. So do its laps
// and check-ins: one pressed since the last write is in no stored meta, even with no sample after it.
//
//   writeLeavingJournal(id, 33, pendingColumns, meta);         // in pagehide: synchronous
//   await mergeLeavingJournals();                             // at start (leaving-journal-merge.ts)

import { emptyColumns } from '../session/recorded-columns.js';
import {
  type CheckInMark,
  type RecordedColumns,
  type SessionGap,
  type SessionMeta,
  channelColumnNames,
  gapReasons,
  recordedColumnNames,
} from '../session/recorded-session.js';
import { leavingJournalPrefix, journalStorage as storage } from './leaving-journal-key.js';

export interface Journal {
  id: string;
  /** Index in the run of the first sample held. */
  from: number;
  /** Each column as numbers, null standing for NaN (which JSON cannot hold). */
  columns: Record<string, (number | null)[]>;
  /** The run's gaps up to the last sample held; absent in journals written before they were kept. */
  gaps?: SessionGap[];
  /** The run's laps and check-ins as the page went; absent in journals written before they were kept. */
  laps?: number[];
  checkIns?: CheckInMark[];
}

/** What of the run's meta the journal keeps beside its samples. */
export type JournalMarks = Pick<SessionMeta, 'gaps' | 'laps' | 'checkIns'>;

/** Keeps `columns` (samples `from` onwards of run `id`) and the run's gaps, laps and check-ins until the next start merges them. */
export function writeLeavingJournal(id: string, from: number, columns: RecordedColumns, { gaps, laps, checkIns }: JournalMarks): void {
  const journal: Journal = { id, from, columns: {}, gaps: [...gaps], laps: [...laps], checkIns: (checkIns ?? []).map((mark) => ({ ...mark })) };
  for (const name of recordedColumnNames) journal.columns[name] = Array.from(columns[name], (v) => (Number.isNaN(v) ? null : v));
  try {
    storage()?.setItem(leavingJournalPrefix() + id, JSON.stringify(journal));
  } catch {
    // Full or switched off: the IndexedDB write made beside it is all there is.
  }
}

/** The journal's samples as columns again, NaN where it held null, and a channel it has not empty. */
export function columnsOf(journal: Journal): RecordedColumns {
  const columns = emptyColumns(journal.columns['t']!.length);
  for (const name of recordedColumnNames) {
    const column = journal.columns[name];
    if (column !== undefined) columns[name].set(column.map((v) => v ?? Number.NaN));
  }
  return columns;
}

export function journalOf(text: string | null): Journal | null {
  try {
    const journal = JSON.parse(text ?? '') as Journal;
    const length = journal.columns['t']?.length ?? 0;
    const whole =
      typeof journal.id === 'string' &&
      Number.isSafeInteger(journal.from) &&
      recordedColumnNames.every((name) => (journal.columns[name] === undefined && isChannel(name)) || (Array.isArray(journal.columns[name]) && journal.columns[name]!.length === length));
    if (!whole) return null;
    // Damaged gaps cost the breaks, not the samples: the merge keeps the stored ones then.
    if (journal.gaps !== undefined && !(Array.isArray(journal.gaps) && journal.gaps.every(isGap))) delete journal.gaps;
    if (journal.laps !== undefined && !(Array.isArray(journal.laps) && journal.laps.every(isTime))) delete journal.laps;
    if (journal.checkIns !== undefined && !(Array.isArray(journal.checkIns) && journal.checkIns.every(isCheckIn))) delete journal.checkIns;
    return journal;
  } catch {
    return null;
  }
}

// A journal written by the version before a channel existed has no column for it: as a stored
// session's chunk, it is read with that channel empty, not thrown away with its samples.
const isChannel = (name: string): boolean => (channelColumnNames as readonly string[]).includes(name);

const isTime = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

function isGap(value: unknown): value is SessionGap {
  if (typeof value !== 'object' || value === null) return false;
  const { fromT, toT, reason, coveredM } = value as Record<string, unknown>;
  return isTime(fromT) && isTime(toT) && gapReasons.includes(reason as SessionGap['reason']) && (coveredM === undefined || isTime(coveredM));
}

function isCheckIn(value: unknown): value is CheckInMark {
  if (typeof value !== 'object' || value === null) return false;
  const { t, promptId } = value as Record<string, unknown>;
  return isTime(t) && typeof promptId === 'string';
}

/**
 * The laps and check-ins of both: every one was made in the run, and the journal may be older than
 * the store (a page that came back from the back/forward cache and recorded on) or newer.
 */
export function mergedMarks(stored: Pick<SessionMeta, 'laps' | 'checkIns'>, journal: Journal): Pick<SessionMeta, 'laps' | 'checkIns'> {
  const laps = [...new Set([...stored.laps, ...(journal.laps ?? [])])].sort((a, b) => a - b);
  // A check-in the store has is in a newer journal too: each kept as often as the one holding more has it.
  const inStore = new Map<string, number>();
  for (const { t, promptId } of stored.checkIns ?? []) inStore.set(`${t} ${promptId}`, (inStore.get(`${t} ${promptId}`) ?? 0) + 1);
  const onlyInJournal = (journal.checkIns ?? []).filter(({ t, promptId }) => {
    const left = inStore.get(`${t} ${promptId}`) ?? 0;
    inStore.set(`${t} ${promptId}`, left - 1);
    return left <= 0;
  });
  const checkIns = [...(stored.checkIns ?? []), ...onlyInJournal].sort((a, b) => a.t - b.t);
  return { laps, ...(checkIns.length > 0 ? { checkIns } : {}) };
}
