/// <reference types="mocha" />
// WebBluetoothTreadmill against Chromium's own Web Bluetooth stack, with an emulated FTMS
// treadmill beside a footpod and a strap (test/support/bluetooth-emulation-plugin.mjs).
import { encodeTreadmillData } from '../../src/ble/ftms-treadmill-encode.js';
import { type TreadmillData, emptyTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { WebBluetoothTreadmill } from '../../src/sources/web-bluetooth-treadmill.js';
import { addEmulatedTreadmill, sendTreadmillData } from '../support/emulated-sensors.js';
import { sensorSuite } from './web-bluetooth-sensor-suite.js';

const reading = (speedMps: number, inclinationPercent: number, totalDistanceM: number): TreadmillData => ({
  ...emptyTreadmillData(),
  speedMps,
  totalDistanceM,
  inclinationPercent,
});

sensorSuite({
  title: 'WebBluetoothTreadmill',
  make: (bluetooth, options) => new WebBluetoothTreadmill(bluetooth, options),
  add: (name) => addEmulatedTreadmill({ name }),
  send: (bytes, device) => sendTreadmillData(bytes, device),
  samples: [encodeTreadmillData(reading(3.2, 1.0, 1200)), encodeTreadmillData(reading(4.15, 2.5, 1450))],
  measurementTarget: '2acd',
  noun: 'treadmill',
  pairButton: 'Pair treadmill',
});
