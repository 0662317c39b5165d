// Keeping the backup folder up to date: a diff of the store against the folder's index, so there is
// nothing to remember between visits. A run whose changedAt is newer than its entry (or that has
// none) is written as FIT, one run at a time; the index every RUNS_PER_INDEX_WRITE runs and at the
// end, merged with whatever index the folder holds by then (another browser may write the same
// synced folder). Before each run's write the folder is looked at as it is then, and the id inside
// a file says whose it is: a file is never written over by a copy not newer than it, never when it
// is not this run's (another run's of the same name and minute, or the runner's own), and never
// deleted; a run deleted here keeps its file. A run whose file is written but not yet in the index
// (a sync cut off) is found again by its id among the files of its start minute. A renamed run's
// file is written in place, then moved to its new name where the browser can move files.
//
// A damaged index is kept beside the new one (stridewise-index (damaged ….json), and the new one is
// rebuilt from this store and from the ids inside the folder's FIT files: nothing it knew is lost.
// An index a newer Stridewise wrote is left alone, and so is the folder: looked at again before each
// index write, since another computer's newer app may write the synced folder during a sync.

import { changedAtOf } from '../session/changed-at.js';
import type { RecordedSession, SessionSummary } from '../session/recorded-session.js';
import {
  type FolderEntry,
  type FolderIndex,
  INDEX_FILE_NAME,
  indexText,
  mergeIndexes,
  parseIndex,
} from './backup-folder-index.js';
import { type FolderHandle, canMove, failureOf, fileIn, fileNamesIn, renameFile, textIn, writeNew, writeWhole } from './backup-folder-files.js';
import { damagedIndexName, localMinute, numberedName, runFileName, uniqueFileName } from './backup-folder-names.js';

/** What a FIT file in the folder says it holds: its run's id and changedAt, and its start. */
export interface FolderFileRun {
  id: string;
  changedAt: number;
  startedAt: number;
}

export interface FolderSyncWork {
  /** The store's runs (the history's summaries). */
  runs: readonly SessionSummary[];
  /** True for a run some tab is recording: it is not written until it is saved. */
  isRecording: (id: string) => boolean;
  load: (id: string) => Promise<RecordedSession | null>;
  /** The run as a FIT file carrying its id and changedAt. */
  encode: (session: RecordedSession) => Uint8Array<ArrayBuffer> | Promise<Uint8Array<ArrayBuffer>>;
  /** The run a FIT file in the folder holds, or null (not ours, unreadable): read before any file is written over. */
  readFileRun: (file: File) => Promise<FolderFileRun | null>;
  /** Checked before each run: true stops the sync there (this tab began recording, the folder was forgotten). */
  shouldStop?: () => boolean;
  /** Lets the page breathe between two runs (one run per task), and between files read for their ids. */
  betweenRuns: () => Promise<void>;
  /** Hears each run as it is written. */
  onWritten?: (id: string) => void;
}

export interface FolderSyncResult {
  /** Ids of the runs written this time. */
  written: string[];
  /** What went wrong with single runs or with the index, in words; the rest was written. */
  problems: string[];
  /** How many of the store's finished runs the folder now holds as they are here. */
  held: number;
  /** A run could not be written because the folder's disk is full. */
  full: boolean;
  /** A newer Stridewise's index is in the folder: nothing is written there until this app is updated. */
  newer?: true;
}

/** The index is written after this many runs (and at the end): once per run made a first sync of many runs O(N²). */
export const RUNS_PER_INDEX_WRITE = 20;

const said = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Thrown when a newer Stridewise's index appears during a sync: neither it nor the folder is touched from then on. */
class NewerIndex extends Error {}

async function writeIndex(dir: FolderHandle, mine: FolderIndex): Promise<FolderIndex> {
  const found = parseIndex(await textIn(dir, INDEX_FILE_NAME));
  // Looked at again before each write: a newer Stridewise on the runner's other computer may have
  // written the synced folder since the sync began, and its index must not become a version-1 one.
  if (found.newer) throw new NewerIndex(found.problem!);
  // A damaged index met half-way through (another browser's bad write) was kept aside at the start
  // of a sync; its readable entries are merged, the rest was in the copy.
  const merged = mergeIndexes(found.index, mine);
  await writeWhole(dir, INDEX_FILE_NAME, new TextEncoder().encode(indexText(merged)));
  return merged;
}

