// Battery Level (0x2A19) is a percentage, 0-100; 101-255 are not a level (Bluetooth SIG, GATT
// Specification Supplement, Battery Level). readBattery passes the byte on unchecked
// (web-bluetooth-gatt.ts: value.getUint8(0)), and the Sensors status line prints it as a percent.
import { expect } from '@open-wc/testing';
import { readBattery } from '../../src/sources/web-bluetooth-gatt.js';
import { sensorsStatus } from '../../src/pages/sensors-status-words.js';
import type { BluetoothRemoteGATTServer } from '../../src/sources/web-bluetooth-types.js';

/** A GATT server whose Battery Level characteristic reads `byte`, and does not notify. */
const serverWithBattery = (byte: number) =>
  ({
    getPrimaryService: async () => ({
      getCharacteristic: async () => ({ readValue: async () => new DataView(new Uint8Array([byte]).buffer), properties: { notify: false } }),
    }),
  }) as unknown as BluetoothRemoteGATTServer;

const none = { state: null, remembered: false } as const;

describe('repro: a battery level out of range read as a percent', () => {
  it('a pod reading 255 (no level) does not show "255 %"', async () => {
    const battery = await readBattery(serverWithBattery(255));
    const line = sensorsStatus({ state: 'connected', name: 'Pod', batteryLevel: battery?.level ?? null }, none, none);
    // Expected: no percentage above 100 ("Pod · battery not reported · …"). Actual: "Pod · 255 % · no strap · no treadmill".
    expect(line).to.equal('Pod · battery not reported · no strap · no treadmill');
  });
});
