// A real footpod through Web Bluetooth: opens Chrome's chooser, reads what the pod says about
// itself, forwards every RSC Measurement as bytes, and gets the link back by itself when it drops.
// Nothing here parses measurements; the session does that for every source alike.

import { RSC_SERVICE } from '../ble/gatt-uuids.js';
import {
  emptyFootpodInfo,
  MeasurementEvent,
  type ConnectionState,
  type FootpodInfo,
  type FootpodSource,
} from './footpod-source.js';
import {
  adapterUnavailableMessage,
  connectFailedMessage,
  gaveUpMessage,
  isAdapterMissing,
  isChooserCancelled,
  isUnreachable,
  noRememberedMessage,
  noWebBluetoothMessage,
} from './web-bluetooth-messages.js';
import { copyOf, discoverFootpod, watchForAdvertisement } from './web-bluetooth-gatt.js';
import { GattControlPoint } from './web-bluetooth-control-point.js';
import type { FootpodControlPoint } from './footpod-control-point.js';
import {
  navigatorBluetooth,
  type Bluetooth,
  type BluetoothDevice,
  type BluetoothRemoteGATTCharacteristic,
} from './web-bluetooth-types.js';

export interface WebBluetoothFootpodOptions {
  /** The wait before each reconnect attempt after the link drops; one attempt per entry. */
  retryDelaysMs?: readonly number[];
  /** How long connectRemembered() listens for the pod to advertise before giving up. */
  advertisementTimeoutMs?: number;
  /**
   * The clock that stamps each notification (performance.now by default). Tests that feed a long
   * run through the real stack in a few seconds hand in a clock they advance a second per notification.
   */
  now?: () => number;
  /** How long an SC Control Point command waits for the pod's answer. Default 30 s. */
  controlPointTimeoutMs?: number;
}

/** 1 s, 2 s, 4 s, 8 s, 15 s, then every 30 s: five minutes of trying in all. */
export const defaultRetryDelaysMs: readonly number[] = [1000, 2000, 4000, 8000, 15000, 30000, ...new Array<number>(8).fill(30000)];

const requestOptions = {
  filters: [{ services: [RSC_SERVICE] }],
  optionalServices: ['battery_service', 'device_information'],
};

/** Thrown inside an attempt that a newer connect or disconnect replaced; never shown to anyone. */
class Superseded extends Error {}

/**
 * Events as every FootpodSource: 'statechange', 'info', 'measurement' (MeasurementEvent).
 * connect() opens the chooser and must be called from a click; connectRemembered() reconnects
 * to a pod chosen before without the chooser.
 */
export class WebBluetoothFootpod extends EventTarget implements FootpodSource {
  readonly kind = 'bluetooth' as const;
  #state: ConnectionState = 'idle';
  #message: string | null = null;
  #info: FootpodInfo = emptyFootpodInfo();

  readonly #bluetooth: Bluetooth | null;
  readonly #retryDelaysMs: readonly number[];
  readonly #advertisementTimeoutMs: number;

  #device: BluetoothDevice | null = null;
  #measurement: BluetoothRemoteGATTCharacteristic | null = null;
  #battery: BluetoothRemoteGATTCharacteristic | null = null;
  // Bumped whenever something new starts or the runner stops, so an older attempt still waiting
  // on the browser gives up instead of touching the current one.
  #generation = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #now: () => number;
  #stopWatching: (() => void) | null = null;
  readonly #commands: GattControlPoint;