/**
 * The run a file of the folder carries by the ids inside (a file of ours), null for a file that is
 * not ours or cannot be read as one; undefined when the folder holds no file of that name.
 */
async function runInFile(dir: FolderHandle, name: string, work: FolderSyncWork): Promise<FolderFileRun | null | undefined> {
  const file = await fileIn(dir, name);
  if (file === null) return undefined;
  return work.readFileRun(file).catch(() => null);
}

/** A damaged index kept aside and rebuilt from the ids in the folder's own files. */
async function rebuilt(dir: FolderHandle, text: string, readable: FolderIndex, names: Set<string>, work: FolderSyncWork): Promise<FolderIndex> {
  const copy = uniqueFileName(damagedIndexName(Date.now()), names);
  await writeWhole(dir, copy, new TextEncoder().encode(text));
  names.add(copy);
  const runs: Record<string, FolderEntry> = { ...readable.runs };
  const known = new Set(Object.values(runs).map((entry) => entry.file));
  const byId = new Map(work.runs.map((run) => [run.id, run]));
  for (const name of [...names].sort()) {
    if (!name.toLowerCase().endsWith('.fit') || known.has(name)) continue;
    const held = await runInFile(dir, name, work);
    if (!held) continue;
    const entry = runs[held.id];
    if (entry !== undefined && entry.changedAt >= held.changedAt) continue;
    const run = byId.get(held.id);
    runs[held.id] = { file: name, startedAt: held.startedAt, name: run?.name ?? '', notes: run?.notes ?? '', changedAt: held.changedAt };
  }
  return { ...readable, runs };
}

/** Where a run's file goes: its own file found in the folder (by the id inside), and the first name free for it. */
interface Place {
  ours: { file: string; changedAt: number } | null;
  free: string;
  /** The clash number `free` carries (1: none): kept apart from a " (2)" the runner typed in the name. */
  n: number;
}

/**
 * Looks in the folder as it is NOW (another browser may have written it since the sync began) for
 * the run's own file: the one its entry names, any file of the same start minute (a rename or a
 * sync cut off before its index), and the names it would get. A file whose id is not the run's is
 * never taken: the runner's own, or another run's of the same name and minute.
 */
async function placeOf(dir: FolderHandle, id: string, wanted: string, near: readonly string[], claimed: ReadonlySet<string>, work: FolderSyncWork): Promise<Place> {
  const seen = new Set<string>();
  /** Absent (null), the run's own file (its changedAt), or another's ('other'). */
  const examine = async (name: string): Promise<number | 'other' | null> => {
    seen.add(name);
    const held = await runInFile(dir, name, work);
    if (held === undefined) return null;
    return held?.id === id ? held.changedAt : 'other';
  };
  let ours: Place['ours'] = null;
  for (const name of near) {
    if (seen.has(name) || claimed.has(name.toLowerCase())) continue;
    const found = await examine(name);
    if (typeof found === 'number') {
      ours = { file: name, changedAt: found };
      break;
    }
  }
  for (let n = 1; ; n++) {
    const name = numberedName(wanted, n);
    if (claimed.has(name.toLowerCase())) continue;
    if (ours?.file === name) return { ours, free: name, n };
    if (seen.has(name)) continue;
    const found = await examine(name);
    if (found === null) return { ours, free: name, n };
    // The run's own file is never a clash: on a folder blind to case ("tempo" for "Tempo") it is
    // met again under the wanted name, which stays free for it.
    if (typeof found === 'number' && (ours === null || ours.file.toLowerCase() === name.toLowerCase())) {
      return { ours: ours ?? { file: name, changedAt: found }, free: name, n };
    }
  }
}

/**
 * Moves the run's file `from` to the first name from numberedName(wanted, n) on that is free just
 * before the move: move() replaces a file already there, and another browser's sync may have put
 * one there since the folder was looked at. A move that changes only the case goes through a name
 * of its own first (a folder blind to case takes the new name for the file itself). Gives the
 * file's name afterwards, and whether the move is done (or cannot be made in this browser: nothing
 * to try again) rather than failed.
 */
