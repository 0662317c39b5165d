// Heap while recording 3 simulated hours through the whole app path (simulator bytes → live
// session → recorder → SessionWriter → IndexedDB). Flat means: growth per hour no more than the
// samples themselves take (the live columns and the recorder's columns, as allocated).
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { kvStore } from '../../src/store/kv.js';

declare global {
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

const HOUR_S = 3600;
/** Live columns: 5 × Float64; recorded: t, distance Float64, 3 × Float32, flags Uint8. */
const BYTES_PER_SAMPLE = 5 * 8 + (2 * 8 + 3 * 4 + 1);

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    collectGarbage?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.memory?.usedJSHeapSize ?? Number.NaN;
}

export async function memoryWhileRecording(): Promise<string[]> {
  if (!performance.memory || !collectGarbage) return ['(skipped: needs --enable-precise-memory-info and --expose-gc)'];
  await clear(kvStore());
  const pod = new SimulatedFootpod({ seed: 3 });
  const services = createServices({ simulator: () => pod }, { flushIntervalMs: 100 });
  await services.footpod.simulate();
  services.recording.start();
  const heaps = [await settledHeap()];
  for (let hour = 0; hour < 3; hour++) {
    // A simulated minute at a time, letting the writer flush in between as it would live.
    for (let minute = 0; minute < 60; minute++) {
      pod.emitSeconds(60);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    heaps.push(await settledHeap());
  }
  const samples = services.recording.recorder!.sampleCount;
  const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
  services.recording.stop();
  await saved;
  services.footpod.disconnect();
  const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
  const growth = heaps.slice(1).map((h, i) => h - heaps[i]!);
  const sampleBytesPerHour = HOUR_S * BYTES_PER_SAMPLE;
  return [
    `Heap after 0/1/2/3 h: ${heaps.map(mb).join(' / ')} MB (${samples.toLocaleString('en')} samples recorded and written)`,
    `Growth per hour: ${growth.map(mb).join(' / ')} MB; the samples themselves: ${mb(sampleBytesPerHour)} MB per hour ` +
      `(columns grow by doubling, so one hour can show up to twice that)`,
  ];
}
