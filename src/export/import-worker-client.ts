// The page's side of the import worker: one worker, started by the first file of an import and
// ended when the import is done (stopImportWorker), so nothing is kept alive or waited on while the
// app is idle (issue 20: no timers while idle), reads each file into the session to store. A file the worker refuses
// rejects with the same ImportError (problem and words) the reader gives on the page. Where a
// browser cannot run a module worker, the file is read on the page, as before issue 20.

import type { RecordedSession } from '../session/recorded-session.js';
import type { CadenceZones } from '../session/zones.js';
import { ImportError } from './import-error.js';
import type { ImportReply, ImportRequest, ImportTimes } from './import-worker.js';
import type { FileRun } from './fit-run-id.js';

/** The worker file's address in the production build (build.mjs); elsewhere the source beside this one. */
declare const STRIDE_IMPORT_WORKER_URL: string | undefined;

/** The worker's share of an import's progress; the page stores the run in the rest. */
export const WORKER_SHARE = 0.95;

export interface WorkerRead {
  session: RecordedSession;
  /** Where the worker's time went; null when the file was read on the page. */
  times: ImportTimes | null;
  /** The Stridewise run the file says it holds (our own FIT), or null. */
  fileRun: FileRun | null;
  /** The zones our own FIT says the run's time in zone was counted with, or null. */
  fileZones: CadenceZones | null;
}

interface Pending {
  onProgress: (fraction: number) => void;
  resolve: (read: WorkerRead) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextRequest = 1;
const pending = new Map<number, Pending>();

function stopWorker(): void {
  worker?.terminate();
  worker = null;
}

/**
 * Ends the worker once no file is waiting on it (an import's batch is done); the next file starts
 * another (some tens of ms). Kept while another caller's file is still being read.
 */
export function stopImportWorker(): void {
  if (pending.size === 0) stopWorker();
}

function startWorker(): Worker {
  const url = typeof STRIDE_IMPORT_WORKER_URL === 'string' ? STRIDE_IMPORT_WORKER_URL : new URL('./import-worker.ts', import.meta.url);
  const started = new Worker(url, { type: 'module', name: 'import' });
  started.addEventListener('message', ({ data }: MessageEvent<ImportReply>) => {
    const waiting = pending.get(data.request);
    if (!waiting) return;
    if (data.kind === 'progress') {
      waiting.onProgress(data.fraction);
      return;
    }
    pending.delete(data.request);
    if (data.kind === 'session') waiting.resolve({ session: data.session, times: data.times, fileRun: data.fileRun, fileZones: data.fileZones });
    else if (data.kind === 'refused') waiting.reject(new ImportError(data.problem, data.message));
    else waiting.reject(new Error(data.message));
  });
  // A worker that cannot load or that dies (out of memory on a huge file) fails what it was reading.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    const message = `The file could not be read: the browser stopped the reader (${event.message || 'no reason given'}). Nothing was changed.`;
    for (const waiting of pending.values()) waiting.reject(new Error(message));
    pending.clear();
    stopWorker();
  });
  return started;
}

async function readOnPage(file: File, zones: CadenceZones, id: string): Promise<WorkerRead> {
  const { readRunFile } = await import('./read-run-file.js');
  const { importedSession } = await import('./imported-session.js');
  const run = await readRunFile(file);
  return {
    session: importedSession(run, zones, { id, fileName: file.name }),
    times: null,
    fileRun: run.fileRun ?? null,
    fileZones: run.fileZones ?? null,
  };
}

const canRunWorker = (): boolean => typeof Worker === 'function';

/**
 * `file` read into the session to store (id `id`), off the page's thread; `onProgress` hears the
 * share done (0 to WORKER_SHARE, never going back). Rejects with an ImportError for a file that is no run.
 */
export function readInWorker(file: File, zones: CadenceZones, id: string, onProgress: (fraction: number) => void = () => {}): Promise<WorkerRead> {
  if (!canRunWorker()) return readOnPage(file, zones, id);
  try {
    worker ??= startWorker();
  } catch {
    return readOnPage(file, zones, id);
  }
  const request = nextRequest++;
  let shown = 0;
  return new Promise<WorkerRead>((resolve, reject) => {
    pending.set(request, {
      onProgress: (fraction) => {
        if (fraction * WORKER_SHARE <= shown) return;
        shown = fraction * WORKER_SHARE;
        onProgress(shown);
      },
      resolve,
      reject,
    });
    worker!.postMessage({ request, file, zones, id } satisfies ImportRequest);
  });
}
