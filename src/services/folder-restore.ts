// "Restore from the folder": every FIT file in the backup folder read in the import worker, as an
// import is, and stored under the run id the file carries, with the name and notes the folder's
// index keeps for it (a FIT file has no place for them) and the zones the file says its time in
// zone was counted with. A run already stored here (by id, never by name) is skipped, unless the
// folder's copy changed later (the same run, changed in another browser since): that copy replaces
// it, and is said apart, so "restore again once the drive has finished" brings it; an equal or
// older copy never overwrites a run, and a run being recorded is never touched. Two files of one
// id (a cloud drive's conflicted copy) give the one changed last, whatever they are called. Files with no Stridewise
// id (a watch's own), TCX files and the rest are left for the ordinary import, and said.

import { ImportError } from '../export/import-error.js';
import type { RecordedSession } from '../session/recorded-session.js';
import { summarizeSamples } from '../session/session-summary.js';
import { type CadenceZones, sameZones } from '../session/zones.js';
import { INDEX_FILE_NAME, parseIndex } from '../store/backup-folder-index.js';
import { listSessions } from '../store/session-store.js';
import { sessionsRecordedNow } from '../store/unfinished-sessions.js';
import { changedAtOf } from '../session/changed-at.js';
import { type FolderFailure, type FolderHandle, failureOf, fileIn, fileNamesIn, textIn } from '../store/backup-folder-files.js';
import type { FileOutcome } from './data-files.js';
import { RESTORE_AGAIN, type RestoreCounts, restoreSummary, withRestoreAdvice } from './folder-restore-words.js';
import { type FolderFiles, folderFiles } from './folder-restore-files.js';

export { restoreSummary } from './folder-restore-words.js';

/** A run stored here, as a restore weighs the folder's copy of it. */
export interface StoredRun {
  changedAt: number;
  /** Being recorded (in any tab) or left unfinished: never replaced. */
  recording: boolean;
}

export interface FolderRestore {
  /** One line per file that was refused; files added or skipped are counted in `summary`. */
  outcomes: FileOutcome[];
  /** "Added 3 runs; 5 already here were skipped." and what became of every other file. */
  summary: string;
  /** The ids stored, each once. */
  added: string[];
  /** The ids of runs stored before that the folder's newer copy replaced. */
  updated: string[];
}

export interface RestoreWork {
  zones: CadenceZones;
  /** Ids stored here now. */
  storedIds: ReadonlySet<string>;
  /** What a stored run is (its changedAt, whether it is recorded now); read from the session store when not given. */
  storedRun?: (id: string) => Promise<StoredRun | null>;
  /**
   * A file read in the import worker: the run in it (its time in zone counted with `zones`), the
   * Stridewise run the file says it is, and the zones the file says the run was counted with.
   */
  read: (
    file: File,
    zones: CadenceZones,
  ) => Promise<{ session: RecordedSession; fileRun: { id: string; changedAt: number } | null; fileZones?: CadenceZones | null }>;
  save: (session: RecordedSession, changedAt: number) => Promise<void>;
  /** The worker is let go once the folder is read. */
  done?: () => void;
}

/** The run with its time in zone counted by the zones it was recorded with, where the file says. */
function withOwnZones(session: RecordedSession, zones: CadenceZones | null | undefined): RecordedSession {
  if (!zones || sameZones(zones, session.meta.zones)) return session;
  const { zoneTimes } = summarizeSamples(session.samples, zones, session.meta.gaps);
  return { meta: { ...session.meta, zones: { ...zones }, zoneTimes }, samples: session.samples };
}

/**
 * How the folder failed, when it is the folder (gone, or its permission) and not one file: a file
 * missing or unreadable is the file's, unless the folder itself can no longer be listed.
 */
async function folderFailure(dir: FolderHandle, error: unknown): Promise<FolderFailure | null> {
  if (error !== null && failureOf(error) === 'permission') return 'permission';
  try {
    await fileNamesIn(dir);
    return null;
  } catch (listing) {
    return failureOf(listing) === 'permission' ? 'permission' : 'gone';
  }
}

