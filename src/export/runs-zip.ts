// Many runs as one zip, for a bulk upload to Strava or another service. Each file inside is named
// as that run's single download, so a runner who has uploaded some one by one sees the same names.
// Runs are read and encoded one at a time, with a pause for the page between them, and the zip's
// bytes are handed to Blobs as they come: 300 hour-long runs never sit in memory at once, and the
// finished zip is held once (by the browser's blob store), not once more as an array. Each run is
// written in the encode worker (Garmin's encoder takes about 0.3 s an hour of run, which froze the
// page run after run); the page only deflates it (a few ms at the levels below).
//
// Loaded only when a runner asks for a zip (fflate with it; the writers load in the worker).

import { Zip, ZipDeflate } from 'fflate';
import { exportFileName, runsZipName } from './download-name.js';
import { encodeRunInWorker, stopEncodeWorker } from './encode-worker-client.js';
import type { RecordedSession } from '../session/recorded-session.js';
import { nextTask } from './next-task.js';

export type ZipFormat = 'fit' | 'tcx';

/** A run to put in the zip: read only when its turn comes. */
export interface RunToZip {
  /** How the runner knows it (its title), to name it if it is left out. */
  title: string;
  /** The whole run, or null when it is no longer stored. */
  load: () => Promise<RecordedSession | null>;
}

export interface LeftOut {
  title: string;
  why: string;
}

export interface RunsZip {
  blob: Blob;
  fileName: string;
  /** Runs in the zip. */
  count: number;
  leftOut: LeftOut[];
}

export interface ZipProgress {
  done: number;
  total: number;
}

/**
 * Deflate level for each format, measured on a 1-hour run at 1 Hz with a footpod's jitter. A FIT
 * file is packed binary, but its records repeat field for field: level 1 takes it from 70.4 KB to
 * 42.5 KB (8 ms), level 6 only to 42.1 KB, so 1 pays and more does not. TCX is XML: 1.2 MB becomes
 * 64.7 KB at level 1 and 48.6 KB at level 6 (18 ms), which is worth it for a file this size.
 */
export const deflateLevels: Readonly<Record<ZipFormat, 1 | 6>> = { fit: 1, tcx: 6 };

/** DOS dates (what a zip stores) cover 1980 to 2099 in fflate; a start outside is kept at the nearest end. */
const FIRST_ZIP_TIME = new Date(1980, 0, 1).getTime();
const LAST_ZIP_TIME = new Date(2099, 11, 31, 23, 59, 58).getTime();
const zipTime = (startedAt: number): number =>
  Number.isFinite(startedAt) ? Math.min(LAST_ZIP_TIME, Math.max(FIRST_ZIP_TIME, startedAt)) : FIRST_ZIP_TIME;

/** `name`, or "name (2).ext", "name (3).ext"… when taken; records the one returned. Case is ignored, as Windows and macOS do. */
export function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Writes `runs` (in the order given) into one zip. A run that cannot be read or written is left
 * out and named in `leftOut`; the others still go.
 */
export async function zipRuns(
  runs: readonly RunToZip[],
  format: ZipFormat,
  options: { at?: number; onProgress?: (progress: ZipProgress) => void; between?: () => Promise<void> } = {},
): Promise<RunsZip> {
  const between = options.between ?? nextTask;
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else pending.push(chunk);
  });
  // The chunks so far become a Blob, which the browser may keep outside the page's heap.
  const settle = () => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending as BlobPart[]));
    pending = [];
  };
  const taken = new Set<string>();
  const leftOut: LeftOut[] = [];
  let count = 0;
  try {
    for (const [i, entry] of runs.entries()) {
      options.onProgress?.({ done: i, total: runs.length });
      await between();
      try {
        const run = await entry.load();
        if (!run) {
          leftOut.push({ title: entry.title, why: 'it was deleted meanwhile' });
          continue;
        }
        const bytes = await encodeRunInWorker(run, format);
        const file = new ZipDeflate(uniqueName(exportFileName(run.meta, format), taken), { level: deflateLevels[format] });
        file.mtime = zipTime(run.meta.startedAt);
        zip.add(file);
        file.push(bytes, true);
        count++;
      } catch (error) {
        leftOut.push({ title: entry.title, why: reason(error) });
      }
      if (failure) throw failure;
      settle();
    }
  } finally {
    // The worker ends with the zip, so nothing is left running once the export is over.
    stopEncodeWorker();
  }
  zip.end();
  if (failure) throw failure;
  settle();
  options.onProgress?.({ done: runs.length, total: runs.length });
  return { blob: new Blob(parts, { type: 'application/zip' }), fileName: runsZipName(format, options.at ?? Date.now()), count, leftOut };
}
