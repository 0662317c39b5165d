// A FolderService over real services (history, data, settings) and a real folder in the origin
// private file system, picked by a stand-in for the browser's picker; the recording is an
// EventTarget that can say a run is being recorded and that one was saved.

import { DataService } from '../../src/services/data-service.js';
import { FolderService } from '../../src/services/folder-service.js';
import { HistoryService } from '../../src/services/history-service.js';
import { SettingsService } from '../../src/services/settings-service.js';
import type { FolderHandle } from '../../src/store/backup-folder-files.js';
import { forgetFolder } from '../../src/store/backup-folder-handle.js';
import { folderChosenKey } from '../../src/store/folder-chosen-key.js';
import { kvStore } from '../../src/store/kv.js';
import { clear } from 'idb-keyval';
import { type TestFolder, freshFolder } from '../store/backup-folder-rig.js';

export class FakeRecording extends EventTarget {
  recordingId: string | null = null;
  saved(): void {
    this.dispatchEvent(new Event('saved'));
  }
}

export interface FolderRig {
  folder: FolderService;
  history: HistoryService;
  data: DataService;
  recording: FakeRecording;
}

export function folderRig(pick: (() => Promise<FolderHandle>) | null): FolderRig {
  const settings = new SettingsService();
  const recording = new FakeRecording();
  const history = new HistoryService({ recordingId: () => recording.recordingId });
  const data = new DataService(settings, history);
  // As services.ts does: a saved run is read into the history.
  recording.addEventListener('saved', () => void history.load());
  const folder = new FolderService({ history, recording, settings, data }, { pick });
  return { folder, history, data, recording };
}

/** Resolves once the service has no sync under way (it syncs on events, in the background). */
export async function settled(folder: FolderService): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await folder.sync();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const forgetStoredFolder = (): Promise<void> => forgetFolder();

/**
 * Each test on a cleared store, with no folder remembered, in a fresh folder of its own (handed to
 * `onFolder`), removed after it with the mark start-up reads.
 */
export function freshFolderEachTest(onFolder: (folder: TestFolder) => void): void {
  let folder: TestFolder;
  beforeEach(async () => {
    await clear(kvStore());
    await forgetStoredFolder();
    folder = await freshFolder();
    onFolder(folder);
  });
  afterEach(async () => {
    await folder.remove();
    await forgetStoredFolder();
    localStorage.removeItem(folderChosenKey());
  });
}
