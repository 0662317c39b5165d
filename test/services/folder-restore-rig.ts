// A restore as "Restore from the folder" runs it (the import worker reads each file), into a store
// held in memory that keeps the last save of each id, as the session store does, beside the runs
// `already` stored (their changedAt, whether recorded now).

import { readInWorker, stopImportWorker } from '../../src/export/import-worker-client.js';
import { type FolderRestore, type StoredRun, restoreFromFolder } from '../../src/services/folder-restore.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import type { CadenceZones } from '../../src/session/zones.js';
import type { FolderHandle } from '../../src/store/backup-folder-files.js';
import { syncFolder } from '../../src/store/backup-folder.js';
import { freshFolder, workOver } from '../store/backup-folder-rig.js';

export async function restoreInto(
  dir: FolderHandle,
  zones: CadenceZones,
  already: ReadonlyMap<string, StoredRun> = new Map(),
): Promise<{ result: FolderRestore; stored: Map<string, RecordedSession> }> {
  const stored = new Map<string, RecordedSession>();
  const result = await restoreFromFolder(dir, {
    zones,
    storedIds: new Set(already.keys()),
    storedRun: async (id) => already.get(id) ?? null,
    read: (file, z) => readInWorker(file, z, crypto.randomUUID()),
    save: async (session, changedAt) => void stored.set(session.meta.id, { meta: { ...session.meta, changedAt }, samples: session.samples }),
    done: stopImportWorker,
  });
  return { result, stored };
}

/** `original` written to a fresh folder by the folder's own sync, then restored by a browser holding `zones`. */
export async function restoredSession(original: RecordedSession, zones: CadenceZones = original.meta.zones): Promise<RecordedSession> {
  const folder = await freshFolder();
  try {
    await syncFolder(folder.dir, workOver([original]));
    const { stored } = await restoreInto(folder.dir, zones);
    if (stored.size !== 1) throw new Error(`restored ${stored.size} runs`);
    return [...stored.values()][0]!;
  } finally {
    await folder.remove();
  }
}
