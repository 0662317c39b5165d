// A Web Bluetooth sensor that is one notifying measurement characteristic plus an optional
// battery: what a smart treadmill (Treadmill Data), a heart-rate strap (Heart Rate Measurement)
// and a footpod (RSC Measurement) all are to the app. The shared WebBluetoothLink does the
// connecting; this class has the sensor's part discovered, forwards its bytes unparsed and keeps
// the battery level. What else a device says about itself (a footpod's features) is its kind's.

import { parseBatteryLevel } from '../ble/battery-level.js';
import { MeasurementEvent, POWER_EVENT, type ConnectionState } from './footpod-source.js';
import { CharacteristicListeners } from './characteristic-listeners.js';
import type { SensorInfo, SensorKind, SensorSource } from './sensor-source.js';
import { WebBluetoothLink, type SensorGattProfile, type WebBluetoothLinkOptions } from './web-bluetooth-link.js';
import { sensorMessages, type SensorWording } from './web-bluetooth-messages.js';
import type {
  Bluetooth,
  BluetoothDevice,
  BluetoothRemoteGATTCharacteristic,
  BluetoothRemoteGATTServer,
} from './web-bluetooth-types.js';

export interface WebBluetoothSensorOptions extends WebBluetoothLinkOptions {
  /** The clock that stamps each notification; performance.now by default. */
  now?: () => number;
}

/** What one connection's discovery found; Chrome hands out new objects after every reconnect. */
export interface DiscoveredSensor<Info extends SensorInfo> {
  measurement: BluetoothRemoteGATTCharacteristic;
  /** Present when the device has the battery service; the characteristic only if it can notify. */
  battery: { level: number | null; notifier: BluetoothRemoteGATTCharacteristic | null } | null;
  /** A footpod's Cycling Power Measurement (0x2A63), when it sends running power; its values come as POWER_EVENT. */
  power?: BluetoothRemoteGATTCharacteristic | null;
  /** Everything the device says about itself, its battery level as read included. */
  info: Info;
}

/** Which service makes a device this kind of sensor, and what it is asked once connected. */
export interface MeasuringSensorKind<Info extends SensorInfo = SensorInfo> {
  sensor: SensorKind;
  service: number;
  wording: SensorWording;
  /** Whether, with no remembered id, the first device the browser allows counts as this sensor. */
  rememberFirstDevice: boolean;
  /** Services asked for beside battery and device information, used only when the device has them. */
  optionalServices?: number[];
  /** What the source says before anything was read from a device. */
  emptyInfo(): Info;
  /** Finds the measurement characteristic and reads what the device says about itself. */
  discover(server: BluetoothRemoteGATTServer, device: BluetoothDevice): Promise<DiscoveredSensor<Info>>;
}

/**
 * Events as every SensorSource: 'statechange', 'info', 'measurement' (MeasurementEvent).
 * connect() opens the chooser (listing only devices with the sensor's service) and must be
 * called from a click; connectRemembered() connects to the device whose id `rememberedId` gives,
 * and to nothing when it gives none.
 */
export class WebBluetoothSensor<Info extends SensorInfo = SensorInfo> extends EventTarget implements SensorSource {
  readonly sensor: SensorKind;
  readonly kind = 'bluetooth' as const;
  #info: Info;
  readonly #link: WebBluetoothLink;
  readonly #listeners = new CharacteristicListeners();
  readonly #now: () => number;
  readonly #what: MeasuringSensorKind<Info>;

  constructor(what: MeasuringSensorKind<Info>, bluetooth: Bluetooth | null, options: WebBluetoothSensorOptions) {
    super();
    this.sensor = what.sensor;
    this.#what = what;
    this.#info = what.emptyInfo();
    this.#now = options.now ?? (() => performance.now());
    const profile: SensorGattProfile = {
      requestOptions: {
        filters: [{ services: [what.service] }],
        optionalServices: ['battery_service', 'device_information', ...(what.optionalServices ?? [])],
      },
      messages: sensorMessages(what.wording),
      rememberFirstDevice: what.rememberFirstDevice,
      adopt: (device) => this.setInfo({ ...what.emptyInfo(), deviceId: device.id, deviceName: device.name ?? null }),
      setUp: (server, device, checkpoint) => this.#setUp(server, device, checkpoint),
      stopListening: () => {
        this.linkGone();
        this.#listeners.clear();
      },
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

  get info(): Info {
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

  /** The GATT server while the link counts as connected; null otherwise. */
  protected get connectedServer(): BluetoothRemoteGATTServer | null {
    return this.#link.state === 'connected' ? (this.#link.device?.gatt ?? null) : null;
  }

  /** The link went, or a new connection starts: whatever a subclass holds on the old one goes too. */
  protected linkGone(): void {}

  protected setInfo(info: Info): void {
    this.#info = info;
    this.dispatchEvent(new Event('info'));
  }

  /** Discovers, listens and subscribes; the link runs it again after every reconnect. */
  async #setUp(server: BluetoothRemoteGATTServer, device: BluetoothDevice, checkpoint: () => void): Promise<void> {
    const { measurement, battery, power, info } = await this.#what.discover(server, device);
    checkpoint();
    this.linkGone();
    this.#listeners.clear();
    this.#listeners.listen(measurement, (value) => this.dispatchEvent(new MeasurementEvent(value, this.#now())));
    if (battery?.notifier) this.#listeners.listen(battery.notifier, (value) => this.#batteryLevel(value));
    if (power) this.#listeners.listen(power, (value) => this.dispatchEvent(new MeasurementEvent(value, this.#now(), POWER_EVENT)));
    this.setInfo(info);
    await measurement.startNotifications();
    // A device that will not notify its battery level (or power) still runs as a footpod; the level read above stands.
    await battery?.notifier?.startNotifications().catch(() => undefined);
    await power?.startNotifications().catch(() => undefined);
  }

  #batteryLevel(value: DataView): void {
    const batteryLevel = parseBatteryLevel(value);
    if (batteryLevel !== this.#info.batteryLevel) this.setInfo({ ...this.#info, batteryLevel });
  }
}
