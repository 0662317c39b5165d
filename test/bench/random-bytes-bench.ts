// Random bytes through the emulated footpod's measurement characteristic for RANDOM_BYTES_S
// seconds (default 120) into the live page: packets delivered, skipped as unreadable, and
// whether the page kept going (the short version is stride-live-page.random-bytes.bluetooth.test.ts).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DISTANCE_PRESENT, STRIDE_PRESENT } from '../../src/ble/rsc-flags.js';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { answerChooserWith, clickAsRunner, sendMeasurements, setupEmulatedFootpod, teardownEmulatedFootpod } from '../support/emulated-footpod.js';
import { finishRun } from '../support/finish-run.js';
import { randomPacket, seededRandom, truncatedPacket } from '../support/random-packets.js';

declare const gc: (() => void) | undefined;
const { randomBytesS } = (window as unknown as { benchParams: { randomBytesS: number } }).benchParams;
const heap = () => (gc?.(), (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20);
const unreadable = (b: Uint8Array): boolean => b.length < 4 + (b.length && b[0]! & STRIDE_PRESENT ? 2 : 0) + (b.length && b[0]! & DISTANCE_PRESENT ? 4 : 0);

useSeparateDatabase('stride-bench-random-bytes');

it(`random bytes for ${randomBytesS} s`, async () => {
  await setupEmulatedFootpod({ name: 'Stryd' });
  const services = createServices({ bluetooth: () => new WebBluetoothFootpod(undefined, { retryDelaysMs: [50] }) });
  const page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
  await answerChooserWith('select');
  await clickAsRunner('stride-live-page >>> stride-connection-panel >>> #pair');
  await waitUntil(() => services.footpod.source?.state === 'connected', 'connected', { timeout: 5000 });
  const consoleErrors: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => void consoleErrors.push(args.map(String).join(' '));
  const random = seededRandom(0xb17e5);
  const heapBefore = heap();
  const started = performance.now();
  let sent = 0;
  let skipped = 0;
  let lastReadable: Uint8Array | null = null;
  try {
    while (performance.now() - started < randomBytesS * 1000) {
      // Half any bytes, half bytes too short for their own flags.
      const batch = Array.from({ length: 500 }, (_, i) => (i % 2 ? randomPacket(random) : truncatedPacket(random)));
      await sendMeasurements(batch);
      sent += batch.length;
      skipped += batch.filter(unreadable).length;
      lastReadable = batch.filter((p) => !unreadable(p)).at(-1) ?? lastReadable;
    }
  } finally {
    console.error = consoleError;
  }
  const seconds = (performance.now() - started) / 1000;
  await page.updateComplete;
  const session = services.footpod.session!;
  const shown = page.shadowRoot!.querySelector('#skipped')?.textContent?.trim();
  console.log(
    [
      `Random bytes through the emulated footpod: ${sent.toLocaleString('en')} packets in ${seconds.toFixed(0)} s (${Math.round(sent / seconds)}/s)`,
      `  unreadable: ${skipped.toLocaleString('en')} sent, ${session.malformedCount.toLocaleString('en')} counted; the page says "${shown}"`,
      `  last readable packet shown: ${session.latest?.sent?.cadence === lastReadable?.[3] ? 'yes' : 'NO'}; link ${services.footpod.source?.state}`,
      `  heap after gc: ${heapBefore.toFixed(2)} MB before, ${heap().toFixed(2)} MB after; console errors: ${consoleErrors.length}`,
    ].join('\n'),
  );
  expect(session.malformedCount).to.equal(skipped);
  expect(consoleErrors).to.deep.equal([]);
  await finishRun(services);
  await teardownEmulatedFootpod();
});
