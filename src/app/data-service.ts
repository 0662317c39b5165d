// Files in and out of the app as a whole: importing runs from watches, one-file backup and
// restore, and how much the browser is keeping. Readers and the backup code load on first use. A file that cannot be read is refused before
// anything is written, so stored data stays exactly as it was.
//
// Events: 'change' (messages, usage).

import type { RecordedSession } from '../session/recorded-session.js';
import type { HistoryService } from './history-service.js';
import type { SettingsService } from './settings-service.js';

export interface FileOutcome {
  fileName: string;
  ok: boolean;
  message: string;
}

export class DataService extends EventTarget {
  #outcomes: FileOutcome[] = [];
  #usage: string | null = null;
  #persisted = false;
  #problem: string | null = null;

  constructor(
    private readonly settings: SettingsService,
    private readonly history: HistoryService,
  ) {
    super();
  }

  /** One line per file of the last import or restore: what came in, or why not. */
  get outcomes(): readonly FileOutcome[] {
    return this.#outcomes;
  }
  /** Stored data the app cannot use as it is (for example written by a newer version). */
  get problem(): string | null {
    return this.#problem;
  }
  get usage(): string | null {
    return this.#usage;
  }
  get persisted(): boolean {
    return this.#persisted;
  }

  /** Brings stored data up to this version's format before anything reads it. */
  async migrate(): Promise<boolean> {
    try {
      const { migrateStore } = await import('../store/migrations.js');
      await migrateStore();
      return true;
    } catch (error) {
      this.#problem = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(new Event('change'));
      return false;
    }
  }

  /** Asks the browser to keep our data under storage pressure, then reads the usage. */
  async protectStorage(): Promise<void> {
    const { requestPersistentStorage } = await import('../store/storage-status.js');
    this.#persisted = await requestPersistentStorage();
    await this.refreshUsage();
  }

  async refreshUsage(): Promise<void> {
    const { describeUsage, storageUsage } = await import('../store/storage-status.js');
    this.#usage = describeUsage(await storageUsage());
    this.dispatchEvent(new Event('change'));
  }

  async importFiles(files: readonly File[]): Promise<void> {
    const { readRunFile } = await import('../export/read-run-file.js');
    const { saveSession } = await import('../store/session-store.js');
    const { RECORDED_SESSION_SCHEMA, defaultSessionName } = await import('../session/recorder.js');
    const { summarizeSamples } = await import('../session/session-summary.js');
    const outcomes: FileOutcome[] = [];
    for (const file of files) {
      try {
        const run = await readRunFile(file);
        const zones = { ...this.settings.settings.zones };
        const session: RecordedSession = {
          meta: {
            id: crypto.randomUUID(),
            startedAt: run.startedAt,
            name: run.name?.trim() || `${defaultSessionName(run.startedAt, run.sport)} (${file.name})`,
            notes: '',
            deviceName: run.deviceName,
            origin: 'import',
            sport: run.sport,
            treadmill: run.treadmill,
            status: 'complete',
            ...summarizeSamples(run.samples, zones, run.gaps),
            zones,
            laps: run.laps,
            gaps: run.gaps,
            schemaVersion: RECORDED_SESSION_SCHEMA,
          },
          samples: run.samples,
        };
        await saveSession(session);
        outcomes.push({ fileName: file.name, ok: true, message: `Imported “${session.meta.name}”.` });
      } catch (error) {
        outcomes.push({ fileName: file.name, ok: false, message: error instanceof Error ? error.message : String(error) });
      }
    }
    this.#outcomes = outcomes;
    await this.history.load();
    await this.refreshUsage();
  }

  async backup(): Promise<{ blob: Blob; fileName: string }> {
    const { createBackup } = await import('../store/backup.js');
    const blob = await createBackup();
    // The runner's own date, as export file names use (toISOString's UTC date is tomorrow's every evening west of Greenwich).
    const now = new Date();
    const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    return { blob, fileName: `stridewise-backup-${day}.json` };
  }

  async restore(file: File): Promise<void> {
    try {
      const { restoreBackup } = await import('../store/backup.js');
      const { sessions } = await restoreBackup(file);
      this.#outcomes = [{ fileName: file.name, ok: true, message: `Restored ${sessions} session${sessions === 1 ? '' : 's'} and your settings.` }];
      await this.settings.load();
      await this.history.load();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The store's own refusals say it already; say it once.
      const unchanged = message.endsWith('Nothing was changed.') ? message : `${message} Nothing was changed.`;
      this.#outcomes = [{ fileName: file.name, ok: false, message: unchanged }];
    }
    await this.refreshUsage();
  }

}
