// A smart treadmill through Web Bluetooth (Fitness Machine Service 0x1826): its chooser lists
// only fitness machines, and every Treadmill Data (0x2ACD) notification is handed over as bytes;
// parseTreadmillData in ble/ftms-treadmill reads them. Its `control` drives the belt when a
// workout asks (see treadmill-control.ts); connecting alone reads and listens, never writes.

import { FITNESS_MACHINE_SERVICE, TREADMILL_DATA } from '../ble/gatt-uuids.js';
import { MeasurementEvent } from './footpod-source.js';
import { treadmillWording } from './web-bluetooth-messages.js';
import { measuringSensor } from './measuring-sensor.js';
import type { TreadmillControl } from './treadmill-control.js';
import { GattTreadmillControl } from './web-bluetooth-treadmill-control.js';
import { WebBluetoothSensor, type WebBluetoothSensorOptions } from './web-bluetooth-sensor.js';
import { navigatorBluetooth, type Bluetooth } from './web-bluetooth-types.js';

export interface WebBluetoothTreadmillOptions extends WebBluetoothSensorOptions {
  /** How long a belt command waits for the treadmill's answer. Default 5 s. */
  controlTimeoutMs?: number;
}

export class WebBluetoothTreadmill extends WebBluetoothSensor {
  declare readonly sensor: 'treadmill';
  readonly #gatt: GattTreadmillControl;

  /** `bluetooth` null (or a browser without it) shows the 'unavailable' case. */
  constructor(bluetooth: Bluetooth | null | undefined = navigatorBluetooth(), options: WebBluetoothTreadmillOptions = {}) {
    super(measuringSensor('treadmill', FITNESS_MACHINE_SERVICE, TREADMILL_DATA, treadmillWording), bluetooth ?? null, options);
    this.#gatt = new GattTreadmillControl({ timeoutMs: options.controlTimeoutMs });
    // After the link says connected (on every reconnect too), so nothing here can fail a connection.
    this.addEventListener('statechange', () => {
      if (this.state === 'connected') void this.#gatt.connected(this.connectedServer);
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
