// The one interface every footpod (real or simulated) offers the rest of the app.
// Sources hand over raw measurement bytes; parsing happens once, in the session, for all of them.

import type { FootpodControlPoint } from './footpod-control-point.js';

export type ConnectionState =
  | 'idle' // nothing chosen yet, or the runner cancelled the chooser
  | 'requesting' // the browser's device chooser is open
  | 'connecting'
  | 'connected'
  | 'reconnecting' // the link dropped; retrying by itself with backoff
  | 'disconnected' // the runner disconnected, or retries gave up
  | 'unavailable'; // no Web Bluetooth here; `message` says what to do

/** What the pod told us about itself. `null` means not (yet) known or not offered. */
export interface FootpodInfo {
  /**
   * Stays the same for one pod across runs: the browser's BluetoothDevice.id (stable per origin),
   * or the simulator's profile. Null before a device is chosen.
   */
  deviceId: string | null;
  deviceName: string | null;
  /** Raw RSC Feature (0x2A54) value; parse with parseRscFeature. */
  feature: DataView | null;
  /** Sensor location code (0x2A5D); names in ble/sensor-locations. */
  sensorLocation: number | null;
  /** Battery level in percent, when the pod has the battery service. */
  batteryLevel: number | null;
  /** Device Information (0x180A) strings, as text (never markup); absent or null when the pod has none. */
  manufacturerName?: string | null;
  modelNumber?: string | null;
  firmwareRevision?: string | null;
  /** Sensor location codes the pod said it supports (SC Control Point op 4), once asked. */
  supportedLocations?: readonly number[] | null;
}

/**
 * One RSC Measurement notification as received, stamped on the source's clock; as POWER_EVENT,
 * one Cycling Power Measurement (0x2A63) of a pod that sends running power.
 */
export class MeasurementEvent extends Event {
  static readonly type = 'measurement';
  constructor(
    readonly view: DataView,
    /** Milliseconds on the source's clock (the simulator's clock can run faster than real time). */
    readonly timeMs: number,
    type: string = MeasurementEvent.type,
  ) {
    super(type);
  }
}

/** The event a footpod's power measurements come as (a MeasurementEvent). */
export const POWER_EVENT = 'power';

/**
 * Events: 'statechange' (state or message changed), 'info' (FootpodInfo changed),
 * 'measurement' (a MeasurementEvent), 'power' (a MeasurementEvent, from pods that send power).
 */
export interface FootpodSource extends EventTarget {
  readonly kind: 'bluetooth' | 'simulator';
  readonly state: ConnectionState;
  /** A sentence for the runner when something needs their attention (unavailable, failed, gave up). */
  readonly message: string | null;
  readonly info: FootpodInfo;
  /** Starts the source. For Web Bluetooth this opens the chooser, so call it from a click. */
  connect(): Promise<void>;
  /**
   * Commands through the pod's SC Control Point (0x2A55), for sources that can send them: undefined
   * until loadControlPoint() has loaded its code, which only the Settings page's commands need.
   */
  readonly controlPoint?: FootpodControlPoint;
  /** Loads the control point (once; later calls get the same one). Absent on sources that take no commands. */
  loadControlPoint?(): Promise<FootpodControlPoint>;
  /** Stops the source and forgets no data: anything already emitted stays emitted. */
  disconnect(): void;
}

export const emptyFootpodInfo = (): FootpodInfo => ({
  deviceId: null,
  deviceName: null,
  feature: null,
  sensorLocation: null,
  batteryLevel: null,
});
