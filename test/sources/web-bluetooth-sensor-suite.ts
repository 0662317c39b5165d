// The behaviour a treadmill and a heart-rate strap share through Chromium's Web Bluetooth stack,
// written once and run by each sensor's own test file with its own device, bytes and wording.
import { expect, waitUntil } from '@open-wc/testing';
import type { WebBluetoothSensor, WebBluetoothSensorOptions } from '../../src/sources/web-bluetooth-sensor.js';
import type { Bluetooth } from '../../src/sources/web-bluetooth-types.js';
import {
  answerChooserWith,
  clickAsRunner,
  dropLink,
  failNextConnections,
  operationLog,
  pairedDevice,
  setupEmulatedFootpod,
} from '../support/emulated-footpod.js';
import { addEmulatedHeartRateStrap, addEmulatedTreadmill, type EmulatedDevice } from '../support/emulated-sensors.js';
import { harness, ops, pairAfterListing, pairThroughChooser, releaseAll, sleep } from './sensor-harness.js';

export interface SensorUnderTest {
  title: string;
  make(bluetooth?: Bluetooth | null, options?: WebBluetoothSensorOptions): WebBluetoothSensor;
  /** Adds this kind of device to the rig, named `name`. */
  add(name: string): Promise<EmulatedDevice>;
  send(bytes: Uint8Array, device: EmulatedDevice): Promise<void>;
  /** Two measurement values as the device would send them. */
  samples: [Uint8Array, Uint8Array];
  /** The measurement characteristic as the log writes it ('2acd'). */
  measurementTarget: string;
  /** How messages name this sensor ('treadmill') and the button that pairs it. */
  noun: string;
  pairButton: string;
}

const fast: WebBluetoothSensorOptions = { retryDelaysMs: [20, 40, 80], advertisementTimeoutMs: 2000 };

