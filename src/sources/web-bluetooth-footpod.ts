// A real footpod through Web Bluetooth: opens Chrome's chooser, reads what the pod says about
// itself, forwards every RSC Measurement as bytes, and gets the link back by itself when it drops
// (the shared WebBluetoothLink does the connecting; this file is what a footpod offers).
// Nothing here parses measurements; the session does that for every source alike.

import { RSC_SERVICE } from '../ble/gatt-uuids.js';
import {
  emptyFootpodInfo,
  MeasurementEvent,
  type ConnectionState,
  type FootpodInfo,
  type FootpodSource,
} from './footpod-source.js';
import { footpodWording, sensorMessages } from './web-bluetooth-messages.js';
import { discoverFootpod } from './web-bluetooth-gatt.js';
import { GattControlPoint } from './web-bluetooth-control-point.js';
import type { FootpodControlPoint } from './footpod-control-point.js';
import { CharacteristicListeners } from './characteristic-listeners.js';
import { WebBluetoothLink, type SensorGattProfile, type WebBluetoothLinkOptions } from './web-bluetooth-link.js';
import { navigatorBluetooth, type Bluetooth, type BluetoothDevice, type BluetoothRemoteGATTServer } from './web-bluetooth-types.js';

export { defaultRetryDelaysMs } from './web-bluetooth-link.js';

export interface WebBluetoothFootpodOptions extends WebBluetoothLinkOptions {
  /**
   * The clock that stamps each notification (performance.now by default). Tests that feed a long
   * run through the real stack in a few seconds hand in a clock they advance a second per notification.
   */
  now?: () => number;
  /** How long an SC Control Point command waits for the pod's answer. Default 30 s. */
  controlPointTimeoutMs?: number;
}

/**
 * Events as every FootpodSource: 'statechange', 'info', 'measurement' (MeasurementEvent).
 * connect() opens the chooser and must be called from a click; connectRemembered() reconnects
 * to a pod chosen before without the chooser. With no `rememberedId`, the remembered pod is the
 * first device the browser allows that is not in `otherIds`.
 */
export class WebBluetoothFootpod extends EventTarget implements FootpodSource {
  readonly sensor = 'footpod' as const;
  readonly kind = 'bluetooth' as const;
  #info: FootpodInfo = emptyFootpodInfo();
  readonly #link: WebBluetoothLink;
  readonly #listeners = new CharacteristicListeners();
  readonly #now: () => number;
  readonly #commands: GattControlPoint;

  /** `bluetooth` null (or a browser without it) shows the 'unavailable' case. */
  constructor(bluetooth: Bluetooth | null | undefined = navigatorBluetooth(), options: WebBluetoothFootpodOptions = {}) {
    super();
    this.#now = options.now ?? (() => performance.now());
    this.#commands = new GattControlPoint(
      {
        server: () => (this.#link.state === 'connected' ? (this.#link.device?.gatt ?? null) : null),
        feature: () => this.#info.feature,
        succeeded: (request, response) => {
          if (request.opCode === 3) this.#setInfo({ ...this.#info, sensorLocation: request.sensorLocation });
          if (request.opCode === 4) this.#setInfo({ ...this.#info, supportedLocations: response.supportedLocations });
        },
      },
      { timeoutMs: options.controlPointTimeoutMs },
    );
    const profile: SensorGattProfile = {
      requestOptions: { filters: [{ services: [RSC_SERVICE] }], optionalServices: ['battery_service', 'device_information'] },
      messages: sensorMessages(footpodWording),
      rememberFirstDevice: true,
      adopt: (device) => this.#setInfo({ ...emptyFootpodInfo(), deviceId: device.id, deviceName: device.name ?? null }),
      setUp: (server, device, checkpoint) => this.#setUp(server, device, checkpoint),
      stopListening: () => {
        this.#commands.forget();
        this.#listeners.clear();
      },
    };
    this.#link = new WebBluetoothLink(bluetooth ?? null, profile, options, () => this.dispatchEvent(new Event('statechange')));
  }

  /** False when this browser has no Web Bluetooth at all; an adapter that is off still counts. */
  get supported(): boolean {
    return this.#link.supported;
  }

  get state(): ConnectionState {
    return this.#link.state;
  }

  get message(): string | null {
    return this.#link.message;
  }

  get info(): FootpodInfo {
    return this.#info;
  }

  /** Reset distance, calibrate, sensor location: only while connected and as the feature bits allow. */
  get controlPoint(): FootpodControlPoint {
    return this.#commands.controlPoint;
  }

  /** Asks whether the computer has a Bluetooth adapter; 'unavailable' with a message when not. */
  checkAvailability(): Promise<boolean> {
    return this.#link.checkAvailability();
  }

  connect(): Promise<void> {
    return this.#link.connect();
  }

  /** The pod this browser let the app use before, without connecting to it. */
  findRemembered(): Promise<{ name: string | null } | null> {
    return this.#link.findRemembered();
  }

  /** Connects to the remembered pod without the chooser; a message says what to do if it cannot. */
  connectRemembered(): Promise<void> {
    return this.#link.connectRemembered();
  }

  disconnect(): void {
    this.#link.disconnect();
  }

  /** Reads what the pod offers and subscribes; the link runs it again after every reconnect. */
  async #setUp(server: BluetoothRemoteGATTServer, device: BluetoothDevice, checkpoint: () => void): Promise<void> {
    const pod = await discoverFootpod(server);
    checkpoint();
    this.#commands.forget();
    this.#listeners.clear();
    this.#listeners.listen(pod.measurement, (value) => this.dispatchEvent(new MeasurementEvent(value, this.#now())));
    const battery = pod.battery?.notifier ?? null;
    if (battery) this.#listeners.listen(battery, (value) => this.#batteryLevel(value));
    this.#setInfo({
      deviceId: device.id,
      deviceName: device.name ?? null,
      feature: pod.feature,
      sensorLocation: pod.sensorLocation,
      batteryLevel: pod.battery?.level ?? null,
      ...pod.deviceInformation,
    });
    await pod.measurement.startNotifications();
    // A pod that will not notify its battery level still runs; the level read above stands.
    await battery?.startNotifications().catch(() => undefined);
  }

  #batteryLevel(value: DataView): void {
    if (value.byteLength === 0) return;
    const batteryLevel = value.getUint8(0);
    if (batteryLevel !== this.#info.batteryLevel) this.#setInfo({ ...this.#info, batteryLevel });
  }

  #setInfo(info: FootpodInfo): void {
    this.#info = info;
    this.dispatchEvent(new Event('info'));
  }
}