async function moveFile(dir: FolderHandle, from: string, wanted: string, n: number, claimed: ReadonlySet<string>): Promise<{ file: string; done: boolean }> {
  if (!canMove(await dir.getFileHandle(from))) return { file: from, done: true };
  let at = from;
  if (from.toLowerCase() === numberedName(wanted, n).toLowerCase()) {
    const aside = numberedName(wanted, n).replace(/(\.[^.]*)?$/, ' (moving)$1');
    if ((await fileIn(dir, aside)) !== null || !(await renameFile(dir, from, aside))) return { file: from, done: false };
    at = aside;
  }
  for (let tries = 0; tries < 50; tries++, n++) {
    const name = numberedName(wanted, n);
    if (claimed.has(name.toLowerCase()) || (await fileIn(dir, name)) !== null) continue;
    return (await renameFile(dir, at, name)) ? { file: name, done: true } : { file: at, done: false };
  }
  return { file: at, done: false };
}

/**
 * Writes every run the folder lacks or holds an older copy of. A run that cannot be written is
 * named in the problems and tried again at the next sync; the others go on. Throws what the whole
 * folder throws (permission, gone), and a failed write of the index.
 */
export async function syncFolder(dir: FolderHandle, work: FolderSyncWork): Promise<FolderSyncResult> {
  // Stopped before it began (the folder forgotten while this sync waited for another tab): nothing is written.
  if (work.shouldStop?.()) return { written: [], problems: [], held: 0, full: false };
  const names = await fileNamesIn(dir);
  const text = await textIn(dir, INDEX_FILE_NAME);
  const read = parseIndex(text);
  const problems: string[] = [];
  // A newer Stridewise may lay the folder out otherwise: neither its index nor the runs are touched.
  if (read.newer) return { written: [], problems: [read.problem!], held: 0, full: false, newer: true };
  let index = read.index;
  let unwritten = text === null ? 1 : 0;
  if (read.problem !== null && text !== null) {
    index = await rebuilt(dir, text, read.index, names, work);
    problems.push(`${read.problem} It was kept beside the new one and rebuilt from the runs here and the files in the folder.`);
    unwritten = 1;
  }
  const written: string[] = [];
  /** Runs whose newer copy the index names but whose file is not (yet) in the folder: not held by this copy. */
  const awaited = new Set<string>();
  let full = false;
  let stopped = false;
  // Each .fit file's run id, read once a sync and only when a run's file is not where its entry
  // says or under its names (the runner renamed or moved it by hand, or the time zone changed its
  // minute): a file of ours under another name is still the run's, not a reason to write it a
  // second time. Runs whose file is in place never pay for it; the page breathes between files.
  let idsInFolder: Promise<Map<string, string>> | null = null;
  const fileOfId = async (id: string): Promise<string | undefined> => {
    idsInFolder ??= (async () => {
      const found = new Map<string, string>();
      for (const name of [...names].filter((n) => n.toLowerCase().endsWith('.fit')).sort()) {
        const held = await runInFile(dir, name, work).catch(() => null);
        if (held && !found.has(held.id)) found.set(held.id, name);
        await work.betweenRuns();
      }
      return found;
    })();
    return (await idsInFolder).get(id);
  };
  /** The index written, merged with the folder's; a failure other than the whole folder's is said and tried again next time. */
  const writeIndexNow = async (): Promise<void> => {
    try {
      index = await writeIndex(dir, index);
      unwritten = 0;
    } catch (error) {
      if (error instanceof NewerIndex) throw error;
      const failure = failureOf(error);
      if (failure === 'permission' || failure === 'gone') throw error;
      if (failure === 'full') full = true;
      problems.push(`${INDEX_FILE_NAME} could not be written${failure === 'full' ? ' (the folder’s disk is full)' : ''}: ${said(error)} It is tried again at the next sync.`);
    }
  };
  const finished = work.runs
    .filter((run) => run.status !== 'recording' && !work.isRecording(run.id))
    .sort((a, b) => a.startedAt - b.startedAt);
  try {
    for (const run of finished) {
      // Checked before each run: this tab may have begun recording, or the folder been forgotten.
      if (work.shouldStop?.()) {
        stopped = true;
        break;
      }
      if (work.isRecording(run.id)) continue;
      const entry = index.runs[run.id];
      if (entry !== undefined && names.has(entry.file) && entry.changedAt >= changedAtOf(run)) continue;
      // The folder's copy is newer than this one but its file is not there yet (a cloud drive
      // delivering the index first): nothing older is written beside it; looked at again next sync.
      if (entry !== undefined && entry.changedAt > changedAtOf(run)) {
        awaited.add(run.id);
        continue;
      }
      let label = run.name || runFileName(run);
      try {
        const session = await work.load(run.id);
        if (session === null) continue; // deleted meanwhile: its file, if any, stays
        // Named as loaded, at the moment of the changedAt written with it (a rename meanwhile included).
        const { meta } = session;
        const changedAt = changedAtOf(meta);
        const wanted = runFileName(meta);
        label = meta.name || wanted;
        const claimed = new Set<string>();
        for (const [id, e] of Object.entries(index.runs)) if (id !== run.id) claimed.add(e.file.toLowerCase());
        const minute = `${localMinute(meta.startedAt)} `;
        const moved = entry !== undefined && !names.has(entry.file) ? await fileOfId(run.id) : undefined;
        const near = [
          ...(entry && entry.file !== '' ? [entry.file] : []),
          ...(moved ? [moved] : []),
          ...[...names].filter((n) => n.startsWith(minute) && n.toLowerCase().endsWith('.fit')).sort(),
        ];
        let place = await placeOf(dir, run.id, wanted, near, claimed, work);
        if (place.ours === null && moved === undefined) {
          // Not under its entry's, its minute's or its own names: the ids inside the folder's files
          // say whether it is there under another (a hand rename, another time zone) before a new file.
          const byId = await fileOfId(run.id);
          if (byId !== undefined && !near.includes(byId)) place = await placeOf(dir, run.id, wanted, [byId], claimed, work);
        }
        // The folder holds a newer copy (another browser's): nothing is written over it.
        if (place.ours !== null && place.ours.changedAt > changedAt) continue;
        let file: string;
        let current = true;
        if (place.ours !== null) {
          file = place.ours.file;
          // Moved when written now, or when an earlier move failed (its entry left older than the
          // file); a file of this copy the runner renamed by hand keeps the runner's name.
          const move = place.ours.changedAt < changedAt || (entry !== undefined && entry.changedAt < changedAt);
          if (place.ours.changedAt < changedAt) {
            // Written in place first, then moved: a failure at either step leaves one file, found again by its id.
            await writeWhole(dir, file, await work.encode(session));
            written.push(run.id);
            work.onWritten?.(run.id);
          }
          if (move && file !== place.free) {
            const to = await moveFile(dir, file, wanted, place.n, claimed);
            // A move that failed is tried again at the next sync: the entry reads older than the run.
            current = to.done;
            names.delete(file);
            file = to.file;
          }
        } else {
          file = place.free;
          await writeNew(dir, file, await work.encode(session));
          written.push(run.id);
          work.onWritten?.(run.id);
        }
        names.add(file);
        index = { ...index, runs: { ...index.runs, [run.id]: { file, startedAt: meta.startedAt, name: meta.name, notes: meta.notes, changedAt: current ? changedAt : changedAt - 1 } } };
        unwritten++;
      } catch (error) {
        const failure = failureOf(error);
        // The whole folder gone or forbidden: the caller says so; nothing more can be written.
        if (failure === 'permission' || failure === 'gone') {
          if (unwritten > 0) await writeIndex(dir, index).catch(() => {});
          throw error;
        }
        if (failure === 'full') full = true;
        problems.push(`“${label}” could not be written${failure === 'full' ? ' (the folder’s disk is full)' : ''}: ${said(error)} It is tried again at the next sync.`);
      }
      if (unwritten >= RUNS_PER_INDEX_WRITE) await writeIndexNow();
      await work.betweenRuns();
    }
    // After a stop nothing more is written (the folder may have been forgotten): the runs written
    // are found again by their ids at the next sync.
    if (unwritten > 0 && !stopped && !work.shouldStop?.()) await writeIndexNow();
  } catch (error) {
    if (!(error instanceof NewerIndex)) throw error;
    // A newer Stridewise wrote the folder during this sync: from then on it is left alone.
    return { written, problems: [...problems, error.message], held: 0, full, newer: true };
  }
  const held = finished.filter((run) => !awaited.has(run.id) && (index.runs[run.id]?.changedAt ?? -Infinity) >= changedAtOf(run)).length;
  return { written, problems, held, full };
}
