// stridewise-index.json, the backup folder's small index: per run id, the file holding it, its
// start, the runner's name and notes (a FIT file has no place for them), and when it last changed.
// Another browser may write the same synced folder, so an index read there is merged, never
// replaced: per id the entry that changed last wins, and ids only one side knows are kept.

export const INDEX_FILE_NAME = 'stridewise-index.json';
export const INDEX_FORMAT = 'stridewise-folder';
export const INDEX_VERSION = 1;

export interface FolderEntry {
  /** The file's name in the folder. */
  file: string;
  startedAt: number;
  name: string;
  notes: string;
  /** The run's changedAt when the file was written; a file is never replaced by a copy not newer than this. */
  changedAt: number;
}

export interface FolderIndex {
  format: typeof INDEX_FORMAT;
  version: typeof INDEX_VERSION;
  runs: Record<string, FolderEntry>;
}

export const emptyIndex = (): FolderIndex => ({ format: INDEX_FORMAT, version: INDEX_VERSION, runs: {} });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A name a folder can hold as one of its files: not empty, no path, not "." or "..", no control character. */
export const isPlainFileName = (name: string): boolean => name !== '' && name !== '.' && name !== '..' && !/[/\\\u0000-\u001f\u007f]/.test(name);

function entryOf(value: unknown): FolderEntry | null {
  if (!isRecord(value)) return null;
  const { file, startedAt, name, notes, changedAt } = value;
  if (typeof file !== 'string' || !isTime(startedAt) || !isTime(changedAt)) return null;
  // A name no folder holds as a plain file (a path, "..", a control character: a hand edit) would
  // make every look at it throw: the entry is kept as naming no file, and the run is found by its id.
  return { file: isPlainFileName(file) ? file : '', startedAt, name: typeof name === 'string' ? name : '', notes: typeof notes === 'string' ? notes : '', changedAt };
}

/** What a read of the index found: the entries it could read, and in words what was wrong, if anything. */
export interface ReadIndex {
  index: FolderIndex;
  /** Null when the file was fine (or absent); else why it could not be read whole. */
  problem: string | null;
  /** A newer Stridewise wrote it: this one must leave it (and the folder) alone. */
  newer?: true;
}

/** The index in `text` (null: no index yet); a damaged one gives what could be read and says why. */
export function parseIndex(text: string | null): ReadIndex {
  if (text === null) return { index: emptyIndex(), problem: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { index: emptyIndex(), problem: `${INDEX_FILE_NAME} is damaged (it is not JSON).` };
  }
  if (!isRecord(parsed) || parsed['format'] !== INDEX_FORMAT || !isRecord(parsed['runs'])) {
    return { index: emptyIndex(), problem: `${INDEX_FILE_NAME} is not a Stridewise index.` };
  }
  if (typeof parsed['version'] !== 'number') return { index: emptyIndex(), problem: `${INDEX_FILE_NAME} is damaged (it has no version).` };
  if (parsed['version'] > INDEX_VERSION) {
    return {
      index: emptyIndex(),
      problem: `${INDEX_FILE_NAME} was written by a newer Stridewise: update this app to keep a copy in this folder again. Nothing was written there.`,
      newer: true,
    };
  }
  const index = emptyIndex();
  let unreadable = 0;
  for (const [id, value] of Object.entries(parsed['runs'])) {
    const entry = entryOf(value);
    if (entry) index.runs[id] = entry;
    else unreadable++;
  }
  const problem = unreadable === 0 ? null : `${INDEX_FILE_NAME} has ${unreadable} damaged ${unreadable === 1 ? 'entry' : 'entries'}.`;
  return { index, problem };
}

/** Both indexes' runs; where both know an id, the entry that changed last (on a tie, `mine`). */
export function mergeIndexes(found: FolderIndex, mine: FolderIndex): FolderIndex {
  const runs: Record<string, FolderEntry> = { ...found.runs };
  for (const [id, entry] of Object.entries(mine.runs)) {
    const theirs = runs[id];
    if (theirs === undefined || entry.changedAt >= theirs.changedAt) runs[id] = entry;
  }
  return { format: INDEX_FORMAT, version: INDEX_VERSION, runs };
}

/** The index's text, runs in start order so two writes of the same index are the same bytes. */
export function indexText(index: FolderIndex): string {
  const ids = Object.keys(index.runs).sort((a, b) => index.runs[a]!.startedAt - index.runs[b]!.startedAt || (a < b ? -1 : 1));
  const runs = Object.fromEntries(ids.map((id) => [id, index.runs[id]!]));
  return `${JSON.stringify({ format: INDEX_FORMAT, version: INDEX_VERSION, runs }, null, 1)}\n`;
}
