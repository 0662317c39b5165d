// The backup folder the runner chose, kept between visits: its directory handle in IndexedDB (a
// handle survives a structured clone; the browser asks for permission again when it requires),
// in a database of its own, so a one-file backup or its restore never carries or drops it.

import { type UseStore, createStore, get, promisifyRequest } from 'idb-keyval';
import type { FolderHandle } from './backup-folder-files.js';
import { folderChosenKey } from './folder-chosen-key.js';

const HANDLE_KEY = 'backup-folder/handle';
const LAST_WRITTEN_KEY = 'backup-folder/last-written';
let store: UseStore | null = null;
const folderStore = (): UseStore => (store ??= createStore(folderChosenKey(), 'kv'));
// idb-keyval's set and del written out: the first load holds only the parts of idb-keyval it uses,
// and the folder's code imports it from there.
const set = (key: string, value: unknown): Promise<void> =>
  folderStore()('readwrite', (s) => promisifyRequest(s.put(value, key)).then(() => undefined));
const del = (key: string): Promise<void> => folderStore()('readwrite', (s) => promisifyRequest(s.delete(key)));

export async function storedFolder(): Promise<FolderHandle | null> {
  const handle: unknown = await get(HANDLE_KEY, folderStore());
  return handle instanceof FileSystemDirectoryHandle ? (handle as FolderHandle) : null;
}

export const keepFolder = (handle: FolderHandle): Promise<void> => set(HANDLE_KEY, handle);

export async function forgetFolder(): Promise<void> {
  await del(HANDLE_KEY);
  await del(LAST_WRITTEN_KEY);
}

/** When a run was last written to the folder (epoch ms), or null. */
export async function lastWrittenAt(): Promise<number | null> {
  const at: unknown = await get(LAST_WRITTEN_KEY, folderStore());
  return typeof at === 'number' ? at : null;
}

export const setLastWrittenAt = (at: number): Promise<void> => set(LAST_WRITTEN_KEY, at);

/** 'granted', or what the browser says of writing there now (without asking the runner). */
export async function folderPermission(handle: FolderHandle): Promise<PermissionState> {
  // A handle of the origin's private file system has no permission to ask for: it is always writable.
  if (typeof handle.queryPermission !== 'function') return 'granted';
  return handle.queryPermission({ mode: 'readwrite' });
}

/** Asks the runner (needs a click or key press just before). */
export async function askFolderPermission(handle: FolderHandle): Promise<PermissionState> {
  if (typeof handle.requestPermission !== 'function') return 'granted';
  return handle.requestPermission({ mode: 'readwrite' });
}

/** Remembers, for the next start, whether to load the folder's code (start-up.ts reads it). */
export function setFolderChosen(chosen: boolean): void {
  try {
    if (chosen) localStorage.setItem(folderChosenKey(), '1');
    else localStorage.removeItem(folderChosenKey());
  } catch {
    // Storage refused (a private window's quota): the folder is then synced once Settings opens.
  }
}
