// Browser-side helpers for tests with more than the footpod in range: a smart treadmill (FTMS,
// optionally also RSC) and a heart-rate strap, added to the rig setupEmulatedFootpod started.
// Each wraps a bt-… command of test/support/bluetooth-emulation-plugin.mjs; dropLink, advertise,
// answerChooserWith and failNextConnections in emulated-footpod.ts take the device's address or name.
//
//   await setupEmulatedFootpod();
//   const treadmill = await addEmulatedTreadmill({ name: 'NordicTrack' });
//   await answerChooserWith('select', treadmill);
//   await clickAsRunner('#pair-treadmill');
//   await sendTreadmillData(bytes, treadmill);   // arrives as a MeasurementEvent

import { executeServerCommand } from '@web/test-runner-commands';
import { FITNESS_MACHINE_SERVICE, HEART_RATE_MEASUREMENT, HEART_RATE_SERVICE, TREADMILL_DATA } from '../../src/ble/gatt-uuids.js';
import { deliverMeasurement } from './emulated-footpod.js';

/** What the plugin answers for an added device; pass it on as the `device` of other helpers. */
export interface EmulatedDevice {
  address: string;
  name: string;
}

export interface EmulatedTreadmillOptions {
  /** Default 'Emulated treadmill'. Names must differ within a test: the page finds devices by name. */
  name?: string;
  /** Upper-case hex. Default 1A:1B:1C:1D:1E:1F. */
  address?: string;
  /** Also offers Running Speed and Cadence (0x1814), so it shows in the footpod chooser too. Default false. */
  alsoRsc?: boolean;
  /** Battery level percent, or null for none (most treadmills are plugged in). Default null. */
  battery?: number | null;
}

export interface EmulatedHeartRateStrapOptions {
  /** Default 'Emulated strap'. */
  name?: string;
  /** Upper-case hex. Default 2A:2B:2C:2D:2E:2F. */
  address?: string;
  /** Battery level percent, or null for a strap without the battery service. Default 64. */
  battery?: number | null;
}

/** A treadmill in range, unpaired, advertising FTMS (0x1826) and answering every operation. */
export function addEmulatedTreadmill(options: EmulatedTreadmillOptions = {}): Promise<EmulatedDevice> {
  return executeServerCommand<EmulatedDevice, object>('bt-add-peripheral', { ...options, kind: 'treadmill' });
}

/** A heart-rate strap in range, unpaired, advertising Heart Rate (0x180D) and answering every operation. */
export function addEmulatedHeartRateStrap(options: EmulatedHeartRateStrapOptions = {}): Promise<EmulatedDevice> {
  return executeServerCommand<EmulatedDevice, object>('bt-add-peripheral', { ...options, kind: 'heart-rate' });
}

/** Delivers one Treadmill Data (0x2ACD) value from the connected treadmill, as a notification would arrive. */
export async function sendTreadmillData(bytes: Uint8Array, device: { name?: string } = { name: 'Emulated treadmill' }): Promise<void> {
  await deliverMeasurement(bytes, { name: device.name ?? 'Emulated treadmill' }, FITNESS_MACHINE_SERVICE, TREADMILL_DATA);
}

/** Delivers one Heart Rate Measurement (0x2A37) value from the connected strap. */
export async function sendHeartRate(bytes: Uint8Array, device: { name?: string } = { name: 'Emulated strap' }): Promise<void> {
  await deliverMeasurement(bytes, { name: device.name ?? 'Emulated strap' }, HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT);
}
