// The page's side of the encode worker: a run written as FIT or TCX off the page's thread, byte
// for byte the file the page writes (the same writers, fit.ts and tcx.ts). One worker, started by the first
// run of a batch and ended by the caller when the batch is done (stopEncodeWorker), so nothing is
// kept alive or waited on while the app is idle (issue 20: no timers while idle).
//
// The run goes to the worker as a structured clone, not transferred: the caller keeps its columns
// (a transfer would empty them), and the page still has the run to write itself if the worker
// fails. The clone of an hour-long run (12 columns of 3,600 samples, about 200 KB) costs 0.3-0.5 ms,
// as much as copying its columns to transfer the copies (0.1-0.6 ms), against the encoder's 0.25 s
// and more (test/bench/runs-zip-bench.ts measures all three).
//
// Where the worker cannot run (no module workers, a worker file that does not load: offline before
// it was cached, a policy that refuses it), each run is written on the page instead, as before: a
// slower export, never a failed one.

import type { RecordedSession } from '../session/recorded-session.js';
import type { EncodeFormat } from './encode-run.js';
import type { EncodeReply, EncodeRequest } from './encode-worker.js';

/** The worker file's address in the production build (build.mjs); elsewhere the source beside this one. */
declare const STRIDE_ENCODE_WORKER_URL: string | undefined;

interface Pending {
  session: RecordedSession;
  format: EncodeFormat;
  resolve: (bytes: Uint8Array<ArrayBuffer>) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
/** Set when the worker failed to start or died: the rest of the batch is written on the page. */
let workerFailed = false;
let nextRequest = 1;
const pending = new Map<number, Pending>();

/** The error the encoder threw on the page: the same kind where it is a built-in one, and the same words. */
const errorKinds: Readonly<Record<string, ErrorConstructor>> = { RangeError, TypeError, SyntaxError, ReferenceError };
function errorLike(name: string, message: string): Error {
  const error = new (errorKinds[name] ?? Error)(message);
  error.name = name;
  return error;
}

/**
 * The run written on the page, as encode-run.ts writes it in the worker. The writers load as the
 * single download loads them (export-run.ts), so the app's build makes no other chunk of them.
 */
async function onPage(session: RecordedSession, format: EncodeFormat): Promise<Uint8Array<ArrayBuffer>> {
  if (format === 'fit') return (await import('./fit.js')).encodeFit(session);
  return new TextEncoder().encode((await import('./tcx.js')).encodeTcx(session));
}

function stopWorker(): void {
  worker?.terminate();
  worker = null;
}

/**
 * Ends the worker once no run is waiting on it (a batch is done); the next run starts another
 * (some tens of ms), and tries the worker again after one that failed. Kept while another
 * caller's run is still being written.
 */
export function stopEncodeWorker(): void {
  if (pending.size > 0) return;
  stopWorker();
  workerFailed = false;
}

/** The runs the worker held, written on the page in the order they were asked for. */
async function writeOnPage(runs: Pending[]): Promise<void> {
  for (const { session, format, resolve, reject } of runs) await onPage(session, format).then(resolve, reject);
}

function startWorker(): Worker {
  const url = typeof STRIDE_ENCODE_WORKER_URL === 'string' ? STRIDE_ENCODE_WORKER_URL : new URL('./encode-worker.ts', import.meta.url);
  const started = new Worker(url, { type: 'module', name: 'encode' });
  started.addEventListener('message', ({ data }: MessageEvent<EncodeReply>) => {
    const waiting = pending.get(data.request);
    if (!waiting) return;
    pending.delete(data.request);
    if (data.kind === 'bytes') waiting.resolve(data.bytes);
    else waiting.reject(errorLike(data.name, data.message));
  });
  // A worker that does not load (or dies) leaves its runs to the page rather than failing the export.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    workerFailed = true;
    stopWorker();
    const waiting = [...pending.values()];
    pending.clear();
    void writeOnPage(waiting);
  });
  return started;
}

const canRunWorker = (): boolean => typeof Worker === 'function';

/**
 * `session` as the bytes of its single download in `format`, written off the page's thread.
 * Rejects with the error the page's encoder gives for a run that cannot be written (its name and
 * words). Call stopEncodeWorker when the batch is done.
 */
export function encodeRunInWorker(session: RecordedSession, format: EncodeFormat): Promise<Uint8Array<ArrayBuffer>> {
  if (workerFailed || !canRunWorker()) return onPage(session, format);
  try {
    worker ??= startWorker();
  } catch {
    workerFailed = true;
    return onPage(session, format);
  }
  const request = nextRequest++;
  try {
    worker.postMessage({ request, session, format } satisfies EncodeRequest);
  } catch {
    // A run the browser cannot copy (it was never one the store gave) is written, or refused, on the page.
    return onPage(session, format);
  }
  return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => pending.set(request, { session, format, resolve, reject }));
}
