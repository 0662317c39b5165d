// The one interface every sensor of a run offers the app: the footpod, a smart treadmill and a
// heart-rate strap alike, real or simulated. Like the footpod, a sensor hands over raw measurement
// bytes (Treadmill Data 0x2ACD, Heart Rate Measurement 0x2A37) and the session parses them.

import type { ConnectionState } from './footpod-source.js';

export type { ConnectionState } from './footpod-source.js';
export { MeasurementEvent } from './footpod-source.js';

export type SensorKind = 'footpod' | 'treadmill' | 'heart-rate';

/** What the sensor told us about itself. `null` means not (yet) known or not offered. */
export interface SensorInfo {
  /** The browser's BluetoothDevice.id (stable per origin), or the simulator's; null before a device is chosen. */
  deviceId: string | null;
  deviceName: string | null;
  /** Battery level in percent, when the sensor has the battery service. */
  batteryLevel: number | null;
}

/**
 * Events: 'statechange' (state or message changed), 'info' (SensorInfo changed),
 * 'measurement' (a MeasurementEvent with the characteristic's bytes, stamped on the source's clock).
 */
export interface SensorSource extends EventTarget {
  readonly sensor: SensorKind;
  readonly kind: 'bluetooth' | 'simulator';
  readonly state: ConnectionState;
  /** A sentence for the runner when something needs their attention (unavailable, failed, gave up). */
  readonly message: string | null;
  readonly info: SensorInfo;
  /** Starts the source. For Web Bluetooth this opens the chooser, so call it from a click. */
  connect(): Promise<void>;
  /** Stops the source; anything already emitted stays emitted. */
  disconnect(): void;
}

export const emptySensorInfo = (): SensorInfo => ({ deviceId: null, deviceName: null, batteryLevel: null });
