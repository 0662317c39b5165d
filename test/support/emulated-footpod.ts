// Browser-side helpers for tests that pair a footpod through Chromium's own Web Bluetooth stack.
// Each wraps one bt-… command of test/support/bluetooth-emulation-plugin.mjs.
//
// Typical test:
//   beforeEach(() => setupEmulatedFootpod({ name: 'Stryd' }));
//   afterEach(async () => { source.disconnect(); await teardownEmulatedFootpod(); });
//   await answerChooserWith('select');
//   await clickAsRunner('#pair');          // the click handler calls source.connect()
//   await sendMeasurement(bytes);          // arrives as a MeasurementEvent

import { executeServerCommand } from '@web/test-runner-commands';
import { CYCLING_POWER_MEASUREMENT, CYCLING_POWER_SERVICE, RSC_MEASUREMENT, RSC_SERVICE } from '../../src/ble/gatt-uuids.js';
import { navigatorBluetooth, type Bluetooth, type BluetoothDevice } from '../../src/sources/web-bluetooth-types.js';

/**
 * Which emulated device a helper means, when the rig has more than the footpod: its address (as
 * given to bt-setup or addEmulatedTreadmill…) or its name. Neither: the footpod.
 */
export interface EmulatedDeviceRef {
  address?: string;
  name?: string;
}

export type AdapterState = 'powered-on' | 'powered-off' | 'absent';

export interface EmulatedFootpodOptions {
  /** The name the pod advertises. Default 'Emulated footpod'. */
  name?: string;
  /** Upper-case hex; a lower-case one leaves Chrome's chooser empty. Default 0A:0B:0C:0D:0E:0F. */
  address?: string;
  /** RSC Feature (0x2A54) bytes. Default 07 00: stride, distance, running status. */
  feature?: ArrayLike<number>;
  /** Sensor Location (0x2A5D) code, or null for a pod without the characteristic. Default 2 (in shoe). */
  sensorLocation?: number | null;
  /** Battery level percent, or null for a pod without the battery service. Default 87. */
  battery?: number | null;
  /** The computer's adapter. 'absent': no footpod either. Default 'powered-on'. */
  adapter?: AdapterState;
  /** Keep pairings Chrome remembers from earlier tests on this origin. Default false: start unpaired. */
  keepPairings?: boolean;
  /** Device Information (0x180A) strings; a field left out has no characteristic. Default null: no service. */
  deviceInformation?: { manufacturerName?: string; modelNumber?: string; firmwareRevision?: string } | null;
  /** How the pod answers each SC Control Point op code (1-4); op codes left out succeed. */
  controlPointAnswers?: Partial<Record<1 | 2 | 3 | 4, ControlPointAnswer>>;
  /** The locations a successful Request Supported Sensor Locations lists. Default [1, 2, 3]. */
  supportedLocations?: number[];
  /** Cycling Power (0x1818) with its measurement (0x2A63) beside RSC, as a Stryd has. Default false. */
  power?: boolean;
}

/** A response value the pod indicates (success or a failure), or 'never' for a pod that stays silent. */
export type ControlPointAnswer = 'success' | 'not-supported' | 'invalid-parameter' | 'failed' | 'never';

/** One thing the emulated footpod, adapter or chooser saw, in order. */
export interface OperationLogEntry {
  /** Milliseconds since setupEmulatedFootpod. */
  atMs: number;
  /**
   * 'connection' | 'discovery' (GATT), 'read' | 'write' | 'subscribe-to-notifications' |
   * 'unsubscribe-from-notifications' (characteristics), 'descriptor-read' | 'descriptor-write',
   * 'chooser-opened' | 'chooser-select' | 'chooser-cancel', 'link-dropped', 'advertised', 'adapter',
   * 'indication' (the pod's answer on 0x2A55, delivered right after).
   */
  op: string;
  /** Characteristic as 4 hex digits ('2a54'), the device's address, a chooser prompt id or an adapter state. */
  target: string;
  /** Characteristic and descriptor operations, 'indication': the address of the device they were on. */
  address?: string;
  /** The code the operation was answered with: 0 is success. */
  code?: number;
  /** Bytes a read was answered with, or bytes the page wrote. */
  bytes?: number[];
  /** 'chooser-opened': the addresses Chrome listed. */
  devices?: string[];
  /** 'chooser-select': the address chosen. */
  device?: string;
}

const command = <R>(name: string, payload: object = {}): Promise<R> => executeServerCommand<R, object>(name, payload);

/** Turns on the emulated adapter with one footpod in range, unpaired, answering every operation. */
export async function setupEmulatedFootpod(options: EmulatedFootpodOptions = {}): Promise<{ address: string }> {
  const { feature, ...rest } = options;
  return command('bt-setup', { ...rest, ...(feature ? { feature: Array.from(feature) } : {}) });
}

/**
 * Turns emulation off and frees the adapter for the next test file. Disconnect the page's sources
 * first: a link still open drops here and would start their reconnect timers. Rejects if the
 * plugin failed to answer an operation during the test.
 */
export async function teardownEmulatedFootpod(): Promise<void> {
  const { errors } = await command<{ errors: string[] }>('bt-teardown');
  if (errors.length > 0) throw new Error(`The emulated footpod could not answer: ${errors.join('; ')}`);
}