export function sensorSuite(s: SensorUnderTest): void {
  afterEach(releaseAll);

  /** The footpod from bt-setup, a treadmill and a strap in range; `device` is this sensor's. */
  async function rigWithEverything(name: string): Promise<{ device: EmulatedDevice; footpod: string; others: string[] }> {
    const { address: footpod } = await setupEmulatedFootpod();
    const device = await s.add(name);
    const other = s.noun === 'treadmill' ? await addEmulatedHeartRateStrap() : await addEmulatedTreadmill();
    return { device, footpod, others: [footpod, other.address] };
  }

  describe(`${s.title} through Chromium’s Web Bluetooth`, () => {
    it(`lists only ${s.noun}s in its chooser, pairs from a click and subscribes`, async () => {
      const { device, others } = await rigWithEverything('Mine');
      const h = harness(s.make(undefined, fast));
      expect(h.source.kind).to.equal('bluetooth');
      expect(h.source.state).to.equal('idle');
      const listed = await pairAfterListing(h, device);

      expect(h.states).to.deep.equal(['requesting', 'connecting', 'connected']);
      const log = await operationLog();
      expect(listed).to.include(device.address);
      for (const address of others) expect(listed, `${address} is not a ${s.noun}`).to.not.include(address);
      expect(ops(log, 'subscribe-to-notifications', s.measurementTarget)).to.have.length(1);
      expect(ops(log, 'connection').map((e) => e.target)).to.deep.equal([device.address]);
      const paired = await pairedDevice('Mine');
      expect(h.source.info.deviceId).to.equal(paired!.id);
      expect(h.source.info.deviceName).to.equal('Mine');
    });

    it('hands every measurement over with exactly the bytes the device sent', async () => {
      const { device } = await rigWithEverything('Mine');
      const h = harness(s.make(undefined, fast));
      await pairThroughChooser(h, device);
      await s.send(s.samples[0], device);
      await s.send(s.samples[1], device);
      await waitUntil(() => h.received.length === 2, 'two measurements arrive');
      expect(h.received).to.deep.equal(s.samples.map((bytes) => Array.from(bytes)));
    });

    it('goes back to idle, quietly, when the runner cancels the chooser', async () => {
      await rigWithEverything('Mine');
      const h = harness(s.make(undefined, fast));
      await answerChooserWith('cancel');
      await clickAsRunner(h.pairButton);
      await h.connecting;
      expect(h.states).to.deep.equal(['requesting', 'idle']);
      expect(h.source.message).to.equal(null);
      expect(ops(await operationLog(), 'connection')).to.have.length(0);
    });

    it('connects to the device remembered by id without the chooser, and to nothing without an id', async () => {
      const { device } = await rigWithEverything('Mine');
      const first = harness(s.make(undefined, fast));
      await pairThroughChooser(first, device);
      const id = first.source.info.deviceId;
      first.source.disconnect();
      // As after a page reload: the next connection is a new one at the radio level.
      await dropLink(device);

      const forgetful = harness(s.make(undefined, fast));
      expect(await forgetful.source.findRemembered(), 'no stored id, no guess').to.equal(null);
      await forgetful.source.connectRemembered();
      expect(forgetful.source.state).to.equal('idle');
      expect(forgetful.source.message).to.include(`No ${s.noun} was paired`).and.include(s.pairButton);

      const later = harness(s.make(undefined, { ...fast, rememberedId: () => id }));
      expect(await later.source.findRemembered()).to.deep.equal({ name: 'Mine' });
      await later.source.connectRemembered();
      expect(later.source.state, later.source.message ?? '').to.equal('connected');
      expect(later.states).to.deep.equal(['connecting', 'connected']);
      expect(ops(await operationLog(), 'chooser-opened'), 'only the first pairing opened the chooser').to.have.length(1);
      await s.send(s.samples[0], device);
      await waitUntil(() => later.received.length === 1);
      expect(first.received).to.have.length(0);

      const gone = harness(s.make(undefined, { ...fast, rememberedId: () => 'an id this browser never gave' }));
      expect(await gone.source.findRemembered()).to.equal(null);
    });

    it('reconnects by itself after the link drops, and measurements flow again', async () => {
      const { device } = await rigWithEverything('Mine');
      const h = harness(s.make(undefined, fast));
      await pairThroughChooser(h, device);
      await failNextConnections(1, undefined, device);

      await dropLink(device);
      await waitUntil(() => h.source.state === 'connected', 'connected again', { timeout: 5000 });

      expect(h.states).to.deep.equal(['requesting', 'connecting', 'connected', 'reconnecting', 'connected']);
      expect(ops(await operationLog(), 'connection').map((e) => e.code)).to.deep.equal([0, 8, 0]);
      await s.send(s.samples[1], device);
      await sleep(50);
      expect(h.received, 'one listener, on the new characteristic').to.deep.equal([Array.from(s.samples[1])]);
    });

    it('gives up after the last retry with a message naming the device and the button', async () => {
      const { device } = await rigWithEverything('Mine');
      const h = harness(s.make(undefined, { retryDelaysMs: [10, 10] }));
      await pairThroughChooser(h, device);
      await failNextConnections(10, undefined, device);

      await dropLink(device);
      await waitUntil(() => h.source.state === 'disconnected', 'gave up', { timeout: 5000 });
      expect(h.source.message).to.include('Lost the connection to Mine').and.include(s.pairButton);
      await sleep(100);
      expect(ops(await operationLog(), 'connection')).to.have.length(3);
    });
  });

  describe(`${s.title} without Web Bluetooth`, () => {
    it(`is unavailable and says it cannot talk to a ${s.noun}`, async () => {
      const source = s.make(null, fast);
      expect(source.state).to.equal('unavailable');
      expect(source.supported).to.equal(false);
      expect(source.message).to.include(`cannot talk to a ${s.noun}`).and.include('enable-experimental-web-platform-features');
      await source.connect();
      await source.connectRemembered();
      expect(await source.findRemembered()).to.equal(null);
      expect(source.state).to.equal('unavailable');
    });
  });
}
