// A smart treadmill through Web Bluetooth (Fitness Machine Service 0x1826): its chooser lists
// only fitness machines, and every Treadmill Data (0x2ACD) notification is handed over as bytes;
// parseTreadmillData in ble/ftms-treadmill reads them.

import { FITNESS_MACHINE_SERVICE, TREADMILL_DATA } from '../ble/gatt-uuids.js';
import { treadmillWording } from './web-bluetooth-messages.js';
import { measuringSensor } from './measuring-sensor.js';
import { WebBluetoothSensor, type WebBluetoothSensorOptions } from './web-bluetooth-sensor.js';
import { navigatorBluetooth, type Bluetooth } from './web-bluetooth-types.js';

export type WebBluetoothTreadmillOptions = WebBluetoothSensorOptions;

export class WebBluetoothTreadmill extends WebBluetoothSensor {
  declare readonly sensor: 'treadmill';

  /** `bluetooth` null (or a browser without it) shows the 'unavailable' case. */
  constructor(bluetooth: Bluetooth | null | undefined = navigatorBluetooth(), options: WebBluetoothTreadmillOptions = {}) {
    super(measuringSensor('treadmill', FITNESS_MACHINE_SERVICE, TREADMILL_DATA, treadmillWording), bluetooth ?? null, options);
  }
}
