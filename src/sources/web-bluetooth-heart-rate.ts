// A heart-rate strap through Web Bluetooth (Heart Rate Service 0x180D): its chooser lists only
// heart-rate sensors, and every Heart Rate Measurement (0x2A37) notification is handed over as
// bytes; parseHeartRateMeasurement in ble/heart-rate reads them.

import { HEART_RATE_MEASUREMENT, HEART_RATE_SERVICE } from '../ble/gatt-uuids.js';
import type { SensorWording } from './web-bluetooth-messages.js';
import { measuringSensor } from './measuring-sensor.js';
import { WebBluetoothSensor, type WebBluetoothSensorOptions } from './web-bluetooth-sensor.js';
import { navigatorBluetooth, type Bluetooth } from './web-bluetooth-types.js';

export type WebBluetoothHeartRateOptions = WebBluetoothSensorOptions;

/** How the messages name a strap (here, not in web-bluetooth-messages.ts: it loads with the strap). */
export const heartRateWording: SensorWording = {
  noun: 'heart-rate strap',
  pairButton: 'Pair heart-rate strap',
  wakeIt: 'Put it on with moistened contacts (a strap sleeps when nobody wears it)',
  wakeThe: 'Put the heart-rate strap on',
  notOne: 'a heart-rate strap (it has no Heart Rate service)',
};

export class WebBluetoothHeartRate extends WebBluetoothSensor {
  declare readonly sensor: 'heart-rate';

  /** `bluetooth` null (or a browser without it) shows the 'unavailable' case. */
  constructor(bluetooth: Bluetooth | null | undefined = navigatorBluetooth(), options: WebBluetoothHeartRateOptions = {}) {
    super(measuringSensor('heart-rate', HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT, heartRateWording), bluetooth ?? null, options);
  }
}
