// The Web Bluetooth side of driving a belt: on every connection it reads what the treadmill can do
// (0x2ACC, 0x2AD4, 0x2AD5, each optional), listens to Fitness Machine Status (0x2ADA) and to the
// control point's indications (0x2AD9), and hands all of it to the TreadmillControlPoint. It
// writes to 0x2AD9 only when a caller of the control asks: never on connect or reconnect (a belt
// that speeds up when an app connects is how a runner falls).

import {
  FITNESS_MACHINE_CONTROL_POINT,
  FITNESS_MACHINE_FEATURE,
  FITNESS_MACHINE_SERVICE,
  FITNESS_MACHINE_STATUS,
  SUPPORTED_INCLINATION_RANGE,
  SUPPORTED_SPEED_RANGE,
} from '../ble/gatt-uuids.js';
import { parseFitnessMachineFeature, parseInclinationRange, parseSpeedRange } from '../ble/ftms-ranges.js';
import { CharacteristicListeners } from './characteristic-listeners.js';
import { TreadmillControlPoint, type TreadmillControlOptions } from './treadmill-control.js';
import { copyOf } from './web-bluetooth-gatt.js';
import { isUnreachable } from './web-bluetooth-messages.js';
import type { BluetoothRemoteGATTCharacteristic, BluetoothRemoteGATTServer, BluetoothRemoteGATTService } from './web-bluetooth-types.js';

/** Thrown when the link went (or a newer connection started) while setting up; never shown. */
class Replaced extends Error {}

/** An optional characteristic, or null; only a lost link is a failure. */
async function optional(service: BluetoothRemoteGATTService, uuid: number): Promise<BluetoothRemoteGATTCharacteristic | null> {
  try {
    return await service.getCharacteristic(uuid);
  } catch (error) {
    if (isUnreachable(error)) throw error;
    return null;
  }
}

/** Reads and parses an optional value; absent, unreadable or nonsensical is null, not a failure. */
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

export class GattTreadmillControl {
  readonly control: TreadmillControlPoint;
  readonly #listeners = new CharacteristicListeners();
  #controlPoint: BluetoothRemoteGATTCharacteristic | null = null;
  // Bumped by forget(), so a set-up that finishes after the link went keeps nothing.
  #generation = 0;
  #settingUp = false;

  constructor(options: TreadmillControlOptions = {}) {
    this.control = new TreadmillControlPoint({ write: (bytes) => this.#write(bytes) }, options);
  }

  /** A connection is up: reads and subscribes (a failure leaves the treadmill driven by hand, never the link down). */
  async connected(server: BluetoothRemoteGATTServer | null): Promise<void> {
    if (!server?.connected || this.#settingUp || this.control.capabilities) return;
    this.#settingUp = true;
    const generation = this.#generation;
    const checkpoint = (): void => {
      if (generation !== this.#generation) throw new Replaced();
    };
    try {
      const service = await server.getPrimaryService(FITNESS_MACHINE_SERVICE);
      checkpoint();
      const feature = await readOptional(service, FITNESS_MACHINE_FEATURE, parseFitnessMachineFeature);
      const speed = await readOptional(service, SUPPORTED_SPEED_RANGE, parseSpeedRange);
      const incline = await readOptional(service, SUPPORTED_INCLINATION_RANGE, parseInclinationRange);
      checkpoint();
      const status = await optional(service, FITNESS_MACHINE_STATUS);
      checkpoint();
      if (status) await this.#subscribe(status, (value) => this.control.status(value), checkpoint);
      const controlPoint = await optional(service, FITNESS_MACHINE_CONTROL_POINT);
      checkpoint();
      const indicating = controlPoint !== null && (await this.#subscribe(controlPoint, (value) => this.control.indication(value), checkpoint));
      checkpoint();
      this.#controlPoint = indicating ? controlPoint : null;
      this.control.connected({ feature, speed, incline, controlPoint: indicating });
    } catch {
      // The link went or was replaced: forget() has run (or will) and the next connection starts over.
    } finally {
      if (generation === this.#generation) this.#settingUp = false;
    }
  }

  /** The link went, or a new one starts: listeners and the characteristic go, and the control hears it. */
  forget(): void {
    this.#generation++;
    this.#settingUp = false;
    this.#listeners.clear();
    this.#controlPoint = null;
    this.control.linkLost();
  }

  /** Listening before subscribing: a treadmill may notify the moment the CCCD is written. */
  async #subscribe(characteristic: BluetoothRemoteGATTCharacteristic, onValue: (value: DataView) => void, checkpoint: () => void): Promise<boolean> {
    this.#listeners.listen(characteristic, onValue);
    try {
      await characteristic.startNotifications();
    } catch (error) {
      if (isUnreachable(error)) throw error;
      return false;
    }
    checkpoint();
    return true;
  }

  async #write(bytes: Uint8Array): Promise<void> {
    const controlPoint = this.#controlPoint;
    if (!controlPoint) throw new DOMException('The treadmill is not connected.', 'NetworkError');
    // A copy on a plain ArrayBuffer, as writeValue wants.
    await controlPoint.writeValueWithResponse(new Uint8Array(bytes));
  }
}