/** A real mouse click through the browser, so the page gets a user gesture. `a >>> b` pierces shadow roots. */
export async function clickAsRunner(selector: string): Promise<void> {
  await command('bt-click', { selector });
}

/** A real mouse click at a point of the viewport (CSS pixels), in whichever frame is drawn there. */
export async function clickAsRunnerAt(x: number, y: number): Promise<void> {
  await command('bt-click', { x, y });
}

/**
 * How the next device chooser is answered; a chooser already open is answered now. 'select'
 * picks `device` once the chooser lists it; without one, the footpod or else the first listed.
 */
export async function answerChooserWith(action: 'select' | 'cancel', device: EmulatedDeviceRef = {}): Promise<void> {
  await command('bt-chooser', { action, ...device });
}

/**
 * Delivers one RSC Measurement to the page as Chromium would deliver a notification: the bytes
 * answer a read of 0x2A53, and Chromium fires 'characteristicvaluechanged' on the characteristic
 * object every part of the page shares. Needs a connected footpod (or `device`, a treadmill that
 * also offers RSC, paired as a footpod).
 */
export async function sendMeasurement(bytes: Uint8Array, device: EmulatedDeviceRef = {}): Promise<void> {
  await deliverMeasurement(bytes, device, RSC_SERVICE, RSC_MEASUREMENT);
}

/**
 * Delivers many RSC Measurements as sendMeasurement does, one after another, with one round trip
 * to the test runner for the lot: how a flood of packets or a long run goes through the real
 * stack in seconds. `beforeEach(i)` runs before packet i is read (a test's clock moves there);
 * `appWindow` is where the app runs, when it is an iframe's (see pairedDevice).
 */
export async function sendMeasurements(
  packets: readonly Uint8Array[],
  beforeEach: (index: number) => void = () => undefined,
  device: EmulatedDeviceRef = {},
  appWindow: Window = window,
): Promise<void> {
  const { name } = await command<{ name: string }>('bt-queue-measurements', { packets: packets.map((p) => Array.from(p)), ...device });
  const paired = await pairedDevice(name, appWindow);
  if (!paired?.gatt?.connected) throw new Error(`Sending measurements needs ${name} connected`);
  const characteristic = await (await paired.gatt.getPrimaryService(RSC_SERVICE)).getCharacteristic(RSC_MEASUREMENT);
  for (let i = 0; i < packets.length; i++) {
    beforeEach(i);
    await characteristic.readValue();
  }
}

/** Delivers one Cycling Power Measurement of a footpod set up with `power: true`, as sendMeasurement does. */
export async function sendPowerMeasurement(bytes: Uint8Array, device: EmulatedDeviceRef = {}): Promise<void> {
  await deliverMeasurement(bytes, device, CYCLING_POWER_SERVICE, CYCLING_POWER_MEASUREMENT);
}

/**
 * Queues `bytes` as the device's next measurement and has the page read `characteristic`, which
 * Chromium answers with them and announces as a value change. The page cannot see addresses, so
 * it finds the device by the name the plugin answers with.
 */
export async function deliverMeasurement(
  bytes: Uint8Array,
  device: EmulatedDeviceRef,
  service: number,
  characteristic: number,
): Promise<void> {
  const { name } = await command<{ name: string }>('bt-queue-measurement', { bytes: Array.from(bytes), ...device });
  const paired = await pairedDevice(name);
  if (!paired?.gatt?.connected) throw new Error(`Sending a measurement needs ${name} connected`);
  await (await (await paired.gatt.getPrimaryService(service)).getCharacteristic(characteristic)).readValue();
}

/**
 * A device as the page sees it (the same object the app holds), or null before pairing: the one
 * named `name`, or without a name the first the browser lists (the footpod, when it is the only one).
 * Chromium tells a value change only to the frame that read it, so for an app in an iframe pass its
 * window: the device then comes from that frame's navigator.bluetooth.
 */
export async function pairedDevice(name?: string, appWindow: Window = window): Promise<BluetoothDevice | null> {
  const bluetooth = appWindow === window ? navigatorBluetooth() : (appWindow.navigator as Navigator & { bluetooth?: Bluetooth }).bluetooth;
  const devices = (await bluetooth?.getDevices?.()) ?? [];
  if (name === undefined) return devices[0] ?? null;
  return devices.find((device) => device.name === name) ?? null;
}

/** The link drops as if the device went out of range; its services come back for a reconnect. */
export async function dropLink(device: EmulatedDeviceRef = {}): Promise<void> {
  await command('bt-disconnect', device);
}

/** The device's next `count` connection attempts fail with an HCI error (default 0x08, connection timeout). */
export async function failNextConnections(count: number, hciCode?: number, device: EmulatedDeviceRef = {}): Promise<void> {
  await command('bt-fail-connections', hciCode === undefined ? { count, ...device } : { count, code: hciCode, ...device });
}

/** Switches the computer's adapter on, off, or away. */
export async function setAdapterState(state: AdapterState): Promise<void> {
  await command('bt-adapter', { state });
}

/** The device (default: the footpod) sends one advertisement (seen by device.watchAdvertisements()). */
export async function advertise(rssi = -50, device: EmulatedDeviceRef = {}): Promise<void> {
  await command('bt-advertise', { rssi, ...device });
}

export async function operationLog(): Promise<OperationLogEntry[]> {
  return (await command<{ entries: OperationLogEntry[] }>('bt-log')).entries;
}
