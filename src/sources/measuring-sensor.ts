// The treadmill's and the strap's kind of WebBluetoothSensor: one measurement characteristic in
// the sensor's service, a battery and a name. Apart from web-bluetooth-sensor.ts because the
// footpod (in the first load) shares that class but not this, and the other two load on demand.

import { emptySensorInfo, type SensorKind } from './sensor-source.js';
import { readBattery } from './web-bluetooth-gatt.js';
import type { SensorWording } from './web-bluetooth-messages.js';
import type { MeasuringSensorKind } from './web-bluetooth-sensor.js';

/** A sensor that is its service's one measurement characteristic, a battery and a name. */
export function measuringSensor(sensor: SensorKind, service: number, measurement: number, wording: SensorWording): MeasuringSensorKind {
  return {
    sensor,
    service,
    wording,
    // Any device the browser allows could be the footpod; only a stored id says which is this sensor.
    rememberFirstDevice: false,
    emptyInfo: emptySensorInfo,
    discover: async (server, device) => {
      const characteristic = await (await server.getPrimaryService(service)).getCharacteristic(measurement);
      const battery = await readBattery(server);
      return {
        measurement: characteristic,
        battery,
        info: { deviceId: device.id, deviceName: device.name ?? null, batteryLevel: battery?.level ?? null },
      };
    },
  };
}
