// Random bytes through the footpod's measurement characteristic on Chromium's own Web Bluetooth
// stack (emulated adapter and pod, real GATT, real 'characteristicvaluechanged'), into the live
// page: nothing may throw, the tiles keep the last values that could be read, and the page says
// how many packets were skipped. The minutes-long version: `npm run bench -- random-bytes`.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { DISTANCE_PRESENT, STRIDE_PRESENT } from '../../src/ble/rsc-flags.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { answerChooserWith, clickAsRunner, sendMeasurements, setupEmulatedFootpod, teardownEmulatedFootpod } from '../support/emulated-footpod.js';
import { finishRun } from '../support/finish-run.js';
import { randomPacket, seededRandom, truncatedPacket } from '../support/random-packets.js';

const PAIR = 'stride-live-page >>> stride-connection-panel >>> #pair';
const SEED = 0x5eed10;

/** Unreadable by the RSC spec itself, not by our parser: shorter than the fields its flags announce. */
const unreadable = (bytes: Uint8Array): boolean =>
  bytes.length === 0 || bytes.length < 4 + (bytes[0]! & STRIDE_PRESENT ? 2 : 0) + (bytes[0]! & DISTANCE_PRESENT ? 4 : 0);

useSeparateDatabase('stride-test-live-page-random-bytes');

describe('stride-live-page fed random bytes through the emulated footpod', () => {
  let services: AppServices;
  let page: StrideLivePage;
  const tile = (id: string) => page.shadowRoot!.querySelector<StrideMetricTile>(`#${id}`)!.value;
  const skippedText = () => page.shadowRoot!.querySelector('#skipped')?.textContent?.trim() ?? null;

  afterEach(async () => {
    await finishRun(services);
    await teardownEmulatedFootpod();
  });

  it('keeps the last good values through thousands of bad packets and shows how many it skipped', async function () {
    // About 5 s on an idle machine (each packet is a real GATT read); room for a loaded one.
    this.timeout(60_000);
    await setupEmulatedFootpod({ name: 'Stryd' });
    services = createServices({ bluetooth: () => new WebBluetoothFootpod(undefined, { retryDelaysMs: [50] }) });
    page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
    await answerChooserWith('select');
    await clickAsRunner(PAIR);
    await waitUntil(() => services.footpod.source?.state === 'connected', 'connected', { timeout: 5000 });
    const random = seededRandom(SEED);

    const good = Array.from({ length: 6 }, (_, i) =>
      encodeRscMeasurement({ speedMps: 3, cadence: 172, strideLengthM: 1.05, totalDistanceM: 500 + 3 * i, isRunning: true }),
    );
    const garbage = Array.from({ length: 500 }, () => truncatedPacket(random));
    await sendMeasurements([...good, ...garbage]);
    await page.updateComplete;
    expect(services.footpod.session!.malformedCount).to.equal(500);
    expect(services.footpod.session!.samples.length).to.equal(6);
    expect([tile('cadence'), tile('pace'), tile('stride'), tile('distance')]).to.deep.equal(['172', '5:33', '1.05', '0.01']);
    expect(skippedText()).to.equal('500 unreadable measurements skipped in this run.');
    expect(page.shadowRoot!.querySelector('.problem')!.textContent).to.match(/could not be read/);

    // Any bytes at all: some read as measurements (however wild), the rest are skipped.
    const mixed = Array.from({ length: 1000 }, () => randomPacket(random));
    await sendMeasurements(mixed);
    await page.updateComplete;
    const skipped = 500 + mixed.filter(unreadable).length;
    const lastReadable = mixed.filter((p) => !unreadable(p)).at(-1)!;
    const session = services.footpod.session!;
    expect(session.malformedCount).to.equal(skipped);
    expect(session.samples.length).to.equal(6 + mixed.length - (skipped - 500));
    expect(session.latest!.sent?.cadence, 'the last readable packet is the one shown').to.equal(lastReadable[3]);
    expect(session.latest!.rawSpeedMps).to.equal((lastReadable[1]! | (lastReadable[2]! << 8)) / 256);
    expect(skippedText()).to.equal(`${skipped.toLocaleString('en')} unreadable measurements skipped in this run.`);
    expect(services.footpod.source!.state, 'the link survived').to.equal('connected');
  });
});
