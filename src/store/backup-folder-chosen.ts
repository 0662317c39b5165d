// Whether a backup folder was chosen in this browser, readable at start without IndexedDB, so the
// folder's code loads at start only for a runner who uses it (and the first load stays without it).
const KEY = 'stridewise-backup-folder';

export function folderChosen(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function setFolderChosen(chosen: boolean): void {
  try {
    if (chosen) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (a private window's quota): the folder is then synced once Settings opens.
  }
}
