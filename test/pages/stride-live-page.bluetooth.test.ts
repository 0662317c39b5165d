// The live page paired to a footpod through Chromium's own Web Bluetooth stack (emulated adapter
// and peripheral, real chooser, real GATT): what a runner sees from the click to the numbers.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import type { StrideLiveChart } from '../../src/components/stride-live-chart.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession } from '../../src/store/session-store.js';
import {
  answerChooserWith,
  clickAsRunner,
  dropLink,
  failNextConnections,
  operationLog,
  sendMeasurement,
  setupEmulatedFootpod,
  teardownEmulatedFootpod,
} from '../support/emulated-footpod.js';
import { appTheme } from '../support/app-theme.js';
import { finishRun } from '../support/finish-run.js';

const PAIR = 'stride-live-page >>> stride-connection-panel >>> #pair';
const tile = (page: StrideLivePage, id: string) => page.shadowRoot!.querySelector<StrideMetricTile>(`#${id}`)!;
const stateText = (page: StrideLivePage) =>
  page.shadowRoot!.querySelector('stride-connection-panel')!.shadowRoot!.querySelector('.state')!.textContent!.replace(/\s+/g, ' ').trim();
const measurement = (cadence: number, totalDistanceM: number) =>
  encodeRscMeasurement({ speedMps: 3, cadence, strideLengthM: 1.2, totalDistanceM, isRunning: true });

let services: AppServices;
let page: StrideLivePage;

async function openLivePage(): Promise<void> {
  services = createServices({ bluetooth: () => new WebBluetoothFootpod(undefined, { retryDelaysMs: [50, 100, 200] }) });
  page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
}

/** The Sensors section's closed line: the pod, its battery, the strap and the treadmill. */
const sensorsLine = (page: StrideLivePage) => page.shadowRoot!.querySelector('#sensors')!.shadowRoot!.querySelector('#status')!.textContent;
const zoneWord = (page: StrideLivePage) => page.shadowRoot!.querySelector('#zone')!.textContent!.trim();

async function tilesShow(id: string, value: string): Promise<void> {
  await waitUntil(() => tile(page, id).value === value, `${id} tile shows ${value} (it shows ${tile(page, id).value})`, { timeout: 5000 });
}

useSeparateDatabase('stride-test-live-page-bluetooth');

