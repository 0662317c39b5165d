// The connection machinery every Web Bluetooth sensor shares: the chooser, the remembered device,
// connecting (waiting for a remembered device to advertise), reconnecting with backoff when the
// link drops, and the state and message the runner sees. What to do on a connected GATT server
// (which services, which characteristics, what info) is the sensor's part, handed in as a profile.

import type { ConnectionState } from './footpod-source.js';
import { isAdapterMissing, isChooserCancelled, isUnreachable, type SensorMessages } from './web-bluetooth-messages.js';
import { watchForAdvertisement } from './web-bluetooth-gatt.js';
import { pickRemembered } from './remembered-device.js';
import type { Bluetooth, BluetoothDevice, BluetoothRemoteGATTServer, RequestDeviceOptions } from './web-bluetooth-types.js';

/** 1 s, 2 s, 4 s, 8 s, 15 s, then every 30 s: five minutes of trying in all. */
export const defaultRetryDelaysMs: readonly number[] = [1000, 2000, 4000, 8000, 15000, 30000, ...new Array<number>(8).fill(30000)];

export interface WebBluetoothLinkOptions {
  /** The wait before each reconnect attempt after the link drops; one attempt per entry. */
  retryDelaysMs?: readonly number[];
  /**
   * Asked when the retries run out: true goes on trying at the last delay (a run being recorded
   * waits for a pod that sleeps longer than five minutes), false gives up.
   */
  keepTrying?: () => boolean;
  /** How long connectRemembered() listens for the device to advertise before giving up. */
  advertisementTimeoutMs?: number;
  /**
   * The BluetoothDevice.id the app stored for this sensor. When it gives an id, only that device
   * counts as remembered; otherwise the profile's fallback decides.
   */
  rememberedId?: () => string | null;
  /** Ids the app stored for its other sensors, which the first-device fallback passes over. */
  otherIds?: () => readonly string[];
}

/** What one kind of sensor does on a connected link; the link calls it on every (re)connection. */
export interface SensorGattProfile {
  readonly requestOptions: RequestDeviceOptions;
  readonly messages: SensorMessages;
  /** Whether, with no remembered id, the first device the browser allows counts as remembered. */
  readonly rememberFirstDevice: boolean;
  /** A device was chosen or remembered: the sensor starts its info over with the device's id and name. */
  adopt(device: BluetoothDevice): void;
  /**
   * Discovers, reads, listens and subscribes on a freshly connected server. `checkpoint()` throws
   * once a newer attempt or the runner replaced this one; call it after every await.
   */
  setUp(server: BluetoothRemoteGATTServer, device: BluetoothDevice, checkpoint: () => void): Promise<void>;
  /** Drops the listeners of the last setUp: the characteristic objects die with the link. */
  stopListening(): void;
}

/** Thrown inside an attempt that a newer connect or disconnect replaced; never shown to anyone. */
class Superseded extends Error {}

export class WebBluetoothLink {
  #state: ConnectionState = 'idle';
  #message: string | null = null;
  readonly #bluetooth: Bluetooth | null;
  readonly #profile: SensorGattProfile;
  readonly #changed: () => void;
  readonly #retryDelaysMs: readonly number[];
  readonly #keepTrying: () => boolean;
  readonly #advertisementTimeoutMs: number;
  readonly #rememberedId: () => string | null;
  readonly #otherIds: () => readonly string[];

  #device: BluetoothDevice | null = null;
  // Bumped whenever something new starts or the runner stops, so an older attempt still waiting
  // on the browser gives up instead of touching the current one.
  #generation = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #stopWatching: (() => void) | null = null;

