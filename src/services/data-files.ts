// The work behind Settings → Your data, loaded when the runner first imports, backs up or
// restores: reading watch files into sessions, and one-file backups. Each file gets an outcome in
// words; a file that cannot be read is refused before anything is written.

import type { CadenceZones } from '../session/zones.js';
// Static: a dynamic import of a module the first load also holds would split the first load (build.mjs).
import { sessionTitle } from '../session/session-title.js';

/** What became of one file of an import or restore, in words. */
export interface FileOutcome {
  fileName: string;
  ok: boolean;
  message: string;
}

export async function importRunFiles(files: readonly File[], zones: CadenceZones): Promise<FileOutcome[]> {
  const { readRunFile } = await import('../export/read-run-file.js');
  const { saveSession } = await import('../store/session-store.js');
  const { importedSession } = await import('../export/imported-session.js');
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    try {
      const run = await readRunFile(file);
      const session = importedSession(run, zones, { id: crypto.randomUUID(), fileName: file.name });
      await saveSession(session);
      outcomes.push({ fileName: file.name, ok: true, message: `Imported “${sessionTitle(session.meta)}”.` });
    } catch (error) {
      outcomes.push({ fileName: file.name, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  }
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
