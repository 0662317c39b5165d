// The backup folder (issue 21): a folder the runner chose once, kept up to date with every
// finished run as a FIT file, so a cloud drive's own sync carries the runs to another computer,
// where "Restore from the folder" brings them in. Loaded on demand (services.ts): at start only
// for a runner who chose a folder, else when Settings first shows it.
//
// It syncs after each save, import, restore, edit or correction (the history's 'change'), and once
// at start: each time a diff of the store against the folder's index (store/backup-folder.ts),
// one run per task, never while this tab records (checked before each run: a sync under way stops
// when a recording starts or the folder is forgotten), never a run another tab records, and one
// sync at a time among this browser's tabs (navigator.locks). When the browser takes the permission
// back, the folder is gone or its disk is full, it says so once (`notice`, on the shell), in those
// words, keeps working, and writes everything pending at the next chance. A sync's problems show in
// Settings (`message`) until a sync goes through cleanly. Without the File System Access API (Firefox, Safari,
// phones) the status says why, and the one-file backup stays the way to keep a copy.
//
// Events: 'change' (status, notice, writing, message).

import { type FolderHandle, failureOf } from '../store/backup-folder-files.js';
import {
  askFolderPermission,
  folderPermission,
  forgetFolder,
  keepFolder,
  lastWrittenAt,
  setFolderChosen,
  setLastWrittenAt,
  storedFolder,
} from '../store/backup-folder-handle.js';
import type { SessionSummary } from '../session/recorded-session.js';
import type { FileOutcome } from './data-files.js';
import type { DataService } from './data-service.js';
import type { HistoryService } from './history-service.js';
import type { SettingsService } from './settings-service.js';
import { nextTask } from '../export/next-task.js';

export type FolderStatus =
  | { kind: 'unsupported'; why: string }
  | { kind: 'none' }
  | { kind: 'ready'; name: string; written: number; lastWrittenAt: number | null }
  | { kind: 'needs-permission'; name: string }
  | { kind: 'unreachable'; name: string; message: string };

export interface FolderServiceDeps {
  history: EventTarget & Pick<HistoryService, 'sessions' | 'loaded' | 'load' | 'isRecordingNow'>;
  recording: { readonly recordingId: string | null };
  settings: Pick<SettingsService, 'settings'>;
  data: Pick<DataService, 'afterImports'>;
}

/** The browser's side, swapped in tests: the folder picker (null: the browser has none). */
export interface FolderPlatform {
  pick: (() => Promise<FolderHandle>) | null;
}

interface PickerWindow {
  showDirectoryPicker?: (options: { id: string; mode: 'readwrite'; startIn: 'documents' }) => Promise<FolderHandle>;
}

export function browserFolderPlatform(): FolderPlatform {
  const picker = (window as PickerWindow).showDirectoryPicker;
  if (typeof picker !== 'function') return { pick: null };
  return { pick: () => picker.call(window, { id: 'stridewise-backup', mode: 'readwrite', startIn: 'documents' }) };
}

export const UNSUPPORTED_WHY =
  'This browser cannot keep a folder up to date: it has no File System Access API (Chrome and Edge on a computer have it; ' +
  'Firefox, Safari and phones do not). Your runs stay in this browser; “Download a backup of everything” keeps a copy of them all in one file.';

type Loss = 'permission' | 'gone' | 'full' | 'newer';

/** One sync at a time per origin: two tabs of this browser would write the same run's file twice. */
async function alone<T>(work: () => Promise<T>): Promise<T> {
  const locks = (navigator as { locks?: LockManager }).locks;
  return locks ? locks.request('stridewise-backup-folder', work) : work();
}

