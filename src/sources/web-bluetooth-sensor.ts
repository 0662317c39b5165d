// A Web Bluetooth sensor that is one notifying measurement characteristic plus an optional
// battery: what a smart treadmill (Treadmill Data) and a heart-rate strap (Heart Rate
// Measurement) both are to the app. The shared WebBluetoothLink does the connecting; this class
// finds the characteristic, forwards its bytes unparsed and keeps the battery level.

import { MeasurementEvent, type ConnectionState } from './footpod-source.js';
import { CharacteristicListeners } from './characteristic-listeners.js';
import { emptySensorInfo, type SensorInfo, type SensorKind, type SensorSource } from './sensor-source.js';
import { readBattery } from './web-bluetooth-gatt.js';
import { WebBluetoothLink, type SensorGattProfile, type WebBluetoothLinkOptions } from './web-bluetooth-link.js';
import { sensorMessages, type SensorWording } from './web-bluetooth-messages.js';
import type { Bluetooth, BluetoothDevice, BluetoothRemoteGATTServer } from './web-bluetooth-types.js';

export interface WebBluetoothSensorOptions extends WebBluetoothLinkOptions {
  /** The clock that stamps each notification; performance.now by default. */
  now?: () => number;
}

/** Which service and characteristic make a device this kind of sensor. */
export interface MeasuringSensorKind {
  sensor: SensorKind;
  service: number;
  measurement: number;
  wording: SensorWording;
}

/**
 * Events as every SensorSource: 'statechange', 'info', 'measurement' (MeasurementEvent).
 * connect() opens the chooser (listing only devices with the sensor's service) and must be
 * called from a click; connectRemembered() connects to the device whose id `rememberedId` gives,
 * and to nothing when it gives none.
 */
export class WebBluetoothSensor extends EventTarget implements SensorSource {
  readonly sensor: SensorKind;
  readonly kind = 'bluetooth' as const;
  #info: SensorInfo = emptySensorInfo();
  readonly #link: WebBluetoothLink;
  readonly #listeners = new CharacteristicListeners();
  readonly #now: () => number;
  readonly #what: MeasuringSensorKind;

  constructor(what: MeasuringSensorKind, bluetooth: Bluetooth | null, options: WebBluetoothSensorOptions) {
    super();
    this.sensor = what.sensor;
    this.#what = what;
    this.#now = options.now ?? (() => performance.now());
    const profile: SensorGattProfile = {
      requestOptions: { filters: [{ services: [what.service] }], optionalServices: ['battery_service', 'device_information'] },
      messages: sensorMessages(what.wording),
      // Any device the browser allows could be the footpod; only a stored id says which is this sensor.
      rememberFirstDevice: false,
      adopt: (device) => this.#setInfo({ deviceId: device.id, deviceName: device.name ?? null, batteryLevel: null }),
      setUp: (server, device, checkpoint) => this.#setUp(server, device, checkpoint),
      stopListening: () => this.#listeners.clear(),
    };
    this.#link = new WebBluetoothLink(bluetooth, profile, options, () => this.dispatchEvent(new Event('statechange')));
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

  get info(): SensorInfo {
    return this.#info;
  }

  /** Asks whether the computer has a Bluetooth adapter; 'unavailable' with a message when not. */
  checkAvailability(): Promise<boolean> {
    return this.#link.checkAvailability();
  }

  connect(): Promise<void> {
    return this.#link.connect();
  }

  /** The device stored for this sensor, when the browser still allows it, without connecting. */
  findRemembered(): Promise<{ name: string | null } | null> {
    return this.#link.findRemembered();
  }

  /** Connects to the remembered device without the chooser; a message says what to do if it cannot. */
  connectRemembered(): Promise<void> {
    return this.#link.connectRemembered();
  }

  disconnect(): void {
    this.#link.disconnect();
  }

  async #setUp(server: BluetoothRemoteGATTServer, device: BluetoothDevice, checkpoint: () => void): Promise<void> {
    const measurement = await (await server.getPrimaryService(this.#what.service)).getCharacteristic(this.#what.measurement);
    checkpoint();
    const battery = await readBattery(server);
    checkpoint();
    this.#listeners.clear();
    this.#listeners.listen(measurement, (value) => this.dispatchEvent(new MeasurementEvent(value, this.#now())));
    if (battery?.notifier) this.#listeners.listen(battery.notifier, (value) => this.#batteryLevel(value));
    this.#setInfo({ deviceId: device.id, deviceName: device.name ?? null, batteryLevel: battery?.level ?? null });
    await measurement.startNotifications();
    // A device that will not notify its battery level still runs; the level read above stands.
    await battery?.notifier?.startNotifications().catch(() => undefined);
  }

  #batteryLevel(value: DataView): void {
    if (value.byteLength === 0) return;
    const batteryLevel = value.getUint8(0);
    if (batteryLevel !== this.#info.batteryLevel) this.#setInfo({ ...this.#info, batteryLevel });
  }

  #setInfo(info: SensorInfo): void {
    this.#info = info;
    this.dispatchEvent(new Event('info'));
  }
}
