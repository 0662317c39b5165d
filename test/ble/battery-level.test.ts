// Battery Level (0x2A19) is a percentage, 0-100 (Bluetooth SIG, GATT Specification Supplement);
// 101-255 are not a level. A pod reading 255 once showed "Pod · 255 %" on the Sensors line.
import { expect } from '@open-wc/testing';
import { parseBatteryLevel } from '../../src/ble/battery-level.js';
import { readBattery } from '../../src/sources/web-bluetooth-gatt.js';
import { sensorsStatus } from '../../src/pages/sensors-status-words.js';
import type { BluetoothRemoteGATTServer } from '../../src/sources/web-bluetooth-types.js';
import { view } from './byte-helpers.js';

const rows: { name: string; hex: string; expected: number | null }[] = [
  { name: 'empty', hex: '', expected: null },
  { name: 'flat', hex: '00', expected: 0 },
  { name: 'one percent', hex: '01', expected: 1 },
  { name: 'mid', hex: '40', expected: 64 },
  { name: 'full', hex: '64', expected: 100 },
  { name: 'just above full', hex: '65', expected: null },
  { name: 'top bit set', hex: '80', expected: null },
  { name: 'all ones', hex: 'ff', expected: null },
  { name: 'a trailing byte is ignored', hex: '57 ff', expected: 87 },
  { name: 'a bad first byte is not rescued by the next', hex: 'ff 50', expected: null },
];

describe('parseBatteryLevel', () => {
  for (const { name, hex, expected } of rows) {
    it(`${name}: [${hex}] → ${expected}`, () => {
      expect(parseBatteryLevel(view(hex))).to.equal(expected);
    });
  }

  it('every byte 0-100 is its own level, every byte 101-255 is no level', () => {
    for (let byte = 0; byte <= 255; byte++) {
      expect(parseBatteryLevel(new DataView(new Uint8Array([byte]).buffer)), `byte ${byte}`).to.equal(byte <= 100 ? byte : null);
    }
  });
});

/** A GATT server whose Battery Level characteristic reads `bytes`, and does not notify. */
const serverWithBattery = (bytes: number[]) =>
  ({
    getPrimaryService: async () => ({
      getCharacteristic: async () => ({ readValue: async () => new DataView(new Uint8Array(bytes).buffer), properties: { notify: false } }),
    }),
  }) as unknown as BluetoothRemoteGATTServer;

const none = { state: null, remembered: false } as const;
const podLine = async (bytes: number[]) => {
  const battery = await readBattery(serverWithBattery(bytes));
  return sensorsStatus({ state: 'connected', name: 'Pod', batteryLevel: battery?.level ?? null }, none, none);
};

describe('a pod’s battery read at connection, on the Sensors line', () => {
  it('a level in range reads as a percent', async () => {
    expect(await podLine([87])).to.equal('Pod · 87 % · no strap · no treadmill');
  });

  for (const bytes of [[101], [255], []]) {
    it(`[${bytes.join(' ')}] reads "battery not reported", never a percent above 100`, async () => {
      expect(await podLine(bytes)).to.equal('Pod · battery not reported · no strap · no treadmill');
    });
  }
});
