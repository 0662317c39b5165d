/// <reference types="mocha" />
// WebBluetoothFootpod against Chromium's own Web Bluetooth stack: the chooser, GATT, reads,
// notifications and link drops all go through the browser, with an emulated adapter and footpod
// (test/support/bluetooth-emulation-plugin.mjs). Nothing here fakes navigator.bluetooth.
import { expect, waitUntil } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { MeasurementEvent, type ConnectionState } from '../../src/sources/footpod-source.js';
import { WebBluetoothFootpod, type WebBluetoothFootpodOptions } from '../../src/sources/web-bluetooth-footpod.js';
import { copyOf, watchForAdvertisement } from '../../src/sources/web-bluetooth-gatt.js';
import type { BluetoothDevice, WatchAdvertisementsOptions } from '../../src/sources/web-bluetooth-types.js';
import {
  advertise,
  answerChooserWith,
  clickAsRunner,
  dropLink,
  failNextConnections,
  operationLog,
  pairedDevice,
  sendMeasurement,
  setAdapterState,
  setupEmulatedFootpod,
  teardownEmulatedFootpod,
  type OperationLogEntry,
} from '../support/emulated-footpod.js';

const fast: WebBluetoothFootpodOptions = { retryDelaysMs: [20, 40, 80], advertisementTimeoutMs: 2000 };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const bytesOf = (view: DataView | null): number[] | null =>
  view && Array.from(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
const ops = (log: OperationLogEntry[], op: string, target?: string) =>
  log.filter((e) => e.op === op && (target === undefined || e.target === target));

interface Harness {
  source: WebBluetoothFootpod;
  states: ConnectionState[];
  received: number[][];
  infoEvents: number;
  /** The promise the last click's connect() returned. */
  connecting: Promise<void> | null;
  /** Selector of a button whose click handler calls source.connect(), as the app's would. */
  pairButton: string;
}

const made: { source: WebBluetoothFootpod; host: HTMLElement }[] = [];

// The default `bluetooth` argument: navigator.bluetooth, the real one. The button sits in a
// shadow root, as in the app's lit elements, so every click also proves the selector pierces it.
function footpod(options: WebBluetoothFootpodOptions = fast): Harness {
  const source = new WebBluetoothFootpod(undefined, options);
  const host = document.createElement('div');
  host.id = `pair-${made.length}`;
  const button = document.createElement('button');
  button.textContent = 'Pair footpod';
  host.attachShadow({ mode: 'open' }).append(button);
  const h: Harness = { source, states: [], received: [], infoEvents: 0, connecting: null, pairButton: `#${host.id} >>> button` };
  button.addEventListener('click', () => {
    h.connecting = source.connect();
  });
  document.body.append(host);
  made.push({ source, host });
  source.addEventListener('statechange', () => h.states.push(source.state));
  source.addEventListener('info', () => h.infoEvents++);
  source.addEventListener(MeasurementEvent.type, (event) => {
    h.received.push(bytesOf((event as MeasurementEvent).view) ?? []);
  });
  return h;
}

async function pairThroughChooser(h: Harness): Promise<void> {
  await answerChooserWith('select');
  await clickAsRunner(h.pairButton);
  expect(h.connecting, 'the click handler ran').to.not.equal(null);
  await h.connecting;
  expect(h.source.state, h.source.message ?? '').to.equal('connected');
}

const stride = new Uint8Array([0x07, 0x00, 0x03, 0xaa, 0x78, 0x00, 0x10, 0x27, 0x00, 0x00]);

afterEach(async () => {
  for (const { source, host } of made.splice(0)) {
    source.disconnect();
    host.remove();
  }
  await teardownEmulatedFootpod();
});

describe('WebBluetoothFootpod through Chromium’s Web Bluetooth', () => {
  it('pairs from a real click: chooser, GATT connect, feature, location, battery, subscription', async () => {
    await setupEmulatedFootpod({ name: 'Stryd', feature: [0x07, 0x00], sensorLocation: 2, battery: 87 });
    const h = footpod();
    expect(h.source.kind).to.equal('bluetooth');
    expect(await h.source.checkAvailability()).to.equal(true);
    expect(h.source.state).to.equal('idle');

    await pairThroughChooser(h);

    expect(h.states).to.deep.equal(['requesting', 'connecting', 'connected']);
    expect(h.source.message).to.equal(null);
    expect(h.source.info.deviceName).to.equal('Stryd');
    // The browser's id for the pod: what the app remembers it by across runs.
    const device = await pairedDevice();
    expect(device!.id).to.be.a('string').and.not.equal('');
    expect(h.source.info.deviceId).to.equal(device!.id);
    expect(bytesOf(h.source.info.feature)).to.deep.equal([0x07, 0x00]);
    expect(h.source.info.sensorLocation).to.equal(2);
    expect(h.source.info.batteryLevel).to.equal(87);
    expect(h.infoEvents).to.be.greaterThan(0);

    const log = await operationLog();
    expect(ops(log, 'chooser-opened')).to.have.length(1);
    expect(ops(log, 'chooser-select')).to.have.length(1);
    expect(ops(log, 'connection').map((e) => e.code)).to.deep.equal([0]);
    expect(ops(log, 'read', '2a54')).to.have.length(1);
    expect(ops(log, 'read', '2a5d')).to.have.length(1);
    expect(ops(log, 'read', '2a19')).to.have.length(1);
    expect(ops(log, 'subscribe-to-notifications', '2a53')).to.have.length(1);
    expect(ops(log, 'subscribe-to-notifications', '2a19')).to.have.length(1);
  });

  it('hands every measurement over as a MeasurementEvent with exactly the bytes the pod sent', async () => {
    await setupEmulatedFootpod();
    const h = footpod();
    await pairThroughChooser(h);
    const second = encodeRscMeasurement({
      speedMps: 3.9,
      cadence: 88,
      strideLengthM: 1.33,
      totalDistanceM: 1234.5,
      isRunning: true,
    });

    await sendMeasurement(stride);
    await sendMeasurement(second);

    await waitUntil(() => h.received.length === 2, 'two measurements arrive');
    // The first view still holds its own bytes after the second arrived: values are copied.
    expect(h.received).to.deep.equal([Array.from(stride), Array.from(second)]);
  });

  it('leaves out what the pod does not offer: no sensor location, no battery service', async () => {
    await setupEmulatedFootpod({ name: 'Bare pod', sensorLocation: null, battery: null, feature: [0x00, 0x00] });
    const h = footpod();
    await pairThroughChooser(h);
    expect(h.source.info).to.deep.include({ deviceName: 'Bare pod', sensorLocation: null, batteryLevel: null });
    expect(bytesOf(h.source.info.feature)).to.deep.equal([0, 0]);
    await sendMeasurement(stride);
    await waitUntil(() => h.received.length === 1);
  });

  it('goes back to idle, quietly, when the runner cancels the chooser', async () => {
    await setupEmulatedFootpod();
    const h = footpod();
    await answerChooserWith('cancel');
    await clickAsRunner(h.pairButton);
    await h.connecting;
    expect(h.states).to.deep.equal(['requesting', 'idle']);
    expect(h.source.message).to.equal(null);
    const log = await operationLog();
    expect(ops(log, 'chooser-cancel')).to.have.length(1);
    expect(ops(log, 'connection')).to.have.length(0);
  });

  it('reconnects by itself after the link drops, retrying after a failed attempt', async () => {
    await setupEmulatedFootpod({ name: 'Stryd' });
    const h = footpod();
    await pairThroughChooser(h);
    await failNextConnections(1);

    await dropLink();
    await waitUntil(() => h.source.state === 'connected', 'connected again', { timeout: 5000 });

    expect(h.states).to.deep.equal(['requesting', 'connecting', 'connected', 'reconnecting', 'connected']);
    const log = await operationLog();
    // Connection attempts: the pairing, the one that failed (HCI 0x08), the one that worked.
    expect(ops(log, 'connection').map((e) => e.code)).to.deep.equal([0, 8, 0]);
    expect(ops(log, 'subscribe-to-notifications', '2a53')).to.have.length(2);
    // One listener on the new characteristic, none left on the old: one event per measurement.
    await sendMeasurement(stride);
    await sleep(50);
    expect(h.received).to.deep.equal([Array.from(stride)]);
    expect(h.source.info.deviceName).to.equal('Stryd');
  });

  it('gives up after the last retry with a message, and stops trying', async () => {
    await setupEmulatedFootpod({ name: 'Stryd' });
    const h = footpod({ retryDelaysMs: [10, 10] });
    await pairThroughChooser(h);
    await failNextConnections(10);

    await dropLink();
    await waitUntil(() => h.source.state === 'disconnected', 'gave up', { timeout: 5000 });

    expect(h.source.message).to.match(/Stryd/).and.match(/Pair footpod/);
    await sleep(100);
    expect(ops(await operationLog(), 'connection')).to.have.length(3);
  });

  it('keeps trying past the last retry while told to (a run waits for a sleeping pod), and gives up once not', async () => {
    await setupEmulatedFootpod({ name: 'Stryd' });
    let keep = true;
    const h = footpod({ retryDelaysMs: [10, 10], keepTrying: () => keep });
    await pairThroughChooser(h);
    await failNextConnections(6);

    await dropLink();
    // Two listed retries, then more at the last delay: the pod "wakes" at the seventh attempt.
    await waitUntil(() => h.source.state === 'connected', 'reconnected after the retries ran out', { timeout: 5000 });
    expect(ops(await operationLog(), 'connection').length).to.be.greaterThan(3);
    expect(h.states).to.not.include('disconnected');

    keep = false;
    await failNextConnections(10);
    await dropLink();
    await waitUntil(() => h.source.state === 'disconnected', 'gave up', { timeout: 5000 });
    expect(h.source.message).to.match(/Stryd/);
  });

  it('stays disconnected when the runner disconnects, even if the link then drops', async () => {
    await setupEmulatedFootpod();
    const h = footpod();
    await pairThroughChooser(h);

    h.source.disconnect();
    expect(h.source.state).to.equal('disconnected');
    expect(h.source.message).to.equal(null);
    expect((await pairedDevice())?.gatt?.connected).to.equal(false);

    await dropLink();
    await sleep(300);
    expect(h.source.state).to.equal('disconnected');
    expect(h.states.at(-1)).to.equal('disconnected');
    expect(ops(await operationLog(), 'connection')).to.have.length(1);
    expect((await pairedDevice())?.gatt?.connected).to.equal(false);
  });

  it('stops retrying when the runner disconnects during a reconnect', async () => {
    await setupEmulatedFootpod();
    const h = footpod({ retryDelaysMs: [200, 200, 200] });
    await pairThroughChooser(h);
    await dropLink();
    await waitUntil(() => h.source.state === 'reconnecting', 'reconnecting', { interval: 5 });
    // Before the first retry is due: nothing may try to connect after this.
    h.source.disconnect();
    await sleep(500);
    expect(h.source.state).to.equal('disconnected');
    expect(ops(await operationLog(), 'connection')).to.have.length(1);
  });

  it('finds the pod paired before and connects to it without the chooser', async () => {
    await setupEmulatedFootpod({ name: 'Stryd' });
    const first = footpod();
    expect(await first.source.findRemembered()).to.equal(null);
    await pairThroughChooser(first);
    first.source.disconnect();
    // Make the next connection a real one at the radio level, as after a page reload.
    await dropLink();

    const later = footpod();
    expect(await later.source.findRemembered()).to.deep.equal({ name: 'Stryd' });
    await later.source.connectRemembered();

    expect(later.source.state, later.source.message ?? '').to.equal('connected');
    expect(later.states).to.deep.equal(['connecting', 'connected']);
    expect(later.source.info.deviceName).to.equal('Stryd');
    const log = await operationLog();
    expect(ops(log, 'chooser-opened'), 'only the first pairing opened the chooser').to.have.length(1);
    expect(ops(log, 'connection').map((e) => e.code)).to.deep.equal([0, 0]);
    await sendMeasurement(stride);
    await waitUntil(() => later.received.length === 1);
    expect(first.received).to.have.length(0);
  });

  it('waits for the remembered pod to advertise when the first connection fails', async () => {
    await setupEmulatedFootpod({ name: 'Stryd' });
    const first = footpod();
    await pairThroughChooser(first);
    first.source.disconnect();
    await dropLink();
    await failNextConnections(1);

    const later = footpod();
    const connecting = later.source.connectRemembered();
    await waitUntil(async () => (await pairedDevice())?.watchingAdvertisements === true, 'watching advertisements');
    await advertise();
    await connecting;

    expect(later.source.state, later.source.message ?? '').to.equal('connected');
    expect((await pairedDevice())?.watchingAdvertisements).to.equal(false);
    expect(ops(await operationLog(), 'connection').map((e) => e.code)).to.deep.equal([0, 8, 0]);
  });

  it('asks the runner to pair again when the remembered pod stays silent', async () => {
    await setupEmulatedFootpod({ name: 'Stryd' });
    const first = footpod();
    await pairThroughChooser(first);
    first.source.disconnect();
    await dropLink();
    await failNextConnections(1);

    const later = footpod({ ...fast, advertisementTimeoutMs: 100 });
    await later.source.connectRemembered();

    expect(later.states).to.deep.equal(['connecting', 'disconnected']);
    expect(later.source.message).to.match(/Stryd/).and.match(/Pair footpod to choose it again/);
    expect((await pairedDevice())?.watchingAdvertisements).to.equal(false);
  });

  it('says so when no pod was paired yet', async () => {
    await setupEmulatedFootpod();
    const h = footpod();
    await h.source.connectRemembered();
    expect(h.source.state).to.equal('idle');
    expect(h.source.message).to.match(/Pair footpod/);
  });

  it('explains a computer without a Bluetooth adapter, and recovers when one appears', async () => {
    await setupEmulatedFootpod({ adapter: 'absent' });
    const h = footpod();
    expect(await h.source.checkAvailability()).to.equal(false);
    expect(h.source.state).to.equal('unavailable');
    expect(h.source.message).to.match(/^Bluetooth is off or missing on this computer/);

    // Pairing can still be tried; Chrome's answer gives the same sentence, and nothing rejects.
    await clickAsRunner(h.pairButton);
    await h.connecting;
    expect(h.source.state).to.equal('unavailable');
    expect(h.source.message).to.match(/^Bluetooth is off or missing on this computer/);

    await setAdapterState('powered-on');
    expect(await h.source.checkAvailability()).to.equal(true);
    expect(h.source.state).to.equal('idle');
    expect(h.source.message).to.equal(null);
  });
});

describe('WebBluetoothFootpod without Web Bluetooth', () => {
  it('is unavailable and tells the runner which browser and flag to use', async () => {
    const source = new WebBluetoothFootpod(null, fast);
    expect(source.state).to.equal('unavailable');
    expect(source.message).to.include('chrome://flags/#enable-experimental-web-platform-features');
    expect(source.message).to.match(/Chrome or Edge/).and.match(/localhost/);
    await source.connect();
    await source.connectRemembered();
    expect(await source.findRemembered()).to.equal(null);
    expect(source.state).to.equal('unavailable');
  });

  it('rejects retry delays that are not milliseconds', () => {
    expect(() => new WebBluetoothFootpod(null, { retryDelaysMs: [10, Number.NaN] })).to.throw(RangeError);
  });
});

// What the emulated stack cannot show: Chromium hands out a fresh buffer per value, and an
// advertisement watch is hard to observe from outside. Small fakes stand in for these two.
describe('Web Bluetooth helpers', () => {
  it('copies a value out of a buffer the browser may reuse', () => {
    const shared = new Uint8Array([9, 1, 2, 3, 9]);
    const copy = copyOf(new DataView(shared.buffer, 1, 3));
    shared.fill(0);
    expect(bytesOf(copy)).to.deep.equal([1, 2, 3]);
  });

  class WatchableDevice extends EventTarget implements BluetoothDevice {
    readonly id = 'fake';
    watchingAdvertisements = false;
    listeners = 0;
    async watchAdvertisements({ signal }: WatchAdvertisementsOptions = {}): Promise<void> {
      this.watchingAdvertisements = true;
      signal?.addEventListener('abort', () => {
        this.watchingAdvertisements = false;
      });
    }
    override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
      this.listeners++;
      super.addEventListener(...args);
    }
    override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
      this.listeners--;
      super.removeEventListener(...args);
    }
  }

  it('hears an advertisement, then stops watching and listening', async () => {
    const device = new WatchableDevice();
    const watch = watchForAdvertisement(device, 1000);
    await sleep(0);
    expect(device.watchingAdvertisements).to.equal(true);
    device.dispatchEvent(new Event('advertisementreceived'));
    expect(await watch.heard).to.equal(true);
    expect(device.watchingAdvertisements).to.equal(false);
    expect(device.listeners).to.equal(0);
  });

  it('gives up after the timeout, or at once when stopped, and cleans up either way', async () => {
    const timedOut = new WatchableDevice();
    expect(await watchForAdvertisement(timedOut, 20).heard).to.equal(false);
    expect([timedOut.watchingAdvertisements, timedOut.listeners]).to.deep.equal([false, 0]);

    const stopped = new WatchableDevice();
    const watch = watchForAdvertisement(stopped, 60_000);
    watch.stop();
    expect(await watch.heard).to.equal(false);
    stopped.dispatchEvent(new Event('advertisementreceived'));
    expect([stopped.watchingAdvertisements, stopped.listeners]).to.deep.equal([false, 0]);
  });
});
