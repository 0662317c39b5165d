// The soak, long: SOAK_HOURS (default 1) of pod time at one notification a second, 20 forced
// disconnects and a reload in the middle, through Chromium's emulated Web Bluetooth stack. Prints
// samples expected vs stored, the gaps, and the heap (after gc) at each drop.
import { expect } from '@open-wc/testing';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { setupEmulatedFootpod, teardownEmulatedFootpod } from '../support/emulated-footpod.js';
import { closeSoak, soakRun } from '../support/soak-run.js';

declare const gc: (() => void) | undefined;
const { soakHours } = (window as unknown as { benchParams: { soakHours: number } }).benchParams;
const DISCONNECTS = 20;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
const heapMb = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;

const DATABASE = 'stride-bench-soak';
useSeparateDatabase(DATABASE);

it(`soak: ${soakHours} h of pod time, ${DISCONNECTS} drops and a reload`, async () => {
  await setupEmulatedFootpod({ name: 'Stryd' });
  const heap: number[] = [];
  const samplesPerStretch = Math.round((soakHours * 3600) / (DISCONNECTS + 2));
  const result = await soakRun({
    database: DATABASE,
    disconnects: DISCONNECTS,
    samplesPerStretch,
    outageS: 12,
    reloadAfter: [DISCONNECTS / 2],
    between: () => {
      gc?.();
      heap.push(heapMb());
    },
  });
  const { expected, stored, gaps, consoleErrors, wallMs } = result;
  closeSoak(result);
  await teardownEmulatedFootpod();
  const firstHalf = heap.slice(1, DISCONNECTS / 2);
  const secondHalf = heap.slice(DISCONNECTS / 2 + 1);
  const lines = [
    `Soak through the emulated Bluetooth stack: ${(expected / 3600).toFixed(2)} h of pod time in ${(wallMs / 1000).toFixed(1)} s, ${DISCONNECTS} drops, 1 real reload of the app's page`,
    `  samples expected ${expected}, stored ${stored}${stored === expected ? '' : `  LOST ${expected - stored} (${result.lostAtReload} in the reload)`}`,
    `  gaps: ${gaps.length} (${gaps.filter((g) => g.reason === 'link-lost').length} link-lost), lengths ${[...new Set(gaps.map((g) => g.toT - g.fromT))].join(' / ')} s`,
    `  heap after gc: at the first drop ${mb(heap[0]!)} MB, before the reload ${mb(Math.max(...firstHalf))} MB max, after it ${mb(Math.max(...secondHalf))} MB max, at the end ${mb(heap.at(-1)!)} MB` +
      (typeof gc === 'function' ? '' : ' (no gc(): figures noisy)'),
    `  console errors: ${consoleErrors.length}`,
  ];
  console.log(lines.join('\n'));
  expect(stored).to.equal(expected);
  expect(consoleErrors).to.deep.equal([]);
});
