// A smart treadmill through Web Bluetooth (Fitness Machine Service 0x1826): its chooser lists
// only fitness machines, and every Treadmill Data (0x2ACD) notification is handed over as bytes;
// parseTreadmillData in ble/ftms-treadmill reads them. Its `control` drives the belt when a
// workout asks (see treadmill-control.ts); connecting alone reads and listens, never writes.

import { FITNESS_MACHINE_SERVICE, TREADMILL_DATA } from '../ble/gatt-uuids.js';
import { MeasurementEvent } from './footpod-source.js';
import type { SensorWording } from './web-bluetooth-messages.js';
import { measuringSensor } from './measuring-sensor.js';
import type { MeasuringSensorKind } from './web-bluetooth-sensor.js';
import type { TreadmillControl } from './treadmill-control.js';
import { GattTreadmillControl } from './web-bluetooth-treadmill-control.js';
import { WebBluetoothSensor, type WebBluetoothSensorOptions } from './web-bluetooth-sensor.js';
import { navigatorBluetooth, type Bluetooth } from './web-bluetooth-types.js';

export interface WebBluetoothTreadmillOptions extends WebBluetoothSensorOptions {
  /** How long a belt command waits for the treadmill's answer. Default 5 s. */
  controlTimeoutMs?: number;
}

/** How the messages name a treadmill (here, not in web-bluetooth-messages.ts: it loads with the treadmill). */
export const treadmillWording: SensorWording = {
  noun: 'treadmill',
  pairButton: 'Pair treadmill',
  wakeIt: 'Switch it on (start the belt if its Bluetooth sleeps)',
  wakeThe: 'Switch the treadmill on',
  notOne: 'a smart treadmill (it has no Fitness Machine service)',
};

/** A treadmill as measuringSensor finds it, plus what belt control reads and subscribes to on every connection. */
function drivenTreadmill(gatt: GattTreadmillControl): MeasuringSensorKind {
  const plain = measuringSensor('treadmill', FITNESS_MACHINE_SERVICE, TREADMILL_DATA, treadmillWording);
  return {
    ...plain,
    discover: async (server, device) => {
      const found = await plain.discover(server, device);
      await gatt.prepare(await server.getPrimaryService(FITNESS_MACHINE_SERVICE));
      return found;
    },
  };
}

export class WebBluetoothTreadmill extends WebBluetoothSensor {
  declare readonly sensor: 'treadmill';
  readonly #gatt: GattTreadmillControl;

  /** `bluetooth` null (or a browser without it) shows the 'unavailable' case. */
  constructor(bluetooth: Bluetooth | null | undefined = navigatorBluetooth(), options: WebBluetoothTreadmillOptions = {}) {
    const gatt = new GattTreadmillControl({ timeoutMs: options.controlTimeoutMs });
    super(drivenTreadmill(gatt), bluetooth ?? null, options);
    this.#gatt = gatt;
    // Read and subscribed during the connection's set-up; the control takes them once the link is
    // connected (on every reconnect too), as linkGone() also runs inside that set-up.
    this.addEventListener('statechange', () => {
      if (this.state === 'connected') this.#gatt.activate();
    });
    this.addEventListener(MeasurementEvent.type, (event) => this.#gatt.control.treadmillData((event as MeasurementEvent).view));
  }

  get control(): TreadmillControl {
    return this.#gatt.control;
  }

  protected override linkGone(): void {
    this.#gatt.forget();
  }
}
