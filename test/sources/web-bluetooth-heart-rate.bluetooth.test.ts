/// <reference types="mocha" />
// WebBluetoothHeartRate against Chromium's own Web Bluetooth stack, with an emulated strap
// beside a footpod and a treadmill (test/support/bluetooth-emulation-plugin.mjs).
import { expect, waitUntil } from '@open-wc/testing';
import { encodeHeartRateMeasurement } from '../../src/ble/heart-rate-encode.js';
import { WebBluetoothHeartRate } from '../../src/sources/web-bluetooth-heart-rate.js';
import { operationLog, setupEmulatedFootpod } from '../support/emulated-footpod.js';
import { addEmulatedHeartRateStrap, sendHeartRate } from '../support/emulated-sensors.js';
import { harness, ops, pairThroughChooser } from './sensor-harness.js';
import { sensorSuite } from './web-bluetooth-sensor-suite.js';

sensorSuite({
  title: 'WebBluetoothHeartRate',
  make: (bluetooth, options) => new WebBluetoothHeartRate(bluetooth, options),
  add: (name) => addEmulatedHeartRateStrap({ name }),
  send: (bytes, device) => sendHeartRate(bytes, device),
  samples: [
    encodeHeartRateMeasurement({ heartRateBpm: 142, sensorContact: 'detected', energyExpendedKj: null, rrIntervalsS: [0.42, 0.43] }),
    encodeHeartRateMeasurement({ heartRateBpm: 171, sensorContact: 'detected', energyExpendedKj: 310, rrIntervalsS: null }, { uint16: true }),
  ],
  measurementTarget: '2a37',
  noun: 'heart-rate strap',
  pairButton: 'Pair heart-rate strap',
});

describe('WebBluetoothHeartRate battery', () => {
  it('reads the strap’s battery level and follows its notifications; no battery service, no level', async () => {
    await setupEmulatedFootpod();
    // Addresses of their own: within one page Chrome keeps the name a device id was first seen with.
    const strap = await addEmulatedHeartRateStrap({ name: 'Polar H10', address: '4A:4B:4C:4D:4E:4F', battery: 64 });
    const bare = await addEmulatedHeartRateStrap({ name: 'Bare strap', address: '3A:3B:3C:3D:3E:3F', battery: null });

    const h = harness(new WebBluetoothHeartRate(undefined, { retryDelaysMs: [] }));
    await pairThroughChooser(h, strap);
    expect(h.source.info).to.deep.equal({ deviceId: h.source.info.deviceId, deviceName: 'Polar H10', batteryLevel: 64 });
    const log = await operationLog();
    expect(ops(log, 'read', '2a19').map((e) => e.address)).to.deep.equal([strap.address]);
    expect(ops(log, 'subscribe-to-notifications', '2a19')).to.have.length(1);

    const other = harness(new WebBluetoothHeartRate(undefined, { retryDelaysMs: [] }));
    await pairThroughChooser(other, bare);
    expect(other.source.info.batteryLevel).to.equal(null);
    await sendHeartRate(new Uint8Array([0x00, 90]), bare);
    await waitUntil(() => other.received.length === 1);
    expect(h.received).to.have.length(0);
  });
});
