// Files in and out of the app as a whole: importing runs from watches, one-file backup and
// restore, and how much the browser is keeping. Readers and the backup code load on first use. A file that cannot be read is refused before
// anything is written, so stored data stays exactly as it was.
//
// Events: 'change' (messages, usage, persistence, notice, import progress).

import { schemaIsCurrent } from '../store/kv.js';
// Used at every start, so in the first load rather than a chunk fetched after it.
import { type Persistence, type StorageUsage, requestPersistentStorage, storageUsage } from '../store/storage-status.js';
import type { FileOutcome, ImportProgress } from './data-files.js';
import type { RunsExport } from './export-runs.js';
import type { HistoryService } from './history-service.js';
import type { ProgramService } from './program-service.js';
import type { SettingsService } from './settings-service.js';

/** Something said on the shell: news (files that all came in) or a problem. */
export interface Notice {
  readonly text: string;
  readonly news: boolean;
}

export class DataService extends EventTarget {
  #outcomes: FileOutcome[] = [];
  #usage: StorageUsage | null | undefined = undefined;
  #persistence: Persistence = 'not-asked';
  #problem: string | null = null;
  #notices: readonly Notice[] = [];
  #importProgress: ImportProgress | null = null;
  /** Imports run one after another: the one before, settled either way. */
  #importQueue: Promise<unknown> = Promise.resolve();
  /** Imports asked for and not yet done; one asked for while another is not done joins its outcomes. */
  #importsNotDone = 0;
  #runsExport: RunsExport | null = null;

  constructor(
    private readonly settings: SettingsService,
    private readonly history: HistoryService,
    /** Read again after a restore, so the program on screen is the restored one, not written over it. */
    private readonly program: Pick<ProgramService, 'reload'> | null = null,
  ) {
    super();
  }

  /**
   * One line per file of the last import or restore: what came in, or why not. An import's lines
   * come as each file is done, and an import picked while another runs adds to that one's.
   */
  get outcomes(): readonly FileOutcome[] {
    return this.#outcomes;
  }
  /** How far the file being read has come, while it is a big one (over 2 MB); else null (null again once it is done). */
  get importProgress(): ImportProgress | null {
    return this.#importProgress;
  }
  /** Stored data the app cannot use as it is (for example written by a newer version). */
  get problem(): string | null {
    return this.#problem;
  }
  /** How much the browser keeps: null when it does not say, undefined until asked (the Settings page words both). */
  get usage(): StorageUsage | null | undefined {
    return this.#usage;
  }
  /** Whether the browser promised to keep our data (asked at the first recording). */
  get persistence(): Persistence {
    return this.#persistence;
  }
  /**
   * What the shell says until the runner dismisses it, oldest first: what the store check found or
   * repaired, what became of files opened with the app. Each is kept until dismissed, so one never
   * hides another (they come from separate work that may end in either order).
   */
  get notices(): readonly Notice[] {
    return this.#notices;
  }
  /** Says something on the shell, after what it already says. */
  announce(text: string, news: boolean): void {
    this.#notices = [...this.#notices, { text, news }];
    this.dispatchEvent(new Event('change'));
  }
  /** The runner has read this notice. */
  dismissNotice(notice: Notice): void {
    this.#notices = this.#notices.filter((shown) => shown !== notice);
    this.dispatchEvent(new Event('change'));
  }

  /** Brings stored data up to this version's format before anything reads it. */
  async migrate(): Promise<boolean> {
    try {
      // Nearly always current: one key read, and the migrations load only when there is work.
      if (await schemaIsCurrent()) return true;
      const { migrateStore } = await import('../store/migrations.js');
      await migrateStore();
      return true;
    } catch (error) {
      this.#problem = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(new Event('change'));
      return false;
    }
  }

  /**
   * Asks the browser to keep our data when a run first starts recording in this visit: when there
   * is something worth keeping, and not at every start (Firefox asks the runner, so not unprompted).
   */
  askForStorageAtFirstRecording(recording: EventTarget & { readonly state: string }): void {
    const onChange = (): void => {
      if (recording.state !== 'recording') return;
      recording.removeEventListener('change', onChange);
      void this.protectStorage();
    };
    recording.addEventListener('change', onChange);
  }

  /** Asks the browser to keep our data under storage pressure, then reads the usage. */
  async protectStorage(): Promise<void> {
    this.#persistence = (await requestPersistentStorage()) ? 'granted' : 'refused';
    await this.refreshUsage();
  }

  async refreshUsage(): Promise<void> {
    const usage = await storageUsage();
    // Kept already (granted in an earlier visit, or by the browser itself): say so before asking.
    if (usage?.persisted) this.#persistence = 'granted';
    this.#usage = usage;
    this.dispatchEvent(new Event('change'));
  }

