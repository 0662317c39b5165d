// Issue 20's big import: a 5.5-hour watch run as TCX (about 7 MB) and as FIT, imported through the
// path Settings uses (importRunFiles, through to the run stored), three times each. Prints the
// whole time from file chosen to run stored, the main thread's long tasks meanwhile (count and
// longest, by PerformanceObserver 'longtask'), and where the time goes: in the import worker (read,
// XML parse, decode, derive; then store on the page), and each step alone on the main thread as
// the reader worked before issue 20 (DOMParser): medians of 3.
// Bundled and run in headless Chromium by test/bench/run.mjs: `npm run bench -- import-big`.

import { clear } from 'idb-keyval';
import { decodeFit } from '../../src/export/fit-decode.js';
import { importedSession } from '../../src/export/imported-session.js';
import { readInWorker } from '../../src/export/import-worker-client.js';
import { decodeTcx, domXml } from '../../src/export/tcx-decode.js';
import { importRunFiles } from '../../src/services/data-files.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { BIG_RUN_S, bigWatchRun } from './import-big-files.js';

const RUNS = 3;
const TARGET_MS = 1_500;
const LONG_TASK_MS = 50;
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number): string => `${Math.round(value)} ms`;

/** Long tasks the browser reports while `work` runs (entries arrive after the task, so wait a frame or two). */
async function withLongTasks<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; longTasks: number[] }> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  const result = await work();
  const elapsed = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return { result, ms: elapsed, longTasks };
}

async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Each step on its own, on the main thread, as the reader did before issue 20. */
async function steps(file: File, kind: 'tcx' | 'fit'): Promise<Record<string, number>> {
  const read = await timed(async () => new Uint8Array(await file.arrayBuffer()));
  const out: Record<string, number> = { read: read.ms };
  let run;
  if (kind === 'tcx') {
    const text = await timed(() => new TextDecoder().decode(read.value));
    out.read! += text.ms;
    const tree = await timed(() => domXml(text.value));
    out.parse = tree.ms;
    // The tree parsed once, handed to the decoder: its time alone, not a difference of two medians' runs.
    const decoded = await timed(() => decodeTcx(text.value, () => tree.value));
    out.decode = decoded.ms;
    run = decoded.value;
  } else {
    const decoded = await timed(() => decodeFit(read.value));
    out.parse = 0;
    out.decode = decoded.ms;
    run = decoded.value;
  }
  const session = await timed(() => importedSession(run, defaultCadenceZones, { id: crypto.randomUUID(), fileName: file.name }));
  out.derive = session.ms;
  out.store = (await timed(() => saveSession(session.value))).ms;
  return out;
}

/** The worker's own account of its steps, and the store after it on the page. */
async function workerSteps(file: File): Promise<Record<string, number>> {
  const { session, times } = await readInWorker(file, defaultCadenceZones, crypto.randomUUID());
  if (!times) throw new Error('the file was read on the page, not in the worker');
  return { ...times, store: (await timed(() => saveSession(session))).ms };
}

async function importBig(): Promise<string[]> {
  useSeparateDatabase('stride-bench-import-big');
  await clear(kvStore());
  const made = await timed(() => bigWatchRun());
  const files = [
    { kind: 'tcx' as const, file: new File([made.value.tcx], 'big-run.tcx') },
    { kind: 'fit' as const, file: new File([made.value.fit], 'big-run.fit') },
  ];
  const lines = [
    `Big import: a ${BIG_RUN_S / 3600}-hour watch run of 1 s records (made in ${ms(made.ms)}), through importRunFiles to the run stored, median of ${RUNS}:`,
  ];
  // Every whole import first: the steps below build DOMParser's trees on the page, whose garbage
  // would be collected in a long task during whatever import came next.
  const wholes = [];
  for (const { kind, file } of files) {
    const whole: number[] = [];
    const counts: number[] = [];
    const longest: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { result, ms: took, longTasks } = await withLongTasks(() => importRunFiles([file], defaultCadenceZones));
      if (!result[0]?.ok) throw new Error(`the big ${kind} was refused: ${result[0]?.message}`);
      whole.push(took);
      counts.push(longTasks.length);
      longest.push(Math.max(0, ...longTasks));
    }
    wholes.push({ whole, counts, longest });
  }
  for (const [n, { kind, file }] of files.entries()) {
    const { whole, counts, longest } = wholes[n]!;
    const split: Record<string, number[]> = {};
    const inWorker: Record<string, number[]> = {};
    for (let i = 0; i < RUNS; i++) {
      for (const [step, value] of Object.entries(await workerSteps(file))) (inWorker[step] ??= []).push(value);
      for (const [step, value] of Object.entries(await steps(file, kind))) (split[step] ??= []).push(value);
    }
    const listed = (table: Record<string, number[]>): string =>
      Object.entries(table).map(([step, values]) => `${step} ${ms(median(values))}`).join(', ');
    const verdict = median(whole) <= TARGET_MS && median(longest) <= LONG_TASK_MS ? 'within' : 'OVER';
    lines.push(
      `  ${kind.toUpperCase()} ${(file.size / 1024 / 1024).toFixed(1)} MB: ${ms(median(whole))} (${verdict} ${ms(TARGET_MS)} and no task over ${LONG_TASK_MS} ms); ` +
        `main-thread long tasks ${median(counts)}, longest ${ms(median(longest))}`,
      `    in the worker: ${listed(inWorker)} (store on the page)`,
      `    each step alone on the main thread, as before issue 20: ${listed(split)}`,
    );
  }
  await clear(kvStore());
  return lines;
}

(window as unknown as { stridewiseImportBig: () => Promise<string[]> }).stridewiseImportBig = importBig;
