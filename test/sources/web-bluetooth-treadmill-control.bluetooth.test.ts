/// <reference types="mocha" />
// Driving a treadmill's belt through Chromium's own Web Bluetooth stack: one emulated FTMS
// treadmill, paired once for the whole file (each pairing costs seconds), that logs every write.
// Connecting and reconnecting read and subscribe but write nothing to the control point; control
// is requested first; answers arrive as real indications; a silent treadmill is confirmed from
// status or times out; status notifications arrive parsed.
import { expect, waitUntil } from '@open-wc/testing';
import type { FitnessMachineStatus } from '../../src/ble/ftms-status.js';
import type { StatusEvent } from '../../src/sources/treadmill-control.js';
import { WebBluetoothTreadmill } from '../../src/sources/web-bluetooth-treadmill.js';
import { operationLog, setupEmulatedFootpod } from '../support/emulated-footpod.js';
import type { EmulatedDevice } from '../support/emulated-sensors.js';
import {
  addEmulatedFtmsTreadmill,
  dropTreadmillLink,
  sendTreadmillStatus,
  setFtmsAnswers,
  treadmillWrites,
} from '../support/emulated-treadmill.js';
import { harness, type Harness, ops, pairThroughChooser, releaseAll } from './sensor-harness.js';

const TIMEOUT_MS = 1500;

describe('WebBluetoothTreadmill control through Chromium’s Web Bluetooth', () => {
  let device: EmulatedDevice;
  let h: Harness<WebBluetoothTreadmill>;
  const statuses: FitnessMachineStatus[] = [];
  const controlPointWrites = async () => (await treadmillWrites(device)).filter((w) => w.target === '2ad9').map((w) => w.bytes);

  before(async () => {
    await setupEmulatedFootpod();
    device = await addEmulatedFtmsTreadmill({ name: 'Driven' });
    h = harness(new WebBluetoothTreadmill(undefined, { retryDelaysMs: [20, 40, 80], controlTimeoutMs: TIMEOUT_MS }));
    h.source.control.addEventListener('status', (event) => statuses.push((event as StatusEvent).status));
    await pairThroughChooser(h, device);
  });
  after(releaseAll);

  it('reads feature and ranges on connect, listens to status and the control point, and writes nothing to it', async () => {
    await waitUntil(() => h.source.control.capabilities !== null, 'capabilities read');
    expect(h.source.control.capabilities).to.deep.equal({
      feature: { machineFeatures: 0x0d, targetSettingFeatures: 0x03, speedTargetSupported: true, inclinationTargetSupported: true },
      speed: { minKmh: 1, maxKmh: 20, incrementKmh: 0.1 },
      incline: { minPercent: 0, maxPercent: 15, incrementPercent: 0.5 },
      controlPoint: true,
    });
    const log = await operationLog();
    for (const target of ['2acc', '2ad4', '2ad5']) expect(ops(log, 'read', target), target).to.have.length(1);
    for (const target of ['2ada', '2ad9']) expect(ops(log, 'subscribe-to-notifications', target), target).to.have.length(1);
    expect(await controlPointWrites()).to.deep.equal([]);
    expect(h.source.control.hasControl).to.equal(false);

    await sendTreadmillStatus(Uint8Array.of(0x02, 0x02), device);
    await sendTreadmillStatus(Uint8Array.of(0x05, 0xe2, 0x04), device);
    await waitUntil(() => statuses.length === 2, 'status events');
    expect(statuses).to.deep.equal([
      { kind: 'stopped-or-paused-by-user', how: 'pause' },
      { kind: 'target-speed-changed', kmh: 12.5 },
    ]);
  });

  it('reads again after a reconnect and still writes nothing to the control point', async () => {
    await dropTreadmillLink(device);
    await waitUntil(() => h.source.state === 'connected' && h.source.control.capabilities !== null, 'connected again', { timeout: 5000 });
    const log = await operationLog();
    for (const target of ['2acc', '2ad4', '2ad5']) expect(ops(log, 'read', target), target).to.have.length(2);
    expect(ops(log, 'subscribe-to-notifications', '2ad9')).to.have.length(2);
    expect(await controlPointWrites()).to.deep.equal([]);
  });

  it('asks for control first, then a speed round-trips with its indication', async () => {
    expect(await h.source.control.setSpeed(12.5)).to.include({ ok: false, failure: 'not-permitted' });
    expect(await h.source.control.requestControl()).to.deep.equal({
      ok: true,
      confirmedBy: 'indication',
      message: 'The app has control of the treadmill.',
    });
    expect(h.source.control.hasControl).to.equal(true);
    expect(await h.source.control.setSpeed(12.5)).to.deep.equal({
      ok: true,
      confirmedBy: 'indication',
      message: 'The belt speed is set to 12.5 km/h.',
    });
    expect(await controlPointWrites()).to.deep.equal([[0x00], [0x02, 0xe2, 0x04]]);
    expect(ops(await operationLog(), 'indication', '2ad9').map((e) => e.bytes)).to.deep.equal([
      [0x80, 0x00, 0x01],
      [0x80, 0x02, 0x01],
    ]);
  });

  it('confirms a silent treadmill from its status, times out without one, and loses control on 0xFF', async () => {
    // A fresh connection: this treadmill has not yet answered a belt command on it.
    await dropTreadmillLink(device);
    await waitUntil(() => h.source.control.capabilities !== null, 'connected again', { timeout: 5000 });
    await setFtmsAnswers(device, { 0x02: 'never' });
    expect((await h.source.control.requestControl()).ok).to.equal(true);
    const confirmed = h.source.control.setSpeed(10);
    await waitUntil(async () => (await controlPointWrites()).length === 4, 'the speed is written');
    await sendTreadmillStatus(Uint8Array.of(0x05, 0xe8, 0x03), device);
    expect(await confirmed).to.deep.equal({ ok: true, confirmedBy: 'status', message: 'The belt speed is set to 10.0 km/h.' });
    const started = performance.now();
    expect(await h.source.control.setSpeed(11)).to.deep.equal({
      ok: false,
      failure: 'no-answer',
      message: 'The treadmill did not answer within 1.5 s.',
    });
    expect(performance.now() - started).to.be.at.least(TIMEOUT_MS - 50);
    await sendTreadmillStatus(Uint8Array.of(0xff), device);
    await waitUntil(() => !h.source.control.hasControl, 'control lost');
    expect(await controlPointWrites()).to.deep.equal([[0x00], [0x02, 0xe2, 0x04], [0x00], [0x02, 0xe8, 0x03], [0x02, 0x4c, 0x04]]);
  });
});
