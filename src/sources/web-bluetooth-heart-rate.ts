// A heart-rate strap through Web Bluetooth (Heart Rate Service 0x180D): its chooser lists only
// heart-rate sensors, and every Heart Rate Measurement (0x2A37) notification is handed over as
// bytes; parseHeartRateMeasurement in ble/heart-rate reads them.

import { HEART_RATE_MEASUREMENT, HEART_RATE_SERVICE } from '../ble/gatt-uuids.js';
import { heartRateWording } from './web-bluetooth-messages.js';
import { measuringSensor } from './measuring-sensor.js';
import { WebBluetoothSensor, type WebBluetoothSensorOptions } from './web-bluetooth-sensor.js';
import { navigatorBluetooth, type Bluetooth } from './web-bluetooth-types.js';

export type WebBluetoothHeartRateOptions = WebBluetoothSensorOptions;

export class WebBluetoothHeartRate extends WebBluetoothSensor {
  declare readonly sensor: 'heart-rate';

  /** `bluetooth` null (or a browser without it) shows the 'unavailable' case. */
  constructor(bluetooth: Bluetooth | null | undefined = navigatorBluetooth(), options: WebBluetoothHeartRateOptions = {}) {
    super(measuringSensor('heart-rate', HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT, heartRateWording), bluetooth ?? null, options);
  }
}
