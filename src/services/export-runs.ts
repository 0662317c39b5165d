// The runs a runner picked (or all of them) as one zip of FIT or TCX files, with progress as each
// run is written and, at the end, one sentence of what went in and what was left out. Loaded on the
// first export, with the store, the zip writer and the file writers.

import type { ZipFormat, ZipProgress } from '../export/runs-zip.js';
import type { SessionSummary } from '../session/recorded-session.js';
import { sessionTitle } from '../session/session-title.js';
import type { HistoryService } from './history-service.js';

/** A zip of runs being written (progress) or written (message). */
export interface RunsExport {
  format: ZipFormat;
  /** While it is written: runs done of all. Null once done. */
  progress: ZipProgress | null;
  /** Once done: what went in and what was left out, in words. */
  message: string | null;
  /** False when something was left out or nothing could be written. */
  ok: boolean;
}

const runs = (n: number): string => `${n} run${n === 1 ? '' : 's'}`;

/** "“Run 3 Dec 2026, 07:00” (it was deleted meanwhile)", joined with semicolons. */
const named = (left: readonly { title: string; why: string }[]): string => left.map((l) => `“${l.title}” (${l.why})`).join('; ');

/** What the runner reads once the zip is done (or was not written). */
export function exportMessage(count: number, fileName: string, leftOut: readonly { title: string; why: string }[]): string {
  const done = count > 0 ? `Exported ${runs(count)} as ${fileName}.` : 'Nothing was exported: no run could be written.';
  return leftOut.length === 0 ? done : `${done} Left out ${runs(leftOut.length)}: ${named(leftOut)}.`;
}

/** The stored runs to zip, oldest first (the order a service lists uploads): all, or those of `ids` still stored. */
export function runsToExport(sessions: readonly SessionSummary[], ids: readonly string[] | null): SessionSummary[] {
  const wanted = ids === null ? null : new Set(ids);
  return sessions.filter((s) => wanted === null || wanted.has(s.id)).sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * Writes the zip, telling `report` how far it is after each run and what it did at the end.
 * Resolves with the file to download, or null when no run could go in. A run being recorded is
 * left out (its file would end where the recording stood); so is one that cannot be read or written.
 */
export async function exportRuns(
  history: HistoryService,
  ids: readonly string[] | null,
  format: ZipFormat,
  report: (state: RunsExport) => void,
): Promise<{ blob: Blob; fileName: string } | null> {
  if (!history.loaded) await history.load();
  const picked = runsToExport(history.sessions, ids);
  report({ format, progress: { done: 0, total: picked.length }, message: null, ok: true });
  try {
    const [{ zipRuns }, { loadSession }] = await Promise.all([import('../export/runs-zip.js'), import('./history-store.js')]);
    const recording = picked.filter((s) => history.isRecordingNow(s.id));
    const zipped = await zipRuns(
      picked.filter((s) => !recording.includes(s)).map((s) => ({ title: sessionTitle(s), load: () => loadSession(s.id) })),
      format,
      { onProgress: (progress) => report({ format, progress, message: null, ok: true }) },
    );
    const leftOut = [...recording.map((s) => ({ title: sessionTitle(s), why: 'it is being recorded' })), ...zipped.leftOut];
    report({ format, progress: null, message: exportMessage(zipped.count, zipped.fileName, leftOut), ok: leftOut.length === 0 });
    return zipped.count > 0 ? { blob: zipped.blob, fileName: zipped.fileName } : null;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    report({ format, progress: null, message: `The zip could not be written: ${why}`, ok: false });
    return null;
  }
}
