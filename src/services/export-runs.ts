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
  /** From the moment it is asked for until it is written or refused: no other export starts meanwhile. */
  writing: boolean;
  /** While the runs are written: runs done of those going in (one total throughout). Null before and after. */
  progress: ZipProgress | null;
  /** Once done: what went in and what was left out, in words. */
  message: string | null;
  /** False when something was left out or nothing could be written. */
  ok: boolean;
}

const runs = (n: number): string => `${n} run${n === 1 ? '' : 's'}`;

/** A reason that is a sentence of its own loses its full stop inside brackets or before ours. */
const clause = (why: string): string => why.trim().replace(/\.+$/, '');

/** "“Run 3 Dec 2026, 07:00” (it was deleted meanwhile)", joined with semicolons. */
const named = (left: readonly { title: string; why: string }[]): string => left.map((l) => `“${l.title}” (${clause(l.why)})`).join('; ');

/** "The zip could not be written: <why>." with one full stop, whatever `why` ends with. */
export const notWritten = (why: string): string => `The zip could not be written: ${clause(why)}.`;

/** What the runner reads once the zip is done. Runs being recorded are information, not a problem. */
export function exportMessage(count: number, fileName: string, leftOut: readonly { title: string; why: string }[], recording = 0): string {
  const said = [
    count > 0 ? `Exported ${runs(count)} as ${fileName}.` : leftOut.length + recording > 0 ? 'Nothing was exported.' : 'Nothing was exported: there is no run to put in it.',
  ];
  if (leftOut.length > 0) said.push(`Left out ${runs(leftOut.length)}: ${named(leftOut)}.`);
  if (recording > 0) {
    const them = recording === 1 ? 'The run being recorded' : `The ${recording} runs being recorded`;
    said.push(count > 0 ? `${them} ${recording === 1 ? 'is' : 'are'} not in it; export ${recording === 1 ? 'it' : 'them'} once saved.` : `${them} can be exported once saved.`);
  }
  return said.join(' ');
}

/** The stored runs to zip, oldest first (the order a service lists uploads): all, or those of `ids` still stored. */
export function runsToExport(sessions: readonly SessionSummary[], ids: readonly string[] | null): SessionSummary[] {
  const wanted = ids === null ? null : new Set(ids);
  return sessions.filter((s) => wanted === null || wanted.has(s.id)).sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * Writes the zip, telling `report` how far it is after each run and what it did at the end.
 * Resolves with the file to download, or null when no run could go in. The list and which runs are
 * being recorded are read again first: another tab may have saved, deleted or finished a run since
 * the page read them. A run being recorded is left out (its file would end where the recording
 * stood); so is one that cannot be read or written.
 */
export async function exportRuns(
  history: HistoryService,
  ids: readonly string[] | null,
  format: ZipFormat,
  report: (state: RunsExport) => void,
): Promise<{ blob: Blob; fileName: string } | null> {
  const done = (message: string, ok: boolean) => report({ format, writing: false, progress: null, message, ok });
  try {
    const asShown = history.sessions;
    await history.load();
    if (history.problem !== null) {
      done(notWritten(history.problem), false);
      return null;
    }
    const picked = runsToExport(history.sessions, ids);
    const gone = ids === null ? [] : asShown.filter((s) => ids.includes(s.id) && !picked.some((p) => p.id === s.id));
    const recording = picked.filter((s) => history.isRecordingNow(s.id));
    const toZip = picked.filter((s) => !recording.includes(s));
    const progress = (p: ZipProgress) => report({ format, writing: true, progress: p, message: null, ok: true });
    progress({ done: 0, total: toZip.length });
    const [{ zipRuns }, { loadSession }] = await Promise.all([import('../export/runs-zip.js'), import('./history-store.js')]);
    const zipped = await zipRuns(
      toZip.map((s) => ({ title: sessionTitle(s), load: () => loadSession(s.id) })),
      format,
      { onProgress: progress },
    );
    const leftOut = [...gone.map((s) => ({ title: sessionTitle(s), why: 'it was deleted meanwhile' })), ...zipped.leftOut];
    done(exportMessage(zipped.count, zipped.fileName, leftOut, recording.length), leftOut.length === 0 && zipped.count + recording.length > 0);
    return zipped.count > 0 ? { blob: zipped.blob, fileName: zipped.fileName } : null;
  } catch (error) {
    done(notWritten(error instanceof Error ? error.message : String(error)), false);
    return null;
  }
}
