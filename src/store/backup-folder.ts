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
// An index a newer Stridewise wrote is left alone, and so is the folder.

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
import { type FolderHandle, failureOf, fileIn, fileNamesIn, renameFile, textIn, writeNew, writeWhole } from './backup-folder-files.js';
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
  encode: (session: RecordedSession) => Uint8Array<ArrayBuffer>;
  /** The run a FIT file in the folder holds, or null (not ours, unreadable): read before any file is written over. */
  readFileRun: (file: File) => Promise<FolderFileRun | null>;
  /** Checked before each run: true stops the sync there (this tab began recording, the folder was forgotten). */
  shouldStop?: () => boolean;
  /** Lets the page breathe between two runs (one run per task). */
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
}

/** The file's name with any " (2)" a clash gave it taken off. */
const withoutNumber = (file: string): string => file.replace(/ \(\d+\)(\.[^.]*)$/, '$1');

/** The index is written after this many runs (and at the end): once per run made a first sync of many runs O(N²). */
export const RUNS_PER_INDEX_WRITE = 20;

const said = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function writeIndex(dir: FolderHandle, mine: FolderIndex): Promise<FolderIndex> {
  const found = parseIndex(await textIn(dir, INDEX_FILE_NAME));
  // A damaged index met half-way through (another browser's bad write) was kept aside at the start
  // of a sync; its readable entries are merged, the rest was in the copy.
  const merged = mergeIndexes(found.index, mine);
  await writeWhole(dir, INDEX_FILE_NAME, new TextEncoder().encode(indexText(merged)));
  return merged;
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
    const file = await fileIn(dir, name);
    const held = file && (await work.readFileRun(file).catch(() => null));
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
    const file = await fileIn(dir, name);
    if (file === null) return null;
    const held = await work.readFileRun(file).catch(() => null);
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
    if (ours?.file === name) return { ours, free: name };
    if (seen.has(name)) continue;
    const found = await examine(name);
    if (found === null) return { ours, free: name };
    if (typeof found === 'number' && ours === null) return { ours: { file: name, changedAt: found }, free: name };
  }
}

/**
 * Writes every run the folder lacks or holds an older copy of. A run that cannot be written is
 * named in the problems and tried again at the next sync; the others go on. Throws what the whole
 * folder throws (permission, gone), and a failed write of the index.
 */
export async function syncFolder(dir: FolderHandle, work: FolderSyncWork): Promise<FolderSyncResult> {
  const names = await fileNamesIn(dir);
  const text = await textIn(dir, INDEX_FILE_NAME);
  const read = parseIndex(text);
  const problems: string[] = [];
  // A newer Stridewise may lay the folder out otherwise: neither its index nor the runs are touched.
  if (read.newer) return { written: [], problems: [read.problem!], held: 0, full: false };
  let index = read.index;
  let unwritten = text === null ? 1 : 0;
  if (read.problem !== null && text !== null) {
    index = await rebuilt(dir, text, read.index, names, work);
    problems.push(`${read.problem} It was kept beside the new one and rebuilt from the runs here and the files in the folder.`);
    unwritten = 1;
  }
  const written: string[] = [];
  let full = false;
  // Each .fit file's run id, read once a sync and only when a run's file is not where its entry
  // says (the runner renamed or moved it by hand): a file of ours under the runner's name is still
  // the run's, not a reason to write it a second time. Runs whose file is in place never pay for it.
  let idsInFolder: Promise<Map<string, string>> | null = null;
  const fileOfId = async (id: string): Promise<string | undefined> => {
    idsInFolder ??= (async () => {
      const found = new Map<string, string>();
      for (const name of [...names].filter((n) => n.toLowerCase().endsWith('.fit')).sort()) {
        const file = await fileIn(dir, name).catch(() => null);
        const held = file && (await work.readFileRun(file).catch(() => null));
        if (held && !found.has(held.id)) found.set(held.id, name);
      }
      return found;
    })();
    return (await idsInFolder).get(id);
  };
  const finished = work.runs
    .filter((run) => run.status !== 'recording' && !work.isRecording(run.id))
    .sort((a, b) => a.startedAt - b.startedAt);
  for (const run of finished) {
    // Checked before each run: this tab may have begun recording, or the folder been forgotten.
    if (work.shouldStop?.()) break;
    if (work.isRecording(run.id)) continue;
    const entry = index.runs[run.id];
    if (entry !== undefined && names.has(entry.file) && entry.changedAt >= changedAtOf(run)) continue;
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
        ...(entry ? [entry.file] : []),
        ...(moved ? [moved] : []),
        ...[...names].filter((n) => n.startsWith(minute) && n.toLowerCase().endsWith('.fit')).sort(),
      ];
      const place = await placeOf(dir, run.id, wanted, near, claimed, work);
      let file: string;
      if (place.ours !== null && place.ours.changedAt >= changedAt) {
        // The folder holds this copy or a newer one (another browser's): nothing is written over it.
        if (place.ours.changedAt > changedAt) continue;
        file = place.ours.file;
      } else {
        const bytes = work.encode(session);
        if (place.ours !== null) {
          // Written in place first, then moved: a failure at either step leaves one file, found again by its id.
          file = place.ours.file;
          await writeWhole(dir, file, bytes);
          if (withoutNumber(file) !== wanted && file !== place.free && (await renameFile(dir, file, place.free))) {
            names.delete(file);
            file = place.free;
          }
        } else {
          file = place.free;
          await writeNew(dir, file, bytes);
        }
        written.push(run.id);
        work.onWritten?.(run.id);
      }
      names.add(file);
      index = { ...index, runs: { ...index.runs, [run.id]: { file, startedAt: meta.startedAt, name: meta.name, notes: meta.notes, changedAt } } };
      if (++unwritten >= RUNS_PER_INDEX_WRITE) {
        index = await writeIndex(dir, index);
        unwritten = 0;
      }
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
    await work.betweenRuns();
  }
  if (unwritten > 0) index = await writeIndex(dir, index);
  const held = finished.filter((run) => (index.runs[run.id]?.changedAt ?? -Infinity) >= changedAtOf(run)).length;
  return { written, problems, held, full };
}
