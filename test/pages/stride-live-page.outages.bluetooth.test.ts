// Outages mid-run through Chromium's emulated Web Bluetooth stack: the computer's Bluetooth
// turned off (or the adapter gone) and back, a pod that sleeps for minutes, and the computer
// itself asleep (its monotonic clock stopped, the wall clock not). The run keeps
// its samples, the outage is one gap as long as it lasted, and recording goes on by itself.
// The pod's clock is the test's: it moves a second per notification and jumps over an outage.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession } from '../../src/store/session-store.js';
import {
  answerChooserWith,
  clickAsRunner,
  dropLink,
  failNextConnections,
  operationLog,
  sendMeasurements,
  setAdapterState,
  setupEmulatedFootpod,
  teardownEmulatedFootpod,
} from '../support/emulated-footpod.js';
import { finishRun } from '../support/finish-run.js';
import { dropAndReconnect } from '../support/soak-run.js';

const PAIR = 'stride-live-page >>> stride-connection-panel >>> #pair';
const reading = (i: number) => encodeRscMeasurement({ speedMps: 3, cadence: 172, strideLengthM: 1.05, totalDistanceM: 3 * i, isRunning: true });

useSeparateDatabase('stride-test-live-page-outages');

describe('a recorded run through Bluetooth outages on the emulated stack', () => {
  let services: AppServices;
  let page: StrideLivePage;
  const clock = { ms: 0 };
  let sent = 0;

  const stateText = () =>
    page.shadowRoot!.querySelector('stride-connection-panel')!.shadowRoot!.querySelector('.state')!.textContent!.replace(/\s+/g, ' ').trim();
  const run = async (seconds: number) => {
    await sendMeasurements(
      Array.from({ length: seconds }, (_, i) => reading(sent + i)),
      () => (clock.ms += 1000),
    );
    sent += seconds;
    await waitUntil(() => services.recording.recorder!.sampleCount === sent, `recorded ${sent}`, { timeout: 10_000, interval: 5 });
  };
  /** Connection attempts since the adapter went to `state`. */
  const attemptsSince = async (state: string) => {
    const log = await operationLog();
    const from = log.findIndex((e) => e.op === 'adapter' && e.target === state);
    return log.slice(from).filter((e) => e.op === 'connection');
  };
  const stopAndLoad = async () => {
    const id = services.recording.recorder!.id;
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    return (await loadSession(id))!;
  };

  // The wall clock, moved on by `wallAheadMs` (a computer that slept); the recorder takes it at the start.
  const realNow = Date.now;
  let wallAheadMs = 0;

  beforeEach(async () => {
    clock.ms = 0;
    sent = 0;
    wallAheadMs = 0;
    Date.now = () => realNow() + wallAheadMs;
    await setupEmulatedFootpod({ name: 'Stryd' });
    // Retries: quick, and as many as a five-minute outage of the test's clock needs.
    services = createServices({
      bluetooth: () => new WebBluetoothFootpod(undefined, { retryDelaysMs: new Array<number>(60).fill(20), now: () => clock.ms }),
    });
    page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
    await answerChooserWith('select');
    await clickAsRunner(PAIR);
    await waitUntil(() => services.footpod.source?.state === 'connected', 'connected', { timeout: 5000 });
    await services.recording.start();
  });
  afterEach(async () => {
    Date.now = realNow;
    await finishRun(services);
    await teardownEmulatedFootpod();
  });

  /** The adapter goes to `off` (taking the link with it) for `outageS` of pod time, then comes back. */
  const adapterAway = async (off: 'powered-off' | 'absent', outageS: number) => {
    await setAdapterState(off);
    // A real adapter going away takes its links with it; Chromium's emulation leaves that to us.
    await dropLink();
    await waitUntil(() => services.footpod.source?.state === 'reconnecting', `${off}: reconnecting`, { timeout: 5000 });
    await page.updateComplete;
    expect(stateText()).to.match(/^Reconnecting/);
    // The link keeps trying while the adapter is away, and every try fails.
    await waitUntil(async () => (await attemptsSince(off)).length >= 3, `${off}: tries while away`, { timeout: 5000 });
    expect((await attemptsSince(off)).every((e) => e.code !== 0), `${off}: none connects`).to.equal(true);
    expect(services.footpod.source?.state).to.equal('reconnecting');
    clock.ms += outageS * 1000;
    await setAdapterState('powered-on');
    await waitUntil(() => services.footpod.source?.state === 'connected', `${off}: connected again`, { timeout: 10_000 });
    expect(services.recording.state).to.equal('recording');
  };

  it('keeps the run through the adapter turned off, then removed, then a pod asleep for five minutes: one gap each', async function () {
    this.timeout(40_000);
    await run(10);
    await adapterAway('powered-off', 40);
    await run(10);
    await adapterAway('absent', 20);
    await run(10);

    // The pod sleeps: the link drops and every reconnect attempt finds nothing for a while.
    await failNextConnections(5);
    await dropAndReconnect(services, 'asleep');
    clock.ms += 300_000;
    await run(10);

    const stored = await stopAndLoad();
    expect(stored.samples.t.length).to.equal(40);
    // Each gap runs from the last sample before the outage to the first after: the outage plus a second.
    expect(stored.meta.gaps.map((g) => [g.fromT, g.toT, g.reason])).to.deep.equal([
      [9, 50, 'link-lost'],
      [59, 80, 'link-lost'],
      [89, 390, 'link-lost'],
    ]);
    const t = Array.from(stored.samples.t);
    expect(t.slice(1).filter((x, i) => x - t[i]! !== 1 && i % 10 !== 9)).to.deep.equal([]);
  });

  it('keeps the run through the computer asleep for ten minutes: one gap as long as the sleep, then on', async function () {
    this.timeout(20_000);
    await run(10);
    const lastSampleAt = realNow();
    // The computer sleeps: Bluetooth goes with it and the clock that stamps notifications (like
    // performance.now) stands still, but the wall clock runs on.
    await setAdapterState('powered-off');
    await dropLink();
    await waitUntil(() => services.footpod.source?.state === 'reconnecting', 'asleep: reconnecting', { timeout: 5000 });
    wallAheadMs = 600_000;
    await setAdapterState('powered-on');
    await waitUntil(() => services.footpod.source?.state === 'connected', 'awake: connected again', { timeout: 10_000 });
    expect(services.recording.state).to.equal('recording');
    await run(10);
    const stored = await stopAndLoad();
    expect(stored.samples.t.length).to.equal(20);
    const [gap] = stored.meta.gaps;
    expect(stored.meta.gaps).to.have.length(1);
    expect([gap!.fromT, gap!.reason]).to.deep.equal([9, 'link-lost']);
    // The wall clock's time from the last sample to the first after it: ten minutes asleep and
    // the real seconds the test took around them (the stopped pod clock alone says 1 s).
    expect(gap!.toT - 9).to.be.within(600, 600 + (realNow() - lastSampleAt) / 1000);
    const t = Array.from(stored.samples.t);
    expect(t.slice(11).map((x, i) => x - t[10 + i]!)).to.deep.equal(new Array(9).fill(1));
  });
});