  /** `changed` runs whenever state or message changes; `bluetooth` null shows the 'unavailable' case. */
  constructor(bluetooth: Bluetooth | null, profile: SensorGattProfile, options: WebBluetoothLinkOptions, changed: () => void) {
    const { retryDelaysMs = defaultRetryDelaysMs, advertisementTimeoutMs = 10_000 } = options;
    if (!retryDelaysMs.every((ms) => Number.isFinite(ms) && ms >= 0)) {
      throw new RangeError(`retryDelaysMs must be milliseconds ≥ 0, not ${retryDelaysMs.join(', ')}`);
    }
    this.#bluetooth = bluetooth;
    this.#profile = profile;
    this.#changed = changed;
    this.#retryDelaysMs = [...retryDelaysMs];
    this.#keepTrying = options.keepTrying ?? (() => false);
    this.#advertisementTimeoutMs = advertisementTimeoutMs;
    this.#rememberedId = options.rememberedId ?? (() => null);
    this.#otherIds = options.otherIds ?? (() => []);
    if (this.#bluetooth) void this.checkAvailability();
    else this.#setState('unavailable', profile.messages.noWebBluetooth);
  }

  get supported(): boolean {
    return this.#bluetooth !== null;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  get message(): string | null {
    return this.#message;
  }

  /** The device in use (chosen, connecting, connected or reconnecting), or null. */
  get device(): BluetoothDevice | null {
    return this.#device;
  }

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
    if (!available && this.#state === 'idle') this.#setState('unavailable', this.#profile.messages.adapterUnavailable);
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
      chosen = bluetooth.requestDevice(this.#profile.requestOptions);
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

  async findRemembered(): Promise<{ name: string | null } | null> {
    const device = await this.#rememberedDevice();
    return device ? { name: device.name ?? null } : null;
  }

  async connectRemembered(): Promise<void> {
    if (!this.#bluetooth || this.#state === 'requesting') return;
    const generation = this.#startOver();
    this.#setState('connecting', null);
    const device = await this.#rememberedDevice();
    if (generation !== this.#generation) return;
    if (!device) {
      this.#setState('idle', this.#profile.messages.noRemembered);
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
        // Chrome connects to a remembered device only once it has heard it advertise since it started.
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

  async #setUp(device: BluetoothDevice, generation: number): Promise<void> {
    if (!device.gatt) throw new DOMException('This device has no GATT server.', 'NotSupportedError');
    const checkpoint = (): void => this.#throwIfSuperseded(generation, device);
    const server = await device.gatt.connect();
    checkpoint();
    await this.#profile.setUp(server, device, checkpoint);
    checkpoint();
    if (!server.connected) throw new DOMException('The device disconnected while connecting.', 'NetworkError');
  }

  #throwIfSuperseded(generation: number, device: BluetoothDevice): void {
    if (generation === this.#generation) return;
    // A link this attempt opened after the runner moved on is closed, unless the device is in use again.
    if (this.#device !== device && device.gatt?.connected) device.gatt.disconnect();
    throw new Superseded();
  }

  #adopt(device: BluetoothDevice): void {
    this.#device = device;
    device.addEventListener('gattserverdisconnected', this.#onLinkLost);
    this.#profile.adopt(device);
  }

  /** Our own disconnect() and failed attempts also fire the event; only a connected link counts. */
  #onLinkLost = (): void => {
    const device = this.#device;
    if (this.#state !== 'connected' || !device) return;
    const generation = ++this.#generation;
    this.#profile.stopListening();
    this.#setState('reconnecting', null);
    this.#retry(device, generation, 0);
  };

  #retry(device: BluetoothDevice, generation: number, attempt: number): void {
    const last = this.#retryDelaysMs.length - 1;
    const delayMs = this.#retryDelaysMs[attempt] ?? (last >= 0 && this.#keepTrying() ? this.#retryDelaysMs[last] : undefined);
    if (delayMs === undefined) {
      this.#release();
      this.#setState('disconnected', this.#profile.messages.gaveUp(device.name ?? null));
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
          this.#profile.stopListening();
          // Start the next attempt from a closed link; the event this fires is ignored.
          if (device.gatt?.connected) device.gatt.disconnect();
          this.#retry(device, generation, attempt + 1);
        },
      );
    }, delayMs);
  }

  /** True once the device advertised; false after the timeout or when the runner moved on. */
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
    let devices: BluetoothDevice[];
    try {
      devices = await bluetooth.getDevices();
    } catch {
      return null;
    }
    return pickRemembered(devices, this.#rememberedId(), this.#otherIds(), this.#profile.rememberFirstDevice);
  }

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
    this.#profile.stopListening();
    const device = this.#device;
    this.#device = null;
    if (!device) return;
    device.removeEventListener('gattserverdisconnected', this.#onLinkLost);
    if (device.gatt?.connected) device.gatt.disconnect();
  }

  #fail(error: unknown, name: string | null): void {
    this.#setState(isAdapterMissing(error) ? 'unavailable' : 'disconnected', this.#profile.messages.connectFailed(error, name));
  }

  #setState(state: ConnectionState, message: string | null): void {
    if (state === this.#state && message === this.#message) return;
    this.#state = state;
    this.#message = message;
    this.#changed();
  }
}
