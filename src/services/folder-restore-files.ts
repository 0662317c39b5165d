// The files of a backup folder as a restore sees them: the FIT files to read, in the order that
// reads each run's own file first (the one the index names, so a conflicted copy beside it is
// read after it), and a count of the rest to say. Files a system or a browser leaves beside them
// (macOS's "._" shadows of each file, .DS_Store, Windows' desktop.ini, Chromium's swap files while
// writing) and the folder's own index are no runner's files: passed over without a word.

import type { FolderIndex } from '../store/backup-folder-index.js';

export interface FolderFiles {
  /** FIT files to read, in reading order. */
  fit: string[];
  tcx: number;
  /** Files that are no run file and no system's or Stridewise's own. */
  others: number;
}

const SYSTEM_NAMES = new Set(['desktop.ini', 'thumbs.db', 'icon\r']);

/** Hidden files (macOS "._x.fit", ".DS_Store"), systems' own, swap files, and the folder's index and its damaged copies. */
const passedOver = (name: string): boolean => {
  const lower = name.toLowerCase();
  return name.startsWith('.') || SYSTEM_NAMES.has(lower) || lower.endsWith('.crswap') || (lower.startsWith('stridewise-index') && lower.endsWith('.json'));
};

export function folderFiles(names: Iterable<string>, index: FolderIndex): FolderFiles {
  const indexed = new Set(Object.values(index.runs).map((entry) => entry.file));
  const fit: string[] = [];
  let tcx = 0;
  let others = 0;
  for (const name of names) {
    if (passedOver(name)) continue;
    const lower = name.toLowerCase();
    if (lower.endsWith('.fit')) fit.push(name);
    else if (lower.endsWith('.tcx')) tcx++;
    else others++;
  }
  const rank = (name: string): number => (indexed.has(name) ? 0 : 1);
  fit.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return { fit, tcx, others };
}
