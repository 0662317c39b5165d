// What WebBluetoothFootpod asks a connected pod, and how it listens for a remembered pod's
// advertising. Kept apart from the connection state machine so each reads on its own.

import {
  BATTERY_LEVEL,
  BATTERY_SERVICE,
  CYCLING_POWER_MEASUREMENT,
  CYCLING_POWER_SERVICE,
  DEVICE_INFORMATION,
  FIRMWARE_REVISION,
  MANUFACTURER_NAME,
  MODEL_NUMBER,
  RSC_FEATURE,
  RSC_MEASUREMENT,
  RSC_SERVICE,
  SENSOR_LOCATION,
} from '../ble/gatt-uuids.js';
import { parseBatteryLevel } from '../ble/battery-level.js';
import { isUnreachable } from './web-bluetooth-messages.js';
import type {
  BluetoothDevice,
  BluetoothRemoteGATTCharacteristic,
  BluetoothRemoteGATTServer,
  BluetoothRemoteGATTService,
} from './web-bluetooth-types.js';

/** Chrome may hand the same buffer to the next notification, so every value is copied out. */
export const copyOf = (view: DataView): DataView =>
  new DataView(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));

/** What a pod offers, read once per connection (Chrome hands out new objects after a reconnect). */
export interface FootpodGatt {
  feature: DataView | null;
  sensorLocation: number | null;
  measurement: BluetoothRemoteGATTCharacteristic;
  /** Present when the pod has the battery service; the characteristic only if it can notify. */
  battery: { level: number | null; notifier: BluetoothRemoteGATTCharacteristic | null } | null;
  /** Cycling Power Measurement (0x2A63) of a pod that sends running power (a Stryd); null on every other pod. */
  power: BluetoothRemoteGATTCharacteristic | null;
  deviceInformation: DeviceInformation;
}

/** Device Information strings; each null when the pod leaves it (or the whole service) out. */
export interface DeviceInformation {
  manufacturerName: string | null;
  modelNumber: string | null;
  firmwareRevision: string | null;
}

/** Reads an optional characteristic; only a lost link counts as a failure. */
async function readIfPresent(service: BluetoothRemoteGATTService, uuid: number): Promise<DataView | null> {
  try {
    return copyOf(await (await service.getCharacteristic(uuid)).readValue());
  } catch (error) {
    if (isUnreachable(error)) throw error;
    return null;
  }
}

/** The battery level, and the characteristic when it can notify; null when the device has no battery service. */
export async function readBattery(server: BluetoothRemoteGATTServer): Promise<FootpodGatt['battery']> {
  try {
    const characteristic = await (await server.getPrimaryService(BATTERY_SERVICE)).getCharacteristic(BATTERY_LEVEL);
    const value = await characteristic.readValue();
    return {
      level: parseBatteryLevel(value),
      notifier: characteristic.properties.notify ? characteristic : null,
    };
  } catch (error) {
    if (isUnreachable(error)) throw error;
    return null;
  }
}

// Some pods pad their strings with NULs; an empty string says nothing either.
function textOf(view: DataView | null): string | null {
  if (!view) return null;
  const text = new TextDecoder().decode(view).replace(/\0+$/, '').trim();
  return text === '' ? null : text;
}

async function readDeviceInformation(server: BluetoothRemoteGATTServer): Promise<DeviceInformation> {
  let service: BluetoothRemoteGATTService;
  try {
    service = await server.getPrimaryService(DEVICE_INFORMATION);
  } catch (error) {
    if (isUnreachable(error)) throw error;
    return { manufacturerName: null, modelNumber: null, firmwareRevision: null };
  }
  return {
    manufacturerName: textOf(await readIfPresent(service, MANUFACTURER_NAME)),
    modelNumber: textOf(await readIfPresent(service, MODEL_NUMBER)),
    firmwareRevision: textOf(await readIfPresent(service, FIRMWARE_REVISION)),
  };
}

/**
 * The pod's power characteristic, or null when it has no Cycling Power service: no error, no message.
 * A pod paired before power was read was not granted the service, and Chrome refuses it alike
 * whether the pod has it or not: it runs without power, with nothing to tell the runner for sure.
 */
async function findPower(server: BluetoothRemoteGATTServer): Promise<BluetoothRemoteGATTCharacteristic | null> {
  try {
    return await (await server.getPrimaryService(CYCLING_POWER_SERVICE)).getCharacteristic(CYCLING_POWER_MEASUREMENT);
  } catch (error) {
    if (isUnreachable(error)) throw error;
    return null;
  }
}

/** The RSC service and measurement are required; feature, location, battery, power and device information are optional. */
export async function discoverFootpod(server: BluetoothRemoteGATTServer): Promise<FootpodGatt> {
  const rsc = await server.getPrimaryService(RSC_SERVICE);
  const feature = await readIfPresent(rsc, RSC_FEATURE);
  const location = await readIfPresent(rsc, SENSOR_LOCATION);
  const measurement = await rsc.getCharacteristic(RSC_MEASUREMENT);
  const battery = await readBattery(server);
  const power = await findPower(server);
  const deviceInformation = await readDeviceInformation(server);
  return {
    feature,
    sensorLocation: location && location.byteLength > 0 ? location.getUint8(0) : null,
    measurement,
    battery,
    power,
    deviceInformation,
  };
}

/**
 * Listens for the pod's advertising. `heard` resolves true at the first advertisement, false after
 * `timeoutMs`, when watching fails or is not offered, or when `stop()` is called; listeners,
 * timer and the watch itself are gone by then.
 */
export function watchForAdvertisement(
  device: BluetoothDevice,
  timeoutMs: number,
): { heard: Promise<boolean>; stop: () => void } {
  if (typeof device.watchAdvertisements !== 'function') return { heard: Promise.resolve(false), stop: () => {} };
  let finish: (heard: boolean) => void = () => {};
  const heard = new Promise<boolean>((resolve) => {
    const abort = new AbortController();
    const onAdvertisement = (): void => finish(true);
    const timer = setTimeout(() => finish(false), timeoutMs);
    finish = (result) => {
      finish = () => {};
      clearTimeout(timer);
      device.removeEventListener('advertisementreceived', onAdvertisement);
      abort.abort();
      resolve(result);
    };
    device.addEventListener('advertisementreceived', onAdvertisement);
    device.watchAdvertisements?.({ signal: abort.signal }).catch(() => finish(false));
  });
  return { heard, stop: () => finish(false) };
}
