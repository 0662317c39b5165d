// The zip of many hour-long runs, as "Export all" writes it (see runs-zip.config.mjs).
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
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

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return heap();
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
    it(`${RUNS} one-hour runs as a ${format.toUpperCase()} zip`, async function () {
      this.timeout(1_800_000);
      const services = createServices();
      await services.history.load();
      const before = await settledHeap();
      let peak = before;
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      // Every 25 runs, what the heap keeps after a collection: the zip so far lives in Blobs, not here.
      const kept: number[] = [];
      services.data.addEventListener('change', () => {
        peak = Math.max(peak, heap());
        const done = services.data.runsExport?.progress?.done ?? 0;
        if (done > 0 && done % 25 === 0 && gc) {
          gc();
          kept.push(heap() - before);
        }
      });
      const sampler = setInterval(() => (peak = Math.max(peak, heap())), 20);
      const t0 = performance.now();
      const file = await services.data.exportRuns(null, format);
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      const after = await settledHeap();
      tasks.sort((a, b) => a - b);
      const longest = tasks.at(-1) ?? 0;
      const median = tasks[Math.floor(tasks.length / 2)] ?? 0;
      console.log(
        `${format.toUpperCase()}: ${services.data.runsExport?.message} ${seconds.toFixed(1)} s (${((seconds * 1000) / RUNS).toFixed(0)} ms a run), ` +
          `zip ${MB(file!.blob.size)}, long tasks: ${tasks.length}, median ${median.toFixed(0)} ms, longest ${longest.toFixed(0)} ms (the five longest ${tasks.slice(-5).map((t) => t.toFixed(0)).join(', ')}), heap peak ${MB(peak - before)} above the ${MB(before)} before, ${MB(after - before)} after; kept every 25 runs: ${[...new Set(kept)].map(MB).join(', ')}`,
      );
    });
  }
});
