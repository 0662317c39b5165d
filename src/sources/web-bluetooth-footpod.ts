// A real footpod through Web Bluetooth: opens Chrome's chooser, reads what the pod says about
// itself, forwards every RSC Measurement as bytes, and gets the link back by itself when it drops
// (WebBluetoothSensor and its WebBluetoothLink do that for every sensor; this file is what a footpod offers).
// Nothing here parses measurements; the session does that for every source alike.

import { CYCLING_POWER_SERVICE, RSC_SERVICE } from '../ble/gatt-uuids.js';
import { emptyFootpodInfo, type FootpodInfo, type FootpodSource } from './footpod-source.js';
import { footpodWording } from './web-bluetooth-messages.js';
import { discoverFootpod } from './web-bluetooth-gatt.js';
import type { GattControlPoint } from './web-bluetooth-control-point.js';
import type { FootpodControlPoint } from './footpod-control-point.js';
import { WebBluetoothSensor, type MeasuringSensorKind, type WebBluetoothSensorOptions } from './web-bluetooth-sensor.js';
import { navigatorBluetooth, type Bluetooth } from './web-bluetooth-types.js';

export { defaultRetryDelaysMs } from './web-bluetooth-link.js';

export interface WebBluetoothFootpodOptions extends WebBluetoothSensorOptions {
  /**
   * The clock that stamps each notification (performance.now by default). Tests that feed a long
   * run through the real stack in a few seconds hand in a clock they advance a second per notification.
   */
  now?: () => number;
  /** How long an SC Control Point command waits for the pod's answer. Default 30 s. */
  controlPointTimeoutMs?: number;
}

const footpod: MeasuringSensorKind<FootpodInfo> = {
  sensor: 'footpod',
  service: RSC_SERVICE,
  wording: footpodWording,
  // Paired before the app kept ids, the footpod is the first device the browser allows.
  rememberFirstDevice: true,
  // Running power (a Stryd's), from the same pairing when the pod has it.
  optionalServices: [CYCLING_POWER_SERVICE],
  emptyInfo: emptyFootpodInfo,
  discover: async (server, device) => {
    const pod = await discoverFootpod(server);
    return {
      measurement: pod.measurement,
      battery: pod.battery,
      power: pod.power,
      info: {
        deviceId: device.id,
        deviceName: device.name ?? null,
        feature: pod.feature,
        sensorLocation: pod.sensorLocation,
        batteryLevel: pod.battery?.level ?? null,
        ...pod.deviceInformation,
      },
    };
  },
};

/**
 * Events as every FootpodSource: 'statechange', 'info', 'measurement' (MeasurementEvent).
 * connect() opens the chooser and must be called from a click; connectRemembered() reconnects
 * to a pod chosen before without the chooser. With no `rememberedId`, the remembered pod is the
 * first device the browser allows that is not in `otherIds`. The connecting, reading and
 * forwarding are WebBluetoothSensor's; what only a footpod has is its SC Control Point, whose
 * code loads on demand (loadControlPoint) since only the Settings page gives commands.
 */
export class WebBluetoothFootpod extends WebBluetoothSensor<FootpodInfo> implements FootpodSource {
  declare readonly sensor: 'footpod';
  readonly #controlPointTimeoutMs: number | undefined;
  #commands: GattControlPoint | null = null;
  #loading: Promise<FootpodControlPoint> | null = null;

  /** `bluetooth` null (or a browser without it) shows the 'unavailable' case. */
  constructor(bluetooth: Bluetooth | null | undefined = navigatorBluetooth(), options: WebBluetoothFootpodOptions = {}) {
    super(footpod, bluetooth ?? null, options);
    this.#controlPointTimeoutMs = options.controlPointTimeoutMs;
  }

  /** Reset distance, calibrate, sensor location (only while connected and as the feature bits allow), once loaded. */
  get controlPoint(): FootpodControlPoint | undefined {
    return this.#commands?.controlPoint;
  }

  loadControlPoint(): Promise<FootpodControlPoint> {
    this.#loading ??= import('./web-bluetooth-control-point.js').then(
      ({ GattControlPoint }) => {
        this.#commands ??= new GattControlPoint(
          {
            server: () => this.connectedServer,
            feature: () => this.info.feature,
            succeeded: (request, response) => {
              if (request.opCode === 3) this.setInfo({ ...this.info, sensorLocation: request.sensorLocation });
              if (request.opCode === 4) this.setInfo({ ...this.info, supportedLocations: response.supportedLocations });
            },
          },
          { timeoutMs: this.#controlPointTimeoutMs },
        );
        return this.#commands.controlPoint;
      },
      (error: unknown) => {
        // A chunk that did not arrive (offline, a new deploy) may arrive on the next try.
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }

  protected override linkGone(): void {
    this.#commands?.forget();
  }
}