  /** Checks the store against its index after start (loaded then, so start does not wait for it). */
  async checkStore(): Promise<void> {
    try {
      const { checkStore } = await import('../store/store-check.js');
      const { repaired, found } = await checkStore();
      if (repaired.length === 0 && found.length === 0) return;
      // A history already on screen was read before the repairs: it shows them once read again.
      if (repaired.length > 0 && this.history.loaded) void this.history.load();
      this.announce(`Stored data was checked: ${[...repaired, ...found].join(' ')}`, false);
    } catch (error) {
      this.announce(`Stored data could not be checked: ${error instanceof Error ? error.message : String(error)}`, false);
    }
  }

  /**
   * Files picked while an import runs (the page stays live during a big one) wait for it: one file
   * read at a time, so the progress bar names the file being read, and no outcome is lost.
   * `afterEach` is awaited after each file, before the next is read (shared files are let go of one by one).
   */
  importFiles(files: readonly File[], afterEach?: (outcome: FileOutcome) => Promise<void>): Promise<FileOutcome[]> {
    const joins = this.#importsNotDone > 0;
    this.#importsNotDone++;
    return this.afterImports(() => this.#import(files, joins, afterEach)).finally(() => this.#importsNotDone--);
  }

  /** `work` once every import asked for so far is done, before any asked for later (a restore from a backup folder). */
  afterImports<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#importQueue.then(work);
    this.#importQueue = run.then(() => undefined, () => undefined);
    return run;
  }

  /** Resolves with these files' own outcomes (a stored run's carries its id). */
  async #import(files: readonly File[], joins: boolean, afterEach?: (outcome: FileOutcome) => Promise<void>): Promise<FileOutcome[]> {
    const { importRunFiles } = await import('./data-files.js');
    if (!joins) this.#outcomes = [];
    const outcomes = await importRunFiles(
      files,
      { ...this.settings.settings.zones },
      (progress) => {
        this.#importProgress = progress;
        this.dispatchEvent(new Event('change'));
      },
      (outcome) => {
        this.#outcomes = [...this.#outcomes, outcome];
        // Done: the bar does not go on naming it while the files after it are read.
        this.#importProgress = null;
        this.dispatchEvent(new Event('change'));
        return afterEach?.(outcome);
      },
    );
    await this.history.load();
    await this.refreshUsage();
    return outcomes;
  }

  /** The backup file; what it had to leave out is said with the outcomes, as the browser keeps it all. */
  async backup(): Promise<{ blob: Blob; fileName: string }> {
    const { blob, fileName, leftOut } = await (await import('./data-files.js')).createBackupFile();
    this.#outcomes =
      leftOut.length === 0
        ? []
        : [{ fileName, ok: false, message: `This backup leaves out what could not be restored (it stays in this browser): ${leftOut.join(' ')}` }];
    this.dispatchEvent(new Event('change'));
    return { blob, fileName };
  }

  /** The zip of runs being written (how far) or last written (what went in, what was left out). */
  get runsExport(): RunsExport | null {
    return this.#runsExport;
  }

  #setRunsExport(state: RunsExport | null): void {
    this.#runsExport = state;
    this.dispatchEvent(new Event('change'));
  }

  /**
   * One zip of the runs `ids` (every stored run when null); null when none could go in (`runsExport`
   * says why). Asked again while one is being written, it refuses at once: busy is set before
   * anything is awaited, so a double click does not write two zips.
   */
  async exportRuns(ids: readonly string[] | null, format: RunsExport['format']): Promise<{ blob: Blob; fileName: string } | null> {
    if (this.#runsExport?.writing) return null;
    // The last export's message goes as this one starts.
    this.#setRunsExport({ format, writing: true, progress: null, message: null, ok: true });
    try {
      const { exportRuns } = await this.loadRunsExporter();
      return await exportRuns(this.history, ids, format, (state) => this.#setRunsExport(state));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.#setRunsExport({
        format, writing: false, progress: null, ok: false,
        message: `The zip could not be written: the app's export code did not load (${why.replace(/\.+$/, '')}). Check the connection and try again.`,
      });
      return null;
    }
  }

  /** The runner left the page that showed the last export's message: it is not shown again elsewhere. */
  forgetRunsExport(): void {
    if (this.#runsExport === null || this.#runsExport.writing) return;
    this.#setRunsExport(null);
  }

  /** A chunk fetched on the first export (it can fail to load, offline after an update). */
  protected loadRunsExporter(): Promise<typeof import('./export-runs.js')> {
    return import('./export-runs.js');
  }

  async restore(file: File): Promise<void> {
    const { restoreBackupFile } = await import('./data-files.js');
    const outcome = await restoreBackupFile(file);
    this.#outcomes = [outcome];
    if (outcome.ok) {
      await this.settings.load();
      await this.history.load();
      await this.program?.reload();
    }
    await this.refreshUsage();
  }
}
