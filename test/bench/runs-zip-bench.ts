// The zip of many hour-long runs, as "Export all" writes it (see runs-zip.config.mjs), each format
// twice in the same page and store: runs written in the encode worker (as the app does), then on
// the page (the worker hidden, as a browser without one, and as the zip was before): the page's
// long tasks (over 50 ms, as the browser reports them) side by side. Each long task is put down to
// the zip's own deflate (fflate) or to anything else by the JS Self-Profiling API's samples within
// it (the config sends the Document-Policy it needs): the target is no task over 50 ms but the
// deflate's. The deflate of each file is timed alone on the same runs too, and the cost of handing
// a run to the worker (a structured clone) against copying its columns to transfer them.
import { clear } from 'idb-keyval';
import { deflateSync } from 'fflate';
import { encodeRun } from '../../src/export/encode-run.js';
import { deflateLevels } from '../../src/export/runs-zip.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession, saveSession } from '../../src/store/session-store.js';
import { noisyRun } from '../support/hour-runs.js';

declare global {
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

const settings = globalThis as { stridewiseZipRuns?: number; stridewiseZipFormats?: string };
const RUNS = settings.stridewiseZipRuns ?? 100;
const FORMATS = (settings.stridewiseZipFormats ?? 'fit,tcx').split(',') as ('fit' | 'tcx')[];
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => performance.memory?.usedJSHeapSize ?? Number.NaN;
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
/** Runs timed alone for the deflate and the clone: enough for a median and a maximum. */
const SAMPLED = Math.min(RUNS, 10);

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return heap();
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)] ?? 0;
const timed = (work: () => void): number => {
  const t0 = performance.now();
  work();
  return performance.now() - t0;
};

/** The JS Self-Profiling API, where the page's Document-Policy allows it. */
interface ProfilerTrace {
  samples: { timestamp: number; stackId?: number }[];
  stacks: { frameId: number; parentId?: number }[];
  frames: { resourceId?: number }[];
  resources: string[];
}
declare const Profiler: (new (options: { sampleInterval: number; maxBufferSize: number }) => { stop(): Promise<ProfilerTrace> }) | undefined;

/** Whether a sample's stack runs through fflate: the zip's deflate. */
function inDeflate(trace: ProfilerTrace, stackId: number | undefined): boolean {
  for (let id = stackId; id !== undefined; id = trace.stacks[id]!.parentId) {
    const { resourceId } = trace.frames[trace.stacks[id]!.frameId]!;
    if (resourceId !== undefined && trace.resources[resourceId]!.includes('/fflate/')) return true;
  }
  return false;
}

/** The long tasks most of whose samples are not in the deflate (all of them, where the page cannot profile). */
function notDeflate(tasks: PerformanceEntry[], trace: ProfilerTrace | null): number[] {
  return tasks
    .filter((task) => {
      if (!trace) return true;
      const within = trace.samples.filter((s) => s.timestamp >= task.startTime && s.timestamp <= task.startTime + task.duration);
      return within.filter((s) => inDeflate(trace, s.stackId)).length * 2 < within.length;
    })
    .map((task) => task.duration);
}

/** A zip of every stored run, with the page's long tasks meanwhile. */
async function zipAll(format: 'fit' | 'tcx', where: 'worker' | 'page'): Promise<string> {
  const services = createServices();
  await services.history.load();
  const hidden = globalThis.Worker;
  // Without Worker the client writes on the page: the zip as it was before the encode worker.
  if (where === 'page') (globalThis as { Worker?: unknown }).Worker = undefined;
  const before = await settledHeap();
  let peak = before;
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => void entries.push(...list.getEntries()));
  observer.observe({ type: 'longtask', buffered: false });
  services.data.addEventListener('change', () => (peak = Math.max(peak, heap())));
  const sampler = setInterval(() => (peak = Math.max(peak, heap())), 20);
  const profiler = typeof Profiler === 'function' ? new Profiler({ sampleInterval: 5, maxBufferSize: 1_000_000 }) : null;
  const t0 = performance.now();
  try {
    const file = await services.data.exportRuns(null, format);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    const trace = (await profiler?.stop()) ?? null;
    const after = await settledHeap();
    const tasks = entries.map((task) => task.duration);
    const longest = sorted(tasks);
    const others = sorted(notDeflate(entries, trace));
    return (
      `${format.toUpperCase()} on the ${where.padEnd(6)}: ${services.data.runsExport?.message} ${seconds.toFixed(1)} s (${((seconds * 1000) / RUNS).toFixed(0)} ms a run), ` +
      `zip ${MB(file!.blob.size)}, long tasks: ${tasks.length}, median ${median(tasks).toFixed(0)} ms, longest ${(longest.at(-1) ?? 0).toFixed(0)} ms ` +
      `(the five longest ${ms(longest.slice(-5))}); ${trace ? `not the deflate: ${others.length}, longest ${(others.at(-1) ?? 0).toFixed(0)} ms` : 'no profiler, so not told apart'}; ` +
      `heap peak ${MB(peak - before)} above the ${MB(before)} before, ${MB(after - before)} after`
    );
  } finally {
    clearInterval(sampler);
    observer.disconnect();
    await profiler?.stop().catch(() => null);
    if (where === 'page') globalThis.Worker = hidden;
  }
}

/** The page's share of a zip, each piece timed alone on the first runs: what no worker takes from it. */
async function pagePieces(format: 'fit' | 'tcx'): Promise<string> {
  const runs: RecordedSession[] = [];
  for (let i = 0; i < SAMPLED; i++) runs.push((await loadSession(`run-${i}`))!);
  const deflate: number[] = [];
  const encode: number[] = [];
  const clone: number[] = [];
  const copies: number[] = [];
  for (const run of runs) {
    const t0 = performance.now();
    const bytes = await encodeRun(run, format);
    encode.push(performance.now() - t0);
    deflate.push(timed(() => deflateSync(bytes, { level: deflateLevels[format] })));
    clone.push(timed(() => structuredClone(run)));
    // The other way to hand a run over: each column copied, so the copies can be transferred (a transfer itself costs nothing).
    copies.push(timed(() => Object.values(run.samples).map((column: Float64Array | Float32Array | Uint8Array) => column.slice())));
  }
  const range = (values: number[]) => `median ${median(values).toFixed(1)}, max ${Math.max(...values).toFixed(1)} ms`;
  return (
    `${format.toUpperCase()}, ${SAMPLED} runs timed alone: encode on the page ${range(encode)}; deflate ${range(deflate)}; ` +
    `hand-over: structured clone ${range(clone)}, columns copied to transfer ${range(copies)}`
  );
}

describe('zip of runs: benchmark', () => {
  before(async function () {
    this.timeout(1_800_000);
    useSeparateDatabase('stride-bench-runs-zip');
    await clear(kvStore());
    const day = 86_400_000;
    for (let i = 0; i < RUNS; i++) await saveSession(noisyRun(`run-${i}`, new Date(2026, 0, 1, 7, 0).getTime() + i * day, 60, i + 1));
  });

  for (const format of FORMATS) {
    it(`${RUNS} one-hour runs as a ${format.toUpperCase()} zip, written in the worker and on the page`, async function () {
      this.timeout(1_800_000);
      console.log(await zipAll(format, 'worker'));
      console.log(await zipAll(format, 'page'));
      console.log(await pagePieces(format));
    });
  }
});
