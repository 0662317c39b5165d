// A real directory handle for the backup-folder tests: a fresh folder in the origin private file
// system per test (Chromium's own File System Access code, no picker), removed after; and the
// work a sync needs, over a list of sessions held in memory or in the store.

import { decodeFit } from '../../src/export/fit-decode.js';
import { encodeFit } from '../../src/export/fit.js';
import type { RecordedSession, SessionSummary } from '../../src/session/recorded-session.js';
import { summaryOf } from '../../src/session/session-summary.js';
import type { FolderHandle } from '../../src/store/backup-folder-files.js';
import type { FolderSyncWork } from '../../src/store/backup-folder.js';
import { INDEX_FILE_NAME, parseIndex, type FolderIndex } from '../../src/store/backup-folder-index.js';
import { generatedSession } from '../support/generated-sessions.js';

let made = 0;

export interface TestFolder {
  dir: FolderHandle;
  parent: FileSystemDirectoryHandle;
  name: string;
  remove: () => Promise<void>;
}

export async function freshFolder(): Promise<TestFolder> {
  const parent = await navigator.storage.getDirectory();
  const name = `backup-test-${Date.now()}-${made++}-${Math.random().toString(36).slice(2, 8)}`;
  const dir = (await parent.getDirectoryHandle(name, { create: true })) as FolderHandle;
  return { dir, parent, name, remove: () => parent.removeEntry(name, { recursive: true }).catch(() => {}) };
}

/** The folder's files: name → bytes. */
export async function filesOf(dir: FolderHandle): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for await (const entry of dir.values()) {
    if (entry.kind !== 'file') continue;
    files.set(entry.name, new Uint8Array(await (await (entry as FileSystemFileHandle).getFile()).arrayBuffer()));
  }
  return files;
}

export async function indexOf(dir: FolderHandle): Promise<FolderIndex> {
  const files = await filesOf(dir);
  const bytes = files.get(INDEX_FILE_NAME);
  return parseIndex(bytes ? new TextDecoder().decode(bytes) : null).index;
}

export async function putFile(dir: FolderHandle, name: string, bytes: Uint8Array | string): Promise<void> {
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
  await writable.write(typeof bytes === 'string' ? bytes : new Uint8Array(bytes));
  await writable.close();
}

/** The run a FIT file in the folder holds, as our decoder reads it. */
export const fileRunIn = (bytes: Uint8Array) => decodeFit(bytes).fileRun ?? null;

export const START = Date.UTC(2026, 11, 1, 7, 0);

export function run(n: number, overrides: Partial<RecordedSession['meta']> = {}): RecordedSession {
  const session = generatedSession({ startedAt: START + n * 86_400_000, minutes: 3 + (n % 4), cadenceBase: 168 + n, speed: 2.8 + n / 20, id: `run-${n}` });
  return { ...session, meta: { ...session.meta, changedAt: START + n * 86_400_000 + 3_600_000, ...overrides } };
}

/** What syncFolder needs, over sessions held in memory. */
export function workOver(sessions: readonly RecordedSession[], recording: ReadonlySet<string> = new Set()): FolderSyncWork {
  const byId = new Map(sessions.map((s) => [s.meta.id, s]));
  return {
    runs: sessions.map((s) => summaryOf(s.meta)) as SessionSummary[],
    isRecording: (id) => recording.has(id),
    load: async (id) => byId.get(id) ?? null,
    encode: encodeFit,
    readFileRun: async (file) => {
      const read = decodeFit(new Uint8Array(await file.arrayBuffer()));
      return read.fileRun ? { ...read.fileRun, startedAt: read.startedAt } : null;
    },
    betweenRuns: () => new Promise((resolve) => setTimeout(resolve)),
  };
}

/** Every FIT file in the folder that says it holds `id`, with the changedAt it carries, by name. */
export async function copiesOf(dir: FolderHandle, id: string): Promise<{ file: string; changedAt: number }[]> {
  const copies: { file: string; changedAt: number }[] = [];
  for (const [name, bytes] of await filesOf(dir)) {
    if (!name.endsWith('.fit')) continue;
    let held: ReturnType<typeof fileRunIn> = null;
    try {
      held = fileRunIn(bytes);
    } catch {
      continue; // not a whole FIT file
    }
    if (held?.id === id) copies.push({ file: name, changedAt: held.changedAt });
  }
  return copies.sort((a, b) => a.file.localeCompare(b.file));
}

/** Makes every write of the files `names` fail as a full disk does (the handle's own methods, patched). */
export function failWritesOf(dir: FolderHandle, ...names: string[]): void {
  const get = dir.getFileHandle.bind(dir);
  dir.getFileHandle = async (asked: string, options?: FileSystemGetFileOptions) => {
    const handle = await get(asked, options);
    if (!names.includes(asked)) return handle;
    const open = handle.createWritable.bind(handle);
    handle.createWritable = async (o?: FileSystemCreateWritableOptions) => {
      const writable = await open(o);
      writable.write = async () => {
        throw new DOMException('The operation failed because it would cause the application to exceed its storage quota.', 'QuotaExceededError');
      };
      return writable;
    };
    return handle;
  };
}

/** A second handle on the same folder, so patching it leaves the first as it is. */
export async function secondHandleOn(dir: FolderHandle): Promise<FolderHandle> {
  const root = await navigator.storage.getDirectory();
  let at: FileSystemDirectoryHandle = root;
  for (const part of (await root.resolve(dir)) ?? []) at = await at.getDirectoryHandle(part);
  return at as FolderHandle;
}
