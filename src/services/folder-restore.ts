// "Restore from the folder": every FIT file in the backup folder read in the import worker, as an
// import is, and stored under the run id the file carries, with the name and notes the folder's
// index keeps for it (a FIT file has no place for them). A run already stored here is skipped, by
// id and never by name, so a restore can be repeated and never overwrites a run. Files with no
// Stridewise id (a watch's own) are left for the ordinary import, which gives them ids of their own.

import type { RecordedSession } from '../session/recorded-session.js';
import type { CadenceZones } from '../session/zones.js';
import { INDEX_FILE_NAME, parseIndex } from '../store/backup-folder-index.js';
import { type FolderHandle, fileIn, fileNamesIn, textIn } from '../store/backup-folder-files.js';
import type { FileOutcome } from './data-files.js';

export interface FolderRestore {
  /** One line per file that was refused; files added or skipped are counted in `summary`. */
  outcomes: FileOutcome[];
  /** "Added 3 runs; 5 already here were skipped." and what became of files without an id. */
  summary: string;
  added: string[];
}

const runs = (n: number): string => `${n} run${n === 1 ? '' : 's'}`;

export function restoreSummary(added: number, skipped: number, withoutId: number, refused: number): string {
  const parts = [`Added ${runs(added)}`];
  if (skipped > 0) parts.push(`${skipped} already here ${skipped === 1 ? 'was' : 'were'} skipped`);
  let said = `${parts.join('; ')}.`;
  if (withoutId > 0) {
    said +=
      ` ${withoutId} FIT file${withoutId === 1 ? ' carries' : 's carry'} no Stridewise run id (a watch's or another app's own), ` +
      'so a restore cannot tell whether it is here already: import them from Settings → Your data → Import runs from a watch.';
  }
  if (refused > 0) said += ` ${refused} file${refused === 1 ? '' : 's'} could not be read (see below).`;
  return said;
}

export interface RestoreWork {
  zones: CadenceZones;
  /** Ids stored here now. */
  storedIds: ReadonlySet<string>;
  /** A file read in the import worker: the run in it, and the Stridewise run the file says it is. */
  read: (file: File, zones: CadenceZones) => Promise<{ session: RecordedSession; fileRun: { id: string; changedAt: number } | null }>;
  save: (session: RecordedSession, changedAt: number) => Promise<void>;
  /** The worker is let go once the folder is read. */
  done?: () => void;
}

export async function restoreFromFolder(dir: FolderHandle, work: RestoreWork): Promise<FolderRestore> {
  const names = [...(await fileNamesIn(dir))].filter((name) => name.toLowerCase().endsWith('.fit')).sort();
  const index = parseIndex(await textIn(dir, INDEX_FILE_NAME)).index;
  const stored = new Set(work.storedIds);
  const outcomes: FileOutcome[] = [];
  const added: string[] = [];
  let skipped = 0;
  let withoutId = 0;
  try {
    for (const name of names) {
      try {
        const file = await fileIn(dir, name);
        if (file === null) continue; // gone since the folder was listed
        const { session, fileRun } = await work.read(file, work.zones);
        if (fileRun === null) {
          withoutId++;
          continue;
        }
        if (stored.has(fileRun.id)) {
          skipped++;
          continue;
        }
        const entry = index.runs[fileRun.id];
        const meta = { ...session.meta, id: fileRun.id, name: entry?.name ?? session.meta.name, notes: entry?.notes ?? '' };
        await work.save({ meta, samples: session.samples }, fileRun.changedAt);
        stored.add(fileRun.id);
        added.push(fileRun.id);
      } catch (error) {
        outcomes.push({ fileName: name, ok: false, message: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    work.done?.();
  }
  return { outcomes, added, summary: restoreSummary(added.length, skipped, withoutId, outcomes.length) };
}