describe('stride-live-page paired through the emulated Web Bluetooth stack', () => {
  afterEach(async () => {
    await finishRun(services);
    await teardownEmulatedFootpod();
  });

  it('pairs from the button through the chooser, reads the pod, and shows its bytes in tiles and chart', async () => {
    await setupEmulatedFootpod({ name: 'Stryd <b>Pod</b>', battery: 64, sensorLocation: 2 });
    await openLivePage();
    await answerChooserWith('select');
    await clickAsRunner(PAIR);
    await waitUntil(() => services.footpod.source?.state === 'connected', 'connected', { timeout: 5000 });
    await page.updateComplete;

    const log = await operationLog();
    const did = (op: string, target: string) => log.some((e) => e.op === op && e.target === target && e.code === 0);
    expect(log.some((e) => e.op === 'chooser-select'), 'chosen in the chooser').to.equal(true);
    expect(did('read', '2a54'), 'feature read').to.equal(true);
    expect(did('read', '2a5d'), 'sensor location read').to.equal(true);
    expect(did('subscribe-to-notifications', '2a53'), 'subscribed to measurements').to.equal(true);
    expect(services.footpod.source!.info.sensorLocation).to.equal(2);

    expect(stateText(page)).to.equal('Connected · Stryd <b>Pod</b>');
    expect(page.shadowRoot!.querySelector('stride-connection-panel')!.shadowRoot!.querySelector('b') === null).to.equal(true);
    await waitUntil(() => sensorsLine(page) === 'Stryd <b>Pod</b> · 64 % · no strap · no treadmill', 'the pod and its battery in the Sensors line', { timeout: 5000 });

    await sendMeasurement(measurement(170, 1000));
    await sendMeasurement(measurement(172, 1003));
    await sendMeasurement(measurement(174, 1006));
    await tilesShow('stride', '1.20');
    await tilesShow('cadence', '172'); // 5 s smoothing: mean of 170, 172, 174
    expect(tile(page, 'pace').value).to.equal('5:33');
    expect(zoneWord(page)).to.equal('Target');
    await customElements.whenDefined('stride-live-chart'); // loaded with the first session
    const chart = page.shadowRoot!.querySelector<StrideLiveChart>('#cadence-chart')!;
    await chart.updateComplete;
    expect(Array.from(chart.plot!.data[1]!)).to.deep.equal([170, 172, 174]);
    expect(services.footpod.session!.latest!.distanceM).to.equal(6);
  });

  it('shows "reconnecting" when the link drops and carries on with the same run once it is back', async () => {
    await setupEmulatedFootpod({ name: 'Stryd' });
    await openLivePage();
    await answerChooserWith('select');
    await clickAsRunner(PAIR);
    await waitUntil(() => services.footpod.source?.state === 'connected', 'connected', { timeout: 5000 });
    await sendMeasurement(measurement(176, 500));
    await tilesShow('cadence', '176');
    const session = services.footpod.session;

    await failNextConnections(1);
    await dropLink();
    await waitUntil(() => stateText(page).startsWith('Reconnecting'), 'reconnecting shown', { timeout: 5000 });
    expect(sensorsLine(page)).to.equal('Stryd reconnecting… · no strap · no treadmill');
    await waitUntil(() => services.footpod.source?.state === 'connected', 'connected again', { timeout: 10_000 });
    await page.updateComplete;
    expect(stateText(page)).to.equal('Connected · Stryd');

    await sendMeasurement(measurement(178, 503));
    await waitUntil(() => services.footpod.session!.samples.length === 2, 'second sample');
    expect(services.footpod.session).to.equal(session);
    expect(services.footpod.session!.latest!.distanceM).to.equal(3);
    const connections = (await operationLog()).filter((e) => e.op === 'connection');
    expect(connections.length, 'first connect, one failed retry, one good retry').to.be.at.least(3);
  });

  it('returns quietly to "not connected" when the runner cancels the chooser', async () => {
    await setupEmulatedFootpod({ name: 'Stryd' });
    await openLivePage();
    await answerChooserWith('cancel');
    await clickAsRunner(PAIR);
    await waitUntil(() => services.footpod.source?.state === 'idle', 'back to idle', { timeout: 5000 });
    await page.updateComplete;
    expect(stateText(page)).to.equal('Not connected');
    expect(page.shadowRoot!.querySelector('stride-connection-panel')!.shadowRoot!.querySelector('.message') === null, 'no message').to.equal(true);
    expect((await operationLog()).some((e) => e.op === 'chooser-cancel')).to.equal(true);
  });

  it('offers the remembered footpod after a reload and reconnects without the chooser', async () => {
    await setupEmulatedFootpod({ name: 'Stryd' });
    await openLivePage();
    await answerChooserWith('select');
    await clickAsRunner(PAIR);
    await waitUntil(() => services.footpod.source?.state === 'connected', 'paired', { timeout: 5000 });
    services.footpod.disconnect();
    page.remove();

    // What main.ts does after a reload: fresh services, then look for a footpod paired before.
    await openLivePage();
    await services.footpod.findRemembered();
    await page.updateComplete;
    const panel = page.shadowRoot!.querySelector('stride-connection-panel')!;
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('#reconnect')!.textContent!.trim()).to.equal('Reconnect Stryd');
    const choosersBefore = (await operationLog()).filter((e) => e.op === 'chooser-opened').length;
    await clickAsRunner('stride-live-page >>> stride-connection-panel >>> #reconnect');
    await waitUntil(() => services.footpod.source?.state === 'connected', 'reconnected', { timeout: 10_000 });
    const choosersAfter = (await operationLog()).filter((e) => e.op === 'chooser-opened').length;
    expect(choosersAfter, 'no chooser for a remembered footpod').to.equal(choosersBefore);
    await sendMeasurement(measurement(171, 10));
    await tilesShow('cadence', '171');
  });

  it('says when Bluetooth is off or missing, refuses pairing until it is back, and pairs then', async () => {
    // Chromium's emulation models a missing adapter; a powered-off one still pairs there.
    await setupEmulatedFootpod({ name: 'Stryd', adapter: 'absent' });
    await openLivePage();
    const panel = page.shadowRoot!.querySelector('stride-connection-panel')!;
    const message = () => panel.shadowRoot!.querySelector('.message')?.textContent ?? '';
    const button = (id: string) => panel.shadowRoot!.querySelector<HTMLButtonElement>(`#${id}`)!;
    await waitUntil(() => /Bluetooth is off or missing/.test(message()), `adapter-off message (saw "${message()}")`, { timeout: 5000 });
    expect(message()).to.match(/Try without a footpod/);
    expect(button('pair').disabled, 'pairing refused').to.equal(true);
    expect(button('simulate').disabled).to.equal(false);
    expect(button('simulate').classList.contains('primary'), 'trying without a footpod is the main button').to.equal(true);

    await setupEmulatedFootpod({ name: 'Stryd' });
    await clickAsRunner('stride-live-page >>> stride-connection-panel >>> #check-bluetooth');
    await waitUntil(() => !button('pair').disabled, 'pairing offered once Bluetooth is back', { timeout: 5000 });
    await answerChooserWith('select');
    await clickAsRunner(PAIR);
    await waitUntil(() => services.footpod.source?.state === 'connected', 'paired after Bluetooth came on', { timeout: 5000 });
    await waitUntil(() => message() === '', 'message cleared');
  });

  it('records across a dropped link: the gap is kept and the run goes on after the reconnect', async () => {
    await setupEmulatedFootpod({ name: 'Stryd' });
    await openLivePage();
    await answerChooserWith('select');
    await clickAsRunner(PAIR);
    await waitUntil(() => services.footpod.source?.state === 'connected', 'connected', { timeout: 5000 });
    await services.recording.start();
    for (let i = 0; i < 3; i++) await sendMeasurement(measurement(172, 100 + 3 * i));
    await waitUntil(() => services.recording.recorder!.sampleCount === 3, 'three recorded');

    await dropLink();
    await waitUntil(() => services.footpod.source?.state === 'connected', 'back', { timeout: 10_000 });
    for (let i = 0; i < 3; i++) await sendMeasurement(measurement(176, 130 + 3 * i));
    await waitUntil(() => services.recording.recorder!.sampleCount === 6, 'recording continued');
    const id = services.recording.recorder!.id;
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;

    const stored = (await loadSession(id))!;
    expect(stored.meta.deviceName).to.equal('Stryd');
    expect(Array.from(stored.samples.cadence)).to.deep.equal([172, 172, 172, 176, 176, 176]);
    expect(stored.meta.gaps.map((g) => g.reason)).to.deep.equal(['link-lost']);
    expect(stored.meta.gaps[0]!.fromT).to.equal(stored.samples.t[2]);
    expect(stored.meta.gaps[0]!.toT).to.equal(stored.samples.t[3]);
  });

  it('doubles the cadence of a pod that sends strides, says so once near the footpod panel, and remembers the pod', async () => {
    await setupEmulatedFootpod({ name: 'Polar <i>Stride</i>', address: '0A:0B:0C:0D:0E:1F' });
    await openLivePage();
    await services.settings.load(); // as main.ts does: pods are remembered only once the stored settings are read
    await answerChooserWith('select');
    await clickAsRunner(PAIR);
    await waitUntil(() => services.footpod.source?.state === 'connected', 'connected', { timeout: 5000 });
    const note = () => page.shadowRoot!.querySelectorAll('#cadence-unit-note');
    // 85 strides/min of 2.12 m (two steps) at 3 m/s, as a Polar Stride sends them.
    const strides = (cadence: number, totalDistanceM: number) =>
      encodeRscMeasurement({ speedMps: 3, cadence, strideLengthM: 2.12, totalDistanceM, isRunning: true });

    await sendMeasurement(strides(85, 10));
    await tilesShow('cadence', '170'); // clearly strides on its own: doubled before any decision
    expect(note().length, 'no note before the pod is decided').to.equal(0);
    for (const [i, cadence] of [86, 87, 86, 86].entries()) await sendMeasurement(strides(cadence, 13 + 3 * i));
    await waitUntil(() => services.footpod.session!.samples.length === 5, 'five readings');
    await page.updateComplete;

    expect(tile(page, 'cadence').value).to.equal('172');
    expect(tile(page, 'stride').value).to.equal('1.06');
    expect(zoneWord(page)).to.equal('Target');
    await customElements.whenDefined('stride-live-chart'); // loaded with the first session
    const chart = page.shadowRoot!.querySelector<StrideLiveChart>('#cadence-chart')!;
    // Below the fold of this 800×600 window the chart skips its draws; a runner sees it scrolled into view.
    chart.scrollIntoView();
    await waitUntil(() => chart.plot!.data[1]!.length === 5, 'the chart drawn once in view', { timeout: 5000 });
    expect(Array.from(chart.plot!.data[1]!)).to.deep.equal([170, 172, 174, 172, 172]);
    expect(services.footpod.session!.latest!.sent).to.deep.equal({ cadence: 86, strideLengthM: 2.12 });

    expect(note().length).to.equal(1);
    expect(note()[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Polar <i>Stride</i> sends strides (one foot); Stridewise doubles its cadence to steps/min. Change this in Settings.',
    );
    expect(note()[0]!.querySelector('i') === null, 'the name is text').to.equal(true);
    expect(note()[0]!.querySelector('a')!.getAttribute('href')).to.equal('/settings');
    // The note sits under the cadence and the run's controls, so it never pushes the cadence down.
    const follows = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    expect(follows(page.shadowRoot!.querySelector('.recording')!, note()[0]!), 'the note follows the run controls').to.equal(true);
    expect(follows(note()[0]!, page.shadowRoot!.querySelector('.more')!), 'and comes before the other figures').to.equal(true);
    expect(services.settings.settings.footpods[0]).to.deep.include({ name: 'Polar <i>Stride</i>', detected: 'strides', override: 'auto' });
    expect(services.settings.settings.footpods[0]!.id).to.match(/^bluetooth:./);
    await appTheme; // contrast is checked on the app's own page colours
    await expect(page).to.be.accessible();
  });
});
