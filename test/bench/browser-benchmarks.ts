// Benchmarks that run inside headless Chromium (bundled and injected by test/bench/run.mjs).
import { parseRscMeasurement } from '../../src/ble/rsc.js';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { historyBenchmarks } from './history-benchmarks.js';
import { memoryWhileRecording } from './memory-benchmark.js';
import { storeBenchmarks } from './store-benchmarks.js';

const THREE_HOURS_S = 3 * 3600;
const RUNS = 5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
};
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/** Measurements per second through parseRscMeasurement over a mix of real-world shapes. */
function parserThroughput(): number {
  const vectors = [
    encodeRscMeasurement({ speedMps: 3.1, cadence: 172, strideLengthM: 1.08, totalDistanceM: 4321.5, isRunning: true }),
    encodeRscMeasurement({ speedMps: 2.4, cadence: 160, strideLengthM: null, totalDistanceM: 10, isRunning: true }),
    encodeRscMeasurement({ speedMps: 0, cadence: 0, strideLengthM: null, totalDistanceM: null, isRunning: false }),
  ].map((bytes) => new DataView(bytes.buffer));
  const n = 1_000_000;
  let sink = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++) sink += parseRscMeasurement(vectors[i % 3]!).cadence;
  const elapsed = performance.now() - started;
  if (sink === 42) console.log(sink);
  return n / (elapsed / 1000);
}

/** Time from a measurement arriving to tiles and both charts redrawn, with 3 h already charted. */
async function liveUpdateCost(wholeRun: boolean): Promise<number[]> {
  const pod = new SimulatedFootpod({ seed: 7 });
  const services = createServices({ simulator: () => pod });
  const page = document.createElement('stride-live-page') as StrideLivePage;
  page.services = services;
  page.style.width = '1200px';
  document.body.replaceChildren(page);
  await services.footpod.simulate();
  pod.disconnect(); // drive the clock by hand from here on
  pod.emitSeconds(THREE_HOURS_S);
  page.wholeRun = wholeRun;
  await page.updateComplete;
  await nextFrame();

  const charts = [...page.shadowRoot!.querySelectorAll('stride-live-chart')];
  const plots = charts.map((chart) => chart.plot!);
  // The whole run is drawn from its lowest and highest sample per pixel-wide bucket, so check
  // the span it covers rather than its number of points.
  const xs = plots[0]!.data[0]!;
  const covered = xs[xs.length - 1]! - xs[0]!;
  if (covered < (wholeRun ? THREE_HOURS_S - 60 : 299)) throw new Error(`chart covers ${covered} s, not the run`);
  let drawn = 0;
  for (const plot of plots) plot.hooks.draw = [...(plot.hooks.draw ?? []), () => drawn++];

  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    drawn = 0;
    const started = performance.now();
    pod.emitSeconds(1);
    await page.updateComplete;
    await Promise.all(charts.map((chart) => chart.updateComplete));
    await Promise.resolve();
    if (drawn < plots.length) throw new Error(`expected ${plots.length} redraws, saw ${drawn}`);
    times.push(performance.now() - started);
    if (i % 20 === 0) await nextFrame();
  }
  page.remove();
  return times;
}

async function stridewiseBench(): Promise<string[]> {
  const lines: string[] = [];
  const throughput = Array.from({ length: RUNS }, parserThroughput);
  lines.push(`Parser throughput: median ${(median(throughput) / 1e6).toFixed(1)} M measurements/s over ${RUNS} runs of 1,000,000 (min ${(Math.min(...throughput) / 1e6).toFixed(1)} M)`);
  for (const wholeRun of [false, true]) {
    const medians: number[] = [];
    const p95s: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const times = await liveUpdateCost(wholeRun);
      medians.push(median(times));
      p95s.push(percentile(times, 0.95));
    }
    lines.push(
      `Live update (tiles + cadence and stride charts, 3 h charted, showing ${wholeRun ? 'whole run' : 'last 5 min'}): ` +
        `median ${median(medians).toFixed(2)} ms, p95 ${median(p95s).toFixed(2)} ms ` +
        `(medians of ${RUNS} runs × 200 updates; run medians ${medians.map((m) => m.toFixed(2)).join(', ')}; target median < 1 ms)`,
    );
  }
  lines.push('', 'Store (IndexedDB):', ...(await storeBenchmarks()));
  lines.push('', 'History and weeks with 520 stored sessions:', ...(await historyBenchmarks()));
  lines.push('', 'Memory while recording 3 simulated hours:', ...(await memoryWhileRecording()));
  return lines;
}

Object.assign(window, { stridewiseBench });
declare global {
  interface Window {
    stridewiseBench: () => Promise<string[]>;
  }
}
