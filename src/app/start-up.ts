// What the app does each time it opens, after its services exist: the same for a first visit, a
// reload and a reopened tab after a crash, so a run left unfinished is always found again.
import { loadPart } from '../components/load-part.js';
import { folderChosenKey } from '../store/folder-chosen-key.js';
import type { AppServices } from '../services/services.js';

/** Runs `run` when the browser has nothing better to do (at most a second later). */
export function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 1000);
}

/** True when a backup folder was chosen in this browser (backup-folder-handle.ts marks it; the key is in the first load, the folder's code is not). */
export function folderChosen(): boolean {
  try {
    return !!localStorage.getItem(folderChosenKey());
  } catch {
    return false;
  }
}

/** Resolves true once the store is ready to take runs; false when it cannot be used (data.problem says why). */
export async function startUp(services: AppServices): Promise<boolean> {
  // Persistent storage is asked for when a run first records, not at every start.
  services.data.askForStorageAtFirstRecording(services.recording);
  // Stored data is migrated before anything reads it; if it cannot be, nothing else touches it.
  const usable = await services.data.migrate();
  void services.footpod.findRemembered();
  if (!usable) return false;
  await services.settings.load();
  await services.recording.checkUnfinished();
  // A program run going on when the page went resumes with the next recording, wherever it starts.
  void services.program.loadIfStored();
  // The store's consistency check reads every key: after start, when the browser is idle.
  whenIdle(() => void services.data.checkStore());
  // A backup folder chosen before (backup-folder-handle.ts marks it) is brought up to date once the
  // browser is idle: the shell's folder notice, once loaded, loads the folder's service, which syncs.
  // Its code is loaded only for a runner who chose a folder.
  if (folderChosen()) whenIdle(() => loadPart(import('../components/stride-folder-notice.js')));
  return true;
}