const say = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class FolderService extends EventTarget {
  readonly #deps: FolderServiceDeps;
  readonly #platform: FolderPlatform;
  #dir: FolderHandle | null = null;
  #status: FolderStatus;
  #notice: string | null = null;
  /** The loss the runner was told of (once until the folder works again). */
  #told: Loss | null = null;
  #writing = false;
  #message: string | null = null;
  /** The message is a sync's problems: the next clean sync takes it away. */
  #messageOfSync = false;
  #syncing: Promise<void> | null = null;
  #again = false;
  #restoring = false;
  readonly ready: Promise<void>;

  constructor(deps: FolderServiceDeps, platform: FolderPlatform = browserFolderPlatform()) {
    super();
    this.#deps = deps;
    this.#platform = platform;
    this.#status = platform.pick === null ? { kind: 'unsupported', why: UNSUPPORTED_WHY } : { kind: 'none' };
    // A save, import, restore, edit or correction reaches the history, which says 'change' once it
    // has read the runs again (services.ts reloads it on the recording's 'saved').
    deps.history.addEventListener('change', () => void this.sync());
    this.ready = platform.pick === null ? Promise.resolve() : this.#start();
  }

  get status(): FolderStatus {
    return this.#status;
  }
  /** Said once on the shell when the folder can no longer be written; null otherwise. */
  get notice(): string | null {
    return this.#notice;
  }
  /** True while runs are being written. */
  get writing(): boolean {
    return this.#writing;
  }
  /** The last thing done or refused, in words (Settings shows it in a live region). */
  get message(): string | null {
    return this.#message;
  }

  dismissNotice(): void {
    this.#notice = null;
    this.#changed();
  }

  async #start(): Promise<void> {
    try {
      this.#dir = await storedFolder();
    } catch (error) {
      this.#say(`The backup folder could not be read back: ${say(error)}`);
    }
    if (this.#dir === null) {
      setFolderChosen(false);
      this.#changed();
      return;
    }
    await this.sync();
  }

  /** Asks for a folder (needs a click just before). A cancelled picker changes nothing and says nothing. */
  async choose(): Promise<boolean> {
    if (this.#platform.pick === null) return false;
    let dir: FolderHandle;
    try {
      // First, while the click still counts as the runner's: the picker needs it.
      dir = await this.#platform.pick();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return false;
      this.#say(`The folder could not be chosen: ${say(error)}`);
      this.#changed();
      return false;
    }
    // The folder kept from an earlier visit, read at start, must not come back over this one.
    await this.ready;
    this.#dir = dir;
    this.#told = null;
    this.#notice = null;
    try {
      await keepFolder(dir);
      setFolderChosen(true);
    } catch (error) {
      this.#say(`The folder is used for this visit, but could not be remembered for the next: ${say(error)}`);
    }
    this.#status = { kind: 'ready', name: dir.name, written: 0, lastWrittenAt: await lastWrittenAt().catch(() => null) };
    this.#changed();
    await this.sync();
    return true;
  }

  /** Asks the browser for permission again (needs a click just before); writes what is pending once granted. */
  async allow(): Promise<void> {
    if (this.#dir === null) return;
    try {
      await askFolderPermission(this.#dir);
    } catch (error) {
      this.#say(`Permission could not be asked for: ${say(error)}`);
    }
    await this.sync();
  }

  /** No folder from now on; the files in it stay as they are. */
  async forget(): Promise<void> {
    this.#dir = null;
    this.#notice = null;
    this.#told = null;
    setFolderChosen(false);
    this.#status = { kind: 'none' };
    try {
      await forgetFolder();
      this.#say('No copy is kept in a folder any more. The files already there stay.');
    } catch (error) {
      this.#say(`The folder could not be forgotten: ${say(error)}`);
    }
    this.#changed();
  }

  /** Writes whatever the folder lacks. Calls while a sync runs make it run once more after. */
  sync(): Promise<void> {
    if (this.#syncing) {
      this.#again = true;
      return this.#syncing;
    }
    this.#syncing = (async () => {
      do {
        this.#again = false;
        await this.#syncOnce();
      } while (this.#again);
    })().finally(() => {
      this.#syncing = null;
    });
    return this.#syncing;
  }

  async #syncOnce(): Promise<void> {
    const dir = this.#dir;
    // Nothing is encoded or written while this tab records: the run's samples come first. Its save
    // reaches the history, which brings the folder up to date then.
    if (dir === null || this.#restoring || this.#deps.recording.recordingId !== null) return;
    const permission = await folderPermission(dir).catch(() => 'prompt' as const);
    if (permission !== 'granted') {
      this.#lost(dir, 'permission', '');
      return;
    }
    const { history } = this.#deps;
    if (!history.loaded) await history.load();
    this.#writing = true;
    this.#changed();
    let stopWorker = (): void => {};
    try {
      // Garmin's encoder takes about 0.3 s an hour of run: in the encode worker, so the page stays live.
      const [{ syncFolder }, { encodeRunInWorker, stopEncodeWorker }] = await Promise.all([import('../store/backup-folder.js'), import('../export/encode-worker-client.js')]);
      stopWorker = stopEncodeWorker;
      const result = await alone(() => syncFolder(dir, {
        runs: history.sessions as SessionSummary[],
        // A run another tab records is left for that tab's save.
        isRecording: (id) => id === this.#deps.recording.recordingId || history.isRecordingNow(id),
        load: async (id) => (await import('../store/session-store.js')).loadSession(id),
        encode: (session) => encodeRunInWorker(session, 'fit'),
        readFileRun: async (file) => {
          const { decodeFit } = await import('../export/fit-decode.js');
          const run = decodeFit(new Uint8Array(await file.arrayBuffer()));
          return run.fileRun ? { ...run.fileRun, startedAt: run.startedAt } : null;
        },
        // This tab began recording, or the folder was forgotten or changed: the rest waits.
        shouldStop: () => this.#deps.recording.recordingId !== null || this.#dir !== dir,
        betweenRuns: nextTask,
      }));
      if (this.#dir !== dir) return; // forgotten or changed meanwhile
      let last = this.#status.kind === 'ready' ? this.#status.lastWrittenAt : await lastWrittenAt().catch(() => null);
      if (result.written.length > 0) {
        last = Date.now();
        await setLastWrittenAt(last).catch(() => {});
      }
      if (result.problems.length > 0) {
        this.#message = result.problems.join(' ');
        this.#messageOfSync = true;
      } else if (this.#messageOfSync) {
        this.#message = null;
        this.#messageOfSync = false;
      }
      if (result.full) {
        this.#lost(dir, 'full', '');
        return;
      }
      // Not "ready": no run is written there until this app is updated, and the runner hears why.
      if (result.newer) {
        this.#lost(dir, 'newer', '');
        return;
      }
      this.#status = { kind: 'ready', name: dir.name, written: result.held, lastWrittenAt: last };
      this.#told = null;
      this.#notice = null;
    } catch (error) {
      const failure = failureOf(error);
      if (failure === 'permission' || failure === 'full') this.#lost(dir, failure, '');
      else this.#lost(dir, 'gone', failure === 'gone' ? '' : say(error));
    } finally {
      // No worker kept waiting for the next save (the idle app runs nothing).
      stopWorker();
      this.#writing = false;
      this.#changed();
    }
  }

  #lost(dir: FolderHandle, why: Loss, detail: string): void {
    const name = dir.name;
    if (why === 'permission') {
      this.#status = { kind: 'needs-permission', name };
    } else if (why === 'newer') {
      const message = `The folder “${name}” was written by a newer Stridewise: update this app to keep a copy there again. Nothing is written there meanwhile.`;
      this.#status = { kind: 'unreachable', name, message };
    } else if (why === 'full') {
      const message = `The disk of the folder “${name}” is full: runs could not be written there. Free some space on it; they are written at the next save.`;
      this.#status = { kind: 'unreachable', name, message };
    } else {
      const message = detail
        ? `The folder “${name}” could not be written: ${detail}`
        : `The folder “${name}” cannot be found: it may have been moved, renamed or deleted, or its drive is not connected.`;
      this.#status = { kind: 'unreachable', name, message };
    }
    if (this.#told !== why) {
      this.#told = why;
      this.#notice =
        why === 'permission'
          ? `Stridewise may no longer write to your backup folder “${name}”. Your runs are safe in this browser and are written there once you allow it.`
          : why === 'full'
            ? `The disk of your backup folder “${name}” is full. Your runs are safe in this browser; free some space there and they are written at the next save.`
            : why === 'newer'
              ? `Your backup folder “${name}” was written by a newer Stridewise: update this app. Your runs are safe in this browser; nothing is written to the folder meanwhile.`
            : `Your backup folder “${name}” cannot be reached. Your runs are safe in this browser; choose the folder again in Settings → Your data.`;
    }
    this.#changed();
  }

  /**
   * Brings in every run of the folder not stored here (asks for a folder first when none is
   * chosen; needs a click just before). Waits for an import under way; the history shows the new runs.
   */
  async restore(): Promise<FileOutcome[]> {
    if (this.#dir === null && !(await this.choose())) return [];
    const dir = this.#dir!;
    if ((await folderPermission(dir).catch(() => 'prompt')) !== 'granted' && (await askFolderPermission(dir).catch(() => 'denied')) !== 'granted') {
      this.#lost(dir, 'permission', '');
      this.#say(`Stridewise may not read the folder “${dir.name}”: nothing was restored.`);
      this.#changed();
      return [];
    }
    this.#say(`Reading the folder “${dir.name}”…`);
    this.#changed();
    const outcomes = await this.#deps.data.afterImports(async () => {
      this.#restoring = true;
      try {
        const [{ restoreFromFolder }, { readInWorker, stopImportWorker }, { saveSession, listSessions }] = await Promise.all([
          import('./folder-restore.js'),
          import('../export/import-worker-client.js'),
          import('../store/session-store.js'),
        ]);
        const storedIds = new Set((await listSessions()).map((run) => run.id));
        const done = await restoreFromFolder(dir, {
          zones: { ...this.#deps.settings.settings.zones },
          storedIds,
          read: (file, zones) => readInWorker(file, zones, crypto.randomUUID()),
          save: saveSession,
          done: stopImportWorker,
        });
        this.#say(done.summary);
        return done.outcomes;
      } catch (error) {
        const failure = failureOf(error);
        if (failure !== 'other') this.#lost(dir, failure, '');
        this.#say(`Nothing more could be restored: ${failure === 'other' ? say(error) : 'the folder cannot be read.'}`);
        return [];
      } finally {
        this.#restoring = false;
      }
    });
    this.#changed();
    await this.#deps.history.load();
    return outcomes;
  }

  /** A message of its own (not a sync's problems): it stays until the next one. */
  #say(text: string): void {
    this.#message = text;
    this.#messageOfSync = false;
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

const made = new WeakMap<FolderServiceDeps, FolderService>();

/** The one FolderService of these services (services.ts loads this module on first use). */
export function folderServiceOf(services: FolderServiceDeps): FolderService {
  let service = made.get(services);
  if (!service) made.set(services, (service = new FolderService(services)));
  return service;
}
