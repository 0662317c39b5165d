// The Web Bluetooth side of driving a belt: on every connection it reads what the treadmill can do
// (0x2ACC, 0x2AD4, 0x2AD5, each optional), listens to Fitness Machine Status (0x2ADA) and to the
// control point's indications (0x2AD9), and hands all of it to the TreadmillControlPoint. It
// writes to 0x2AD9 only when a caller of the control asks: never on connect or reconnect (a belt
// that speeds up when an app connects is how a runner falls).

import {
  FITNESS_MACHINE_CONTROL_POINT,
  FITNESS_MACHINE_FEATURE,
  FITNESS_MACHINE_STATUS,
  SUPPORTED_INCLINATION_RANGE,
  SUPPORTED_SPEED_RANGE,
} from '../ble/gatt-uuids.js';
import { parseFitnessMachineFeature, parseInclinationRange, parseSpeedRange } from '../ble/ftms-ranges.js';
import { CharacteristicListeners } from './characteristic-listeners.js';
import { capabilitiesFrom } from './treadmill-capabilities.js';
import { type TreadmillCapabilities, TreadmillControlPoint, type TreadmillControlOptions } from './treadmill-control.js';
import { copyOf } from './web-bluetooth-gatt.js';
import { isUnreachable } from './web-bluetooth-messages.js';
import type { BluetoothRemoteGATTCharacteristic, BluetoothRemoteGATTService } from './web-bluetooth-types.js';

/** An optional characteristic, or null; only a lost link is a failure. */
async function optional(service: BluetoothRemoteGATTService, uuid: number): Promise<BluetoothRemoteGATTCharacteristic | null> {
  try {
    return await service.getCharacteristic(uuid);
  } catch (error) {
    if (isUnreachable(error)) throw error;
    return null;
  }
}

/** Reads and parses an optional value; absent, unreadable or too short is null, not a failure. */
async function readOptional<T>(service: BluetoothRemoteGATTService, uuid: number, parse: (view: DataView) => T): Promise<T | null> {
  const characteristic = await optional(service, uuid);
  if (!characteristic) return null;
  try {
    return parse(copyOf(await characteristic.readValue()));
  } catch (error) {
    if (isUnreachable(error)) throw error;
    return null;
  }
}

/** What one connection's set-up found and listens to. */
interface Connection {
  capabilities: TreadmillCapabilities;
  controlPoint: BluetoothRemoteGATTCharacteristic | null;
  listeners: CharacteristicListeners;
}

/**
 * prepare() runs inside the link's connection set-up (so a connection counts as made only once it
 * read and subscribed, and a lost link there is retried like any other read); activate() runs once
 * the link says connected; forget() whenever the link goes or starts over.
 */
export class GattTreadmillControl {
  readonly control: TreadmillControlPoint;
  #prepared: Connection | null = null;
  #active: Connection | null = null;
  // Bumped by every prepare(), so one that an attempt started later overtook keeps nothing.
  #attempt = 0;

  constructor(options: TreadmillControlOptions = {}) {
    this.control = new TreadmillControlPoint({ write: (bytes) => this.#write(bytes) }, options);
  }

  /** Reads what the treadmill can do and subscribes to status and indications; writes nothing to 0x2AD9. */
  async prepare(service: BluetoothRemoteGATTService): Promise<void> {
    const attempt = ++this.#attempt;
    const listeners = new CharacteristicListeners();
    try {
      const feature = await readOptional(service, FITNESS_MACHINE_FEATURE, parseFitnessMachineFeature);
      const speed = await readOptional(service, SUPPORTED_SPEED_RANGE, parseSpeedRange);
      const incline = await readOptional(service, SUPPORTED_INCLINATION_RANGE, parseInclinationRange);
      const status = await optional(service, FITNESS_MACHINE_STATUS);
      if (status) await subscribe(listeners, status, (value) => this.control.status(value));
      const found = await optional(service, FITNESS_MACHINE_CONTROL_POINT);
      const controlPoint = found && (await subscribe(listeners, found, (value) => this.control.indication(value))) ? found : null;
      if (attempt !== this.#attempt) throw new DOMException('A newer connection replaced this one.', 'AbortError');
      this.#prepared?.listeners.clear();
      this.#prepared = { capabilities: capabilitiesFrom({ feature, speed, incline, controlPoint: controlPoint !== null }), controlPoint, listeners };
    } catch (error) {
      listeners.clear();
      throw error;
    }
  }

  /** The link counts as connected: what the last prepare() found is this connection's. */
  activate(): void {
    const prepared = this.#prepared;
    if (!prepared) return;
    this.#prepared = null;
    this.#active = prepared;
    this.control.connected(prepared.capabilities);
  }

  /** The link went, or a new one starts: the old connection's listeners go, and the control hears it. */
  forget(): void {
    this.#active?.listeners.clear();
    this.#active = null;
    this.control.linkLost();
  }

  async #write(bytes: Uint8Array): Promise<void> {
    const controlPoint = this.#active?.controlPoint;
    if (!controlPoint) throw new DOMException('The treadmill is not connected.', 'NetworkError');
    // A copy on a plain ArrayBuffer, as writeValue wants.
    await controlPoint.writeValueWithResponse(new Uint8Array(bytes));
  }
}

/** Listening before subscribing: a treadmill may notify the moment the CCCD is written. False when it will not notify. */
async function subscribe(
  listeners: CharacteristicListeners,
  characteristic: BluetoothRemoteGATTCharacteristic,
  onValue: (value: DataView) => void,
): Promise<boolean> {
  listeners.listen(characteristic, onValue);
  try {
    await characteristic.startNotifications();
    return true;
  } catch (error) {
    if (isUnreachable(error)) throw error;
    return false;
  }
}
