// Keeping the backup folder up to date: a diff of the store against the folder's index, so there is
// nothing to remember between visits. A run whose changedAt is newer than its entry (or that has
// none) is written as FIT, one run at a time, and the index after each, merged with whatever index
// the folder holds by then (another browser may write the same synced folder). A file is never
// written over by a copy not newer than it, and never deleted; a run deleted here keeps its file.
// A renamed run's file is renamed with it where the browser can move files, else keeps its name.
//
// A damaged index is kept beside the new one (stridewise-index (damaged ….json), and the new one is
// rebuilt from this store and from the ids inside the folder's FIT files: nothing it knew is lost.

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
import { type FolderHandle, fileIn, fileNamesIn, renameFile, textIn, writeWhole } from './backup-folder-files.js';
import { damagedIndexName, runFileName, uniqueFileName } from './backup-folder-names.js';

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
  /** Only for a damaged index: the run a FIT file in the folder holds, or null (not ours, unreadable). */
  readFileRun: (file: File) => Promise<FolderFileRun | null>;
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
}

/** The file's name with any " (2)" a clash gave it taken off. */
const withoutNumber = (file: string): string => file.replace(/ \(\d+\)(\.[^.]*)$/, '$1');


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

/** Writes every run the folder lacks or holds an older copy of. Throws what the folder throws (permission, gone). */
export async function syncFolder(dir: FolderHandle, work: FolderSyncWork): Promise<FolderSyncResult> {
  const names = await fileNamesIn(dir);
  const text = await textIn(dir, INDEX_FILE_NAME);
  const read = parseIndex(text);
  const problems: string[] = [];
  let index = read.index;
  let indexChanged = text === null;
  if (read.problem !== null && text !== null) {
    index = await rebuilt(dir, text, read.index, names, work);
    problems.push(`${read.problem} It was kept beside the new one and rebuilt from the runs here and the files in the folder.`);
    indexChanged = true;
  }
  const written: string[] = [];
  const finished = work.runs
    .filter((run) => run.status !== 'recording' && !work.isRecording(run.id))
    .sort((a, b) => a.startedAt - b.startedAt);
  for (const run of finished) {
    const changedAt = changedAtOf(run);
    const entry = index.runs[run.id];
    const hasFile = entry !== undefined && names.has(entry.file);
    if (entry !== undefined && hasFile && entry.changedAt >= changedAt) continue;
    const others = new Set(names);
    if (hasFile) others.delete(entry.file);
    for (const [id, e] of Object.entries(index.runs)) if (id !== run.id) others.add(e.file);
    const wanted = runFileName(run);
    let file = hasFile ? entry.file : uniqueFileName(wanted, others);
    if (hasFile && withoutNumber(entry.file) !== wanted) {
      const target = uniqueFileName(wanted, others);
      if (await renameFile(dir, entry.file, target)) {
        names.delete(entry.file);
        file = target;
      }
    }
    let session: RecordedSession | null;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      session = await work.load(run.id);
      if (session === null) continue; // deleted meanwhile: its file, if any, stays
      bytes = work.encode(session);
    } catch (error) {
      problems.push(`“${run.name || wanted}” could not be written: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    await writeWhole(dir, file, bytes);
    names.add(file);
    // As the file says: the run may have changed since the list was read.
    const { meta } = session;
    const entryNow: FolderEntry = { file, startedAt: meta.startedAt, name: meta.name, notes: meta.notes, changedAt: changedAtOf(meta) };
    index = { ...index, runs: { ...index.runs, [run.id]: entryNow } };
    index = await writeIndex(dir, index);
    indexChanged = false;
    written.push(run.id);
    work.onWritten?.(run.id);
    await work.betweenRuns();
  }
  if (indexChanged) await writeIndex(dir, index);
  const held = finished.filter((run) => (index.runs[run.id]?.changedAt ?? -Infinity) >= changedAtOf(run)).length;
  return { written, problems, held };
}