/** Stored runs as the session store and the recording locks say, read once when first asked. */
function storedRunsInStore(): (id: string) => Promise<StoredRun | null> {
  let runs: Promise<Map<string, StoredRun>> | null = null;
  const read = async (): Promise<Map<string, StoredRun>> => {
    const [summaries, recordedNow] = await Promise.all([listSessions(), sessionsRecordedNow()]);
    return new Map(summaries.map((run) => [run.id, { changedAt: changedAtOf(run), recording: run.status === 'recording' || recordedNow.has(run.id) }]));
  };
  return async (id) => (await (runs ??= read())).get(id) ?? null;
}

const messageOf = (error: unknown): string => {
  const said = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ImportError)) return said;
  // An empty file in a synced folder is most often a cloud drive's placeholder for one not yet copied.
  if (error.problem === 'empty') return `The file is empty: it holds no data at all. ${RESTORE_AGAIN}`;
  return withRestoreAdvice(said);
};

export async function restoreFromFolder(dir: FolderHandle, work: RestoreWork): Promise<FolderRestore> {
  const index = parseIndex(await textIn(dir, INDEX_FILE_NAME)).index;
  const found: FolderFiles = folderFiles(await fileNamesIn(dir), index);
  const outcomes: FileOutcome[] = [];
  /** Each run stored by this restore, with the changedAt of the copy stored and how many files hold it. */
  const restored = new Map<string, { changedAt: number; files: number }>();
  const skipped = new Set<string>();
  /** Stored runs this restore replaced by the folder's newer copy, with the changedAt now stored. */
  const updated = new Map<string, number>();
  const storedRun = work.storedRun ?? storedRunsInStore();
  let withoutId = 0;
  let vanished = 0;
  let stopped: RestoreCounts['stopped'];
  try {
    for (const [at, name] of found.fit.entries()) {
      try {
        const file = await fileIn(dir, name);
        if (file === null) {
          const failure = await folderFailure(dir, null);
          if (failure !== null) {
            stopped = { failure, unread: found.fit.length - at };
            break;
          }
          vanished++;
          continue;
        }
        const { session, fileRun, fileZones } = await work.read(file, work.zones);
        if (fileRun === null) {
          withoutId++;
          continue;
        }
        const entry = index.runs[fileRun.id];
        const own = withOwnZones(session, fileZones);
        const meta = { ...own.meta, id: fileRun.id, name: entry?.name ?? own.meta.name, notes: entry?.notes ?? '' };
        if (work.storedIds.has(fileRun.id)) {
          const kept = updated.has(fileRun.id) ? { changedAt: updated.get(fileRun.id)!, recording: false } : await storedRun(fileRun.id);
          // Only a copy changed later replaces a stored run: never an equal or older one, never a run recorded now.
          if (kept === null || kept.recording || fileRun.changedAt <= kept.changedAt) {
            skipped.add(fileRun.id);
            continue;
          }
          await work.save({ meta, samples: own.samples }, fileRun.changedAt);
          updated.set(fileRun.id, fileRun.changedAt);
          continue;
        }
        const earlier = restored.get(fileRun.id);
        if (earlier) earlier.files++;
        // Another copy of a run this restore stored: it replaces that one only if it changed later.
        if (earlier && earlier.changedAt >= fileRun.changedAt) continue;
        await work.save({ meta, samples: own.samples }, fileRun.changedAt);
        restored.set(fileRun.id, { changedAt: fileRun.changedAt, files: earlier?.files ?? 1 });
      } catch (error) {
        const failure = error instanceof ImportError ? null : await folderFailure(dir, error);
        if (failure !== null) {
          stopped = { failure, unread: found.fit.length - at };
          break;
        }
        outcomes.push({ fileName: name, ok: false, message: messageOf(error) });
      }
    }
  } finally {
    work.done?.();
  }
  const copied = [...restored.values()].filter((run) => run.files > 1);
  const summary = restoreSummary({
    added: restored.size,
    updated: updated.size,
    skipped: [...skipped].filter((id) => !updated.has(id)).length,
    withoutId,
    refused: outcomes.length,
    copies: { runs: copied.length, files: copied.reduce((sum, run) => sum + run.files, 0) },
    tcx: found.tcx,
    others: found.others,
    vanished,
    ...(stopped ? { stopped } : {}),
  });
  return { outcomes, added: [...restored.keys()], updated: [...updated.keys()], summary };
}