  /** `bluetooth` null (or a browser without it) shows the 'unavailable' case. */
  constructor(bluetooth: Bluetooth | null | undefined = navigatorBluetooth(), options: WebBluetoothFootpodOptions = {}) {
    super();
    const { retryDelaysMs = defaultRetryDelaysMs, advertisementTimeoutMs = 10_000, now = () => performance.now() } = options;
    this.#now = now;
    this.#commands = new GattControlPoint(
      {
        server: () => (this.#state === 'connected' ? (this.#device?.gatt ?? null) : null),
        feature: () => this.#info.feature,
        succeeded: (request, response) => {
          if (request.opCode === 3) this.#setInfo({ ...this.#info, sensorLocation: request.sensorLocation });
          if (request.opCode === 4) this.#setInfo({ ...this.#info, supportedLocations: response.supportedLocations });
        },
      },
      { timeoutMs: options.controlPointTimeoutMs },
    );
    if (!retryDelaysMs.every((ms) => Number.isFinite(ms) && ms >= 0)) {
      throw new RangeError(`retryDelaysMs must be milliseconds ≥ 0, not ${retryDelaysMs.join(', ')}`);
    }
    this.#bluetooth = bluetooth ?? null;
    this.#retryDelaysMs = [...retryDelaysMs];
    this.#advertisementTimeoutMs = advertisementTimeoutMs;
    if (this.#bluetooth) void this.checkAvailability();
    else this.#setState('unavailable', noWebBluetoothMessage);
  }

  /** False when this browser has no Web Bluetooth at all; an adapter that is off still counts. */
  get supported(): boolean {
    return this.#bluetooth !== null;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  get message(): string | null {
    return this.#message;
  }

  get info(): FootpodInfo {
    return this.#info;
  }

  /** Reset distance, calibrate, sensor location: only while connected and as the feature bits allow. */
  get controlPoint(): FootpodControlPoint {
    return this.#commands.controlPoint;
  }

  /** Asks whether the computer has a Bluetooth adapter; 'unavailable' with a message when not. */
  async checkAvailability(): Promise<boolean> {
    const bluetooth = this.#bluetooth;
    if (!bluetooth) return false;
    if (typeof bluetooth.getAvailability !== 'function') return true;
    let available = true;
    try {
      available = await bluetooth.getAvailability();
    } catch {
      // Unknown: let a connect() find out and say what went wrong.
    }
    if (!available && this.#state === 'idle') this.#setState('unavailable', adapterUnavailableMessage);
    if (available && this.#state === 'unavailable') this.#setState('idle', null);
    return available;
  }

  connect(): Promise<void> {
    const bluetooth = this.#bluetooth;
    // Chrome shows one chooser at a time; a second click while it is open changes nothing.
    if (!bluetooth || this.#state === 'requesting') return Promise.resolve();
    // requestDevice comes before any await, so it runs inside the click's user activation.
    let chosen: Promise<BluetoothDevice>;
    try {
      chosen = bluetooth.requestDevice(requestOptions);
    } catch (error) {
      chosen = Promise.reject(error);
    }
    const generation = this.#startOver();
    this.#setState('requesting', null);
    return chosen.then(
      (device) => this.#connectTo(device, generation),
      (error: unknown) => {
        if (generation !== this.#generation) return;
        if (isChooserCancelled(error)) this.#setState('idle', null);
        else this.#fail(error, null);
      },
    );
  }

  /** The pod this browser let the app use before (the first one), without connecting to it. */
  async findRemembered(): Promise<{ name: string | null } | null> {
    const device = await this.#rememberedDevice();
    return device ? { name: device.name ?? null } : null;
  }

  /** Connects to the remembered pod without the chooser; a message says what to do if it cannot. */
  async connectRemembered(): Promise<void> {
    if (!this.#bluetooth || this.#state === 'requesting') return;
    const generation = this.#startOver();
    this.#setState('connecting', null);
    const device = await this.#rememberedDevice();
    if (generation !== this.#generation) return;
    if (!device) {
      this.#setState('idle', noRememberedMessage);
      return;
    }
    return this.#connectTo(device, generation, { mayWaitForAdvertising: true });
  }

  disconnect(): void {
    if (this.#state === 'idle' || this.#state === 'unavailable' || this.#state === 'disconnected') return;
    this.#startOver();
    this.#setState('disconnected', null);
  }

  async #connectTo(device: BluetoothDevice, generation: number, { mayWaitForAdvertising = false } = {}): Promise<void> {
    if (generation !== this.#generation) return;
    this.#adopt(device);
    this.#setState('connecting', null);
    try {
      try {
        await this.#setUp(device, generation);
      } catch (error) {
        // Chrome connects to a remembered pod only once it has heard it advertise since it started.
        if (!mayWaitForAdvertising || !isUnreachable(error)) throw error;
        if (!(await this.#heardAdvertising(device, generation))) throw error;
        await this.#setUp(device, generation);
      }
      if (generation === this.#generation) this.#setState('connected', null);
    } catch (error) {
      if (error instanceof Superseded || generation !== this.#generation) return;
      this.#release();
      this.#fail(error, device.name ?? null);
    }
  }

  /** Connects GATT, reads what the pod offers and subscribes; run again after every reconnect. */
  async #setUp(device: BluetoothDevice, generation: number): Promise<void> {
    if (!device.gatt) throw new DOMException('This device has no GATT server.', 'NotSupportedError');
    const server = await device.gatt.connect();
    this.#throwIfSuperseded(generation, device);
    const pod = await discoverFootpod(server);
    this.#throwIfSuperseded(generation, device);
    this.#listenTo(pod.measurement, pod.battery?.notifier ?? null);
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
    await this.#battery?.startNotifications().catch(() => undefined);
    this.#throwIfSuperseded(generation, device);
    if (!server.connected) throw new DOMException('The footpod disconnected while connecting.', 'NetworkError');
  }

  #throwIfSuperseded(generation: number, device: BluetoothDevice): void {
    if (generation === this.#generation) return;
    // A link this attempt opened after the runner moved on is closed, unless the pod is in use again.
    if (this.#device !== device && device.gatt?.connected) device.gatt.disconnect();
    throw new Superseded();
  }

  #adopt(device: BluetoothDevice): void {
    this.#device = device;
    device.addEventListener('gattserverdisconnected', this.#onLinkLost);
    this.#setInfo({ ...emptyFootpodInfo(), deviceId: device.id, deviceName: device.name ?? null });
  }

  /** Our own disconnect() and failed attempts also fire the event; only a connected link counts. */
  #onLinkLost = (): void => {
    const device = this.#device;
    if (this.#state !== 'connected' || !device) return;
    const generation = ++this.#generation;
    this.#stopListening();
    this.#setState('reconnecting', null);
    this.#retry(device, generation, 0);
  };

  #retry(device: BluetoothDevice, generation: number, attempt: number): void {
    const delayMs = this.#retryDelaysMs[attempt];
    if (delayMs === undefined) {
      this.#release();
      this.#setState('disconnected', gaveUpMessage(device.name ?? null));
      return;
    }
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#setUp(device, generation).then(
        () => {
          if (generation === this.#generation) this.#setState('connected', null);
        },
        () => {
          if (generation !== this.#generation) return;
          this.#stopListening();
          // Start the next attempt from a closed link; the event this fires is ignored.
          if (device.gatt?.connected) device.gatt.disconnect();
          this.#retry(device, generation, attempt + 1);
        },
      );
    }, delayMs);
  }

  /** True once the pod advertised; false after the timeout or when the runner moved on. */
  async #heardAdvertising(device: BluetoothDevice, generation: number): Promise<boolean> {
    if (generation !== this.#generation) return false;
    const watch = watchForAdvertisement(device, this.#advertisementTimeoutMs);
    this.#stopWatching = watch.stop;
    const heard = await watch.heard;
    if (this.#stopWatching === watch.stop) this.#stopWatching = null;
    return heard && generation === this.#generation;
  }

  async #rememberedDevice(): Promise<BluetoothDevice | null> {
    const bluetooth = this.#bluetooth;
    if (!bluetooth || typeof bluetooth.getDevices !== 'function') return null;
    try {
      return (await bluetooth.getDevices())[0] ?? null;
    } catch {
      return null;
    }
  }

  #listenTo(measurement: BluetoothRemoteGATTCharacteristic, battery: BluetoothRemoteGATTCharacteristic | null): void {
    this.#stopListening();
    this.#measurement = measurement;
    measurement.addEventListener('characteristicvaluechanged', this.#onMeasurement);
    this.#battery = battery;
    battery?.addEventListener('characteristicvaluechanged', this.#onBatteryLevel);
  }

  #stopListening(): void {
    this.#commands.forget();
    this.#measurement?.removeEventListener('characteristicvaluechanged', this.#onMeasurement);
    this.#battery?.removeEventListener('characteristicvaluechanged', this.#onBatteryLevel);
    this.#measurement = null;
    this.#battery = null;
  }

  #onMeasurement = (): void => {
    const value = this.#measurement?.value;
    if (value) this.dispatchEvent(new MeasurementEvent(copyOf(value), this.#now()));
  };

  #onBatteryLevel = (): void => {
    const value = this.#battery?.value;
    if (!value || value.byteLength === 0) return;
    const batteryLevel = value.getUint8(0);
    if (batteryLevel !== this.#info.batteryLevel) this.#setInfo({ ...this.#info, batteryLevel });
  };

  /** Stops whatever was going on and returns the generation of what starts now. */
  #startOver(): number {
    this.#generation++;
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#stopWatching?.();
    this.#release();
    return this.#generation;
  }

  /** Lets go of the device: listeners first, so our own disconnect is not taken for a drop. */
  #release(): void {
    this.#stopListening();
    const device = this.#device;
    this.#device = null;
    if (!device) return;
    device.removeEventListener('gattserverdisconnected', this.#onLinkLost);
    if (device.gatt?.connected) device.gatt.disconnect();
  }

  #fail(error: unknown, name: string | null): void {
    this.#setState(isAdapterMissing(error) ? 'unavailable' : 'disconnected', connectFailedMessage(error, name));
  }

  #setInfo(info: FootpodInfo): void {
    this.#info = info;
    this.dispatchEvent(new Event('info'));
  }

  #setState(state: ConnectionState, message: string | null): void {
    if (state === this.#state && message === this.#message) return;
    this.#state = state;
    this.#message = message;
    this.dispatchEvent(new Event('statechange'));
  }
}
