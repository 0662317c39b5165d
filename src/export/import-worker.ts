// The import worker: reads a watch file into the session the app stores, off the page's thread,
// so a 7 MB TCX does not freeze the page for seconds. The same reader as on the page
// (read-run-file.ts), with xml-tree.ts for XML as a worker has no DOMParser. The samples come back
// as typed-array columns, transferred, so the page does no work to receive 20,000 points.
// Built as its own file (build.mjs); loaded by import-worker-client.ts.

import type { RecordedSession } from '../session/recorded-session.js';
import type { FileRun } from './fit-run-id.js';
import type { CadenceZones } from '../session/zones.js';
import { ImportError, type ImportProblem } from './import-error.js';
import { importedSession } from './imported-session.js';
import { readRunFile } from './read-run-file.js';
import { parseXml } from './xml-tree.js';

export interface ImportRequest {
  /** Tells the answers of one request from another's. */
  request: number;
  file: File;
  zones: CadenceZones;
  id: string;
}

/** Where the worker's time went, ms, for the bench. */
export interface ImportTimes {
  read: number;
  parse: number;
  decode: number;
  derive: number;
}

export type ImportReply =
  | { request: number; kind: 'progress'; fraction: number }
  | { request: number; kind: 'session'; session: RecordedSession; times: ImportTimes; fileRun: FileRun | null; fileZones: CadenceZones | null }
  | { request: number; kind: 'refused'; problem: ImportProblem; message: string }
  | { request: number; kind: 'failed'; message: string };

// How far the worker's work has come (0 to 1) at the end of each step: reading the bytes, XML, decoding, deriving.
const READ_SHARE = 0.05;
const PARSE_SHARE = 0.8;
const DECODE_SHARE = 0.95;

const reply = (message: ImportReply, transfer: Transferable[] = []): void => postMessage(message, { transfer });

async function read({ request, file, zones, id }: ImportRequest): Promise<void> {
  const progress = (fraction: number): void => reply({ request, kind: 'progress', fraction });
  const started = performance.now();
  let parseStarted = Number.NaN;
  let parseEnded = Number.NaN;
  const run = await readRunFile(file, (xml) => {
    parseStarted = performance.now();
    progress(READ_SHARE);
    try {
      return parseXml(xml, (fraction) => progress(READ_SHARE + fraction * (PARSE_SHARE - READ_SHARE)));
    } finally {
      parseEnded = performance.now();
      progress(PARSE_SHARE);
    }
  });
  const decoded = performance.now();
  progress(DECODE_SHARE);
  const session = importedSession(run, zones, { id, fileName: file.name });
  const derived = performance.now();
  progress(1);
  const isXml = Number.isFinite(parseStarted);
  // A FIT file's bytes are read and decoded in one step: its time is all decode.
  const times: ImportTimes = {
    read: isXml ? parseStarted - started : 0,
    parse: isXml ? parseEnded - parseStarted : 0,
    decode: decoded - (isXml ? parseEnded : started),
    derive: derived - decoded,
  };
  // Each column its own buffer, listed once (a buffer listed twice cannot be transferred).
  const buffers = new Set(Object.values(session.samples).map((column: ArrayBufferView) => column.buffer as ArrayBuffer));
  // The file's own run id and zones, for a restore from a backup folder; an import stores the run under `id`.
  reply({ request, kind: 'session', session, times, fileRun: run.fileRun ?? null, fileZones: run.fileZones ?? null }, [...buffers]);
}

addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const { request } = event.data;
  read(event.data).catch((error: unknown) => {
    if (error instanceof ImportError) reply({ request, kind: 'refused', problem: error.problem, message: error.message });
    else reply({ request, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  });
});
