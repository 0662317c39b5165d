// A run written to a real folder (origin private file system) by the folder's own sync, then
// restored from it as "Restore from the folder" does (the import worker reads each file), the
// restored meta captured as the store would keep it.

import { readInWorker, stopImportWorker } from '../../../src/export/import-worker-client.js';
import { type FolderRestore, restoreFromFolder } from '../../../src/services/folder-restore.js';
import type { RecordedSession, SessionMeta } from '../../../src/session/recorded-session.js';
import type { CadenceZones } from '../../../src/session/zones.js';
import type { FolderHandle } from '../../../src/store/backup-folder-files.js';
import { syncFolder } from '../../../src/store/backup-folder.js';
import { freshFolder, workOver } from '../../store/backup-folder-rig.js';

export async function restoreInto(dir: FolderHandle, zones: CadenceZones, storedIds: ReadonlySet<string> = new Set()) {
  const saved: SessionMeta[] = [];
  const sessions: RecordedSession[] = [];
  const result: FolderRestore = await restoreFromFolder(dir, {
    zones,
    storedIds,
    read: (file, z) => readInWorker(file, z, crypto.randomUUID()),
    save: async (session, changedAt) => {
      saved.push({ ...session.meta, changedAt });
      sessions.push({ meta: { ...session.meta, changedAt }, samples: session.samples });
    },
    done: stopImportWorker,
  });
  return { result, saved, sessions };
}

/** `original` as a second browser holding `zones` restores it from the folder. */
export async function restoredOnce(original: RecordedSession, zones: CadenceZones = original.meta.zones): Promise<SessionMeta> {
  return (await restoredSession(original, zones)).meta;
}

export async function restoredSession(original: RecordedSession, zones: CadenceZones = original.meta.zones): Promise<RecordedSession> {
  const folder = await freshFolder();
  try {
    await syncFolder(folder.dir, workOver([original]));
    const { sessions } = await restoreInto(folder.dir, zones);
    if (sessions.length !== 1) throw new Error(`restored ${sessions.length} runs`);
    return sessions[0]!;
  } finally {
    await folder.remove();
  }
}
