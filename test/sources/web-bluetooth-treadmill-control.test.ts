/// <reference types="mocha" />
// What GattTreadmillControl makes of a treadmill that offers only part of FTMS: each optional
// characteristic missing or unreadable is null, a range no belt can run is said in words (the
// treadmill still connects), one that will not indicate means no control point, and only a lost
// link fails the set-up. A GATT service written here stands in for Chromium's (the emulated-stack
// test covers the full treadmill).
import { expect } from '@open-wc/testing';
import { GattTreadmillControl } from '../../src/sources/web-bluetooth-treadmill-control.js';
import type { BluetoothRemoteGATTCharacteristic, BluetoothRemoteGATTService } from '../../src/sources/web-bluetooth-types.js';

type Behaviour = { read?: number[] | DOMException; notify?: DOMException };

function service(characteristics: Record<number, Behaviour>, writes: number[][] = []): BluetoothRemoteGATTService {
  const made = new Map<number, BluetoothRemoteGATTCharacteristic>();
  const characteristic = (uuid: number, behaviour: Behaviour): BluetoothRemoteGATTCharacteristic =>
    Object.assign(new EventTarget(), {
      uuid: String(uuid),
      properties: { read: true, write: true, notify: true, indicate: true },
      value: null,
      readValue: async () => {
        if (behaviour.read instanceof DOMException) throw behaviour.read;
        return new DataView(Uint8Array.from(behaviour.read ?? []).buffer);
      },
      writeValueWithResponse: async (value: BufferSource) => {
        writes.push([...new Uint8Array(value as ArrayBuffer)]);
      },
      startNotifications: async function (this: BluetoothRemoteGATTCharacteristic) {
        if (behaviour.notify) throw behaviour.notify;
        return this;
      },
      stopNotifications: async function (this: BluetoothRemoteGATTCharacteristic) {
        return this;
      },
    });
  return {
    uuid: '1826',
    getCharacteristic: async (uuid) => {
      const behaviour = characteristics[uuid as number];
      if (!behaviour) throw new DOMException('No Characteristics matching UUID found in Service.', 'NotFoundError');
      if (!made.has(uuid as number)) made.set(uuid as number, characteristic(uuid as number, behaviour));
      return made.get(uuid as number)!;
    },
  };
}

const notSupported = new DOMException('GATT operation not permitted.', 'NotSupportedError');
const lost = new DOMException('GATT Server is disconnected.', 'NetworkError');

describe('GattTreadmillControl', () => {
  it('connects a treadmill with no FTMS extras: everything null and no control point', async () => {
    const gatt = new GattTreadmillControl();
    await gatt.prepare(service({}));
    gatt.activate();
    expect(gatt.control.capabilities).to.deep.equal({ feature: null, speed: null, incline: null, controlPoint: false });
    expect(await gatt.control.requestControl()).to.include({ failure: 'no-control-point' });
  });

  it('reads unreadable values as null, a speed range no belt can run as words, and a control point that will not indicate as none', async () => {
    const writes: number[][] = [];
    const gatt = new GattTreadmillControl();
    await gatt.prepare(
      service(
        {
          0x2acc: { read: notSupported },
          0x2ad4: { read: [0xd0, 0x07, 0x64, 0x00, 0x0a, 0x00] }, // minimum above maximum
          0x2ad5: { read: [0x00, 0x00, 0x96, 0x00, 0x05, 0x00] },
          0x2ada: { read: [] },
          0x2ad9: { read: [], notify: notSupported },
        },
        writes,
      ),
    );
    gatt.activate();
    expect(gatt.control.capabilities).to.deep.equal({
      feature: null,
      speed: null,
      incline: { minPercent: 0, maxPercent: 15, incrementPercent: 0.5 },
      controlPoint: false,
      cannotDrive: 'This treadmill reports a speed range of 20.0 to 1.0 km/h, so the app cannot set its speed.',
    });
    expect(writes).to.deep.equal([]);
  });

  it('fails the set-up only for a lost link, and keeps nothing from it', async () => {
    const gatt = new GattTreadmillControl();
    let error: unknown = null;
    await gatt.prepare(service({ 0x2acc: { read: lost } })).catch((e: unknown) => (error = e));
    expect(error).to.equal(lost);
    gatt.activate();
    expect(gatt.control.capabilities).to.equal(null);
  });

  it('takes control through the control point it subscribed to, and forgets it with the link', async () => {
    const writes: number[][] = [];
    const gatt = new GattTreadmillControl({ timeoutMs: 50 });
    await gatt.prepare(service({ 0x2ad9: { read: [] }, 0x2ada: { read: [] } }, writes));
    gatt.activate();
    expect(gatt.control.capabilities?.controlPoint).to.equal(true);
    expect(writes, 'nothing written by connecting').to.deep.equal([]);
    expect(await gatt.control.requestControl()).to.include({ failure: 'no-answer' });
    expect(writes).to.deep.equal([[0x00]]);
    gatt.forget();
    expect(gatt.control.capabilities).to.equal(null);
  });
});
