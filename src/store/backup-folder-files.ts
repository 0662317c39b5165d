// The few things the backup folder asks of the File System Access API, and the only code that
// reads or writes through a directory handle. A file is written through createWritable, which in
// Chromium writes to a swap file beside it and puts it in the file's place only at close(): a write
// that fails half-way is aborted, so a run's file is either the old copy whole or the new one whole,
// never cut short. Nothing here deletes a runner's file: only an empty file this very write made.

/** Chromium's handles beyond TypeScript's DOM types (the File System Access API's own parts). */
export interface FolderHandle extends FileSystemDirectoryHandle {
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
}

interface MovableFile extends FileSystemFileHandle {
  move?(newName: string): Promise<void>;
}

/** Files are written in pieces this big, so a big run is not one huge write (and a failure can come half-way). */
const PIECE_BYTES = 64 * 1024;

const named = (error: unknown, ...names: string[]): boolean => error instanceof DOMException && names.includes(error.name);

/** The names of the files in the folder (not its subfolders). */
export async function fileNamesIn(dir: FolderHandle): Promise<Set<string>> {
  const names = new Set<string>();
  for await (const entry of dir.values()) if (entry.kind === 'file') names.add(entry.name);
  return names;
}

/** The file, or null when the folder has none of that name. */
export async function fileIn(dir: FolderHandle, name: string): Promise<File | null> {
  try {
    return await (await dir.getFileHandle(name)).getFile();
  } catch (error) {
    if (named(error, 'NotFoundError', 'TypeMismatchError')) return null;
    throw error;
  }
}

export async function textIn(dir: FolderHandle, name: string): Promise<string | null> {
  const file = await fileIn(dir, name);
  return file === null ? null : file.text();
}

/**
 * Writes `bytes` as `name` whole, or leaves what was there (if anything) as it was. Tried a second
 * time when the browser loses the file's swap file under the write (NotFoundError while the folder
 * is still there): seen in Chromium right after an aborted write of the same file, and a synced
 * folder's client may move files under it too.
 */
export async function writeWhole(dir: FolderHandle, name: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  try {
    await writeOnce(dir, name, bytes);
  } catch (error) {
    if (!named(error, 'NotFoundError') || !(await stillThere(dir))) throw error;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeOnce(dir, name, bytes);
  }
}

async function stillThere(dir: FolderHandle): Promise<boolean> {
  try {
    await fileNamesIn(dir);
    return true;
  } catch {
    return false;
  }
}

async function writeOnce(dir: FolderHandle, name: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  const handle = await dir.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  try {
    for (let at = 0; at < bytes.length || at === 0; at += PIECE_BYTES) {
      await writable.write(bytes.subarray(at, Math.min(bytes.length, at + PIECE_BYTES)));
      if (bytes.length === 0) break;
    }
  } catch (error) {
    // The swap file goes; the file keeps its old bytes.
    await writable.abort().catch(() => {});
    throw error;
  }
  await writable.close();
}

/**
 * Writes `bytes` as a NEW file `name` (the caller saw none of that name just before). When the
 * write fails, the empty file getFileHandle made for it is removed again: a 0-byte "run" would read
 * as a damaged file on the next computer. Only that file, which this call made, is ever removed.
 */
export async function writeNew(dir: FolderHandle, name: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  try {
    await writeWhole(dir, name, bytes);
  } catch (error) {
    await dir.removeEntry(name).catch(() => {});
    throw error;
  }
}

/** True where the browser can move (rename) files: FileSystemHandle.move, Chromium 110 and later. */
export const canMove = (handle: FileSystemFileHandle): boolean => typeof (handle as MovableFile).move === 'function';

/**
 * Renames a file within the folder where the browser can (FileSystemHandle.move, Chromium 110 and
 * later); false where it cannot or the move failed, and the file keeps its name.
 */
export async function renameFile(dir: FolderHandle, from: string, to: string): Promise<boolean> {
  try {
    const handle: MovableFile = await dir.getFileHandle(from);
    if (typeof handle.move !== 'function') return false;
    await handle.move(to);
    return true;
  } catch (error) {
    // A folder gone or permission lost is the caller's to hear; anything else only keeps the old name.
    if (named(error, 'NotAllowedError', 'SecurityError')) throw error;
    return false;
  }
}

/** How the folder failed, for the runner: permission gone, folder gone, its disk full, or something else. */
export type FolderFailure = 'permission' | 'gone' | 'full' | 'other';

export function failureOf(error: unknown): FolderFailure {
  if (named(error, 'NotAllowedError', 'SecurityError')) return 'permission';
  if (named(error, 'QuotaExceededError')) return 'full';
  if (named(error, 'NotFoundError', 'InvalidStateError', 'NotReadableError')) return 'gone';
  return 'other';
}
