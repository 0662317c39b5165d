// The work behind Settings → Your data, loaded when the runner first imports, backs up or
// restores: reading watch files into sessions (in the import worker, so a big file does not
// freeze the page; the page only stores the run), and one-file backups. Each file gets an outcome in
// words; a file that cannot be read is refused before anything is written.

import type { CadenceZones } from '../session/zones.js';
// Static: a dynamic import of a module the first load also holds would split the first load (build.mjs).
import { sessionTitle } from '../session/session-title.js';

/** What became of one file of an import or restore, in words. */
export interface FileOutcome {
  fileName: string;
  ok: boolean;
  message: string;
  /** The stored run's id, when the file became one (so the app can open it). */
  id?: string;
  /** The file was read but its run could not be stored (storage full, a store error): worth trying again. */
  notStored?: true;
}

/** Files above this size show a progress bar while they are read (Settings → Your data). */
export const PROGRESS_FROM_BYTES = 2 * 1024 * 1024;

/** How far the import of a big file has come, for the progress bar. */
export interface ImportProgress {
  fileName: string;
  /** 0 to 100, whole, never going back; 100 once the run is stored. */
  percent: number;
}

/**
 * Each file read in the import worker and stored; `onProgress` hears how far each file over
 * PROGRESS_FROM_BYTES has come (whole percents, each once, ending at 100 when it is stored), and
 * `onOutcome` each file's outcome as soon as the file is done (so a bar need not wait for the batch;
 * awaited before the next file is read).
 */
export async function importRunFiles(
  files: readonly File[],
  zones: CadenceZones,
  onProgress: (progress: ImportProgress) => void = () => {},
  onOutcome: (outcome: FileOutcome) => Promise<void> | void = () => {},
): Promise<FileOutcome[]> {
  const { WORKER_SHARE, readInWorker, stopImportWorker } = await import('../export/import-worker-client.js');
  const { saveSession } = await import('../store/session-store.js');
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    let told = -1;
    const tell = (fraction: number): void => {
      const percent = Math.floor(fraction * 100);
      if (file.size <= PROGRESS_FROM_BYTES || percent <= told) return;
      told = percent;
      onProgress({ fileName: file.name, percent });
    };
    let outcome: FileOutcome;
    let read = false;
    try {
      tell(0);
      const { session } = await readInWorker(file, zones, crypto.randomUUID(), tell);
      read = true;
      tell(WORKER_SHARE);
      await saveSession(session, Date.now());
      tell(1);
      outcome = { fileName: file.name, ok: true, message: `Imported “${sessionTitle(session.meta)}”.`, id: session.meta.id };
    } catch (error) {
      outcome = { fileName: file.name, ok: false, message: error instanceof Error ? error.message : String(error), ...(read && { notStored: true as const }) };
    }
    outcomes.push(outcome);
    await onOutcome(outcome);
  }
  // The reader is not kept waiting for another file (no timer while idle): the next import starts it again.
  stopImportWorker();
  return outcomes;
}

export async function createBackupFile(): Promise<{ blob: Blob; fileName: string; leftOut: string[] }> {
  const { createBackupWithReport } = await import('../store/backup.js');
  const { blob, leftOut } = await createBackupWithReport();
  // The runner's own date, as export file names use (toISOString's UTC date is tomorrow's every evening west of Greenwich).
  const now = new Date();
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return { blob, fileName: `stridewise-backup-${day}.json`, leftOut };
}

export async function restoreBackupFile(file: File): Promise<FileOutcome> {
  try {
    const { restoreBackup } = await import('../store/backup.js');
    const { sessions } = await restoreBackup(file);
    return { fileName: file.name, ok: true, message: `Restored ${sessions} session${sessions === 1 ? '' : 's'} and your settings.` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The store's own refusals say it already; say it once.
    const unchanged = message.endsWith('Nothing was changed.') ? message : `${message} Nothing was changed.`;
    return { fileName: file.name, ok: false, message: unchanged };
  }
}
