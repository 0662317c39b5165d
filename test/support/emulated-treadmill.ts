// Browser-side helpers for an emulated FTMS treadmill that can be driven: feature, speed and
// incline ranges, control point (0x2AD9) and status (0x2ADA) beside Treadmill Data, on Chromium's
// own Web Bluetooth stack (test/support/bluetooth-emulation-plugin.mjs). The plugin logs every
// write the page makes (characteristic, bytes, time) and answers each control point write with an
// indication as configured per op code: 'success', a result code, or 'never' (a silent treadmill).
//
//   await setupEmulatedFootpod();
//   const treadmill = await addEmulatedFtmsTreadmill({ ftmsAnswers: { 0x02: 'never' } });
//   await answerChooserWith('select', treadmill);  ... pair from a click ...
//   await sendTreadmillStatus(Uint8Array.of(0xff), treadmill);   // control lost
//   expect(await treadmillWrites(treadmill)).to.deep.equal([...]);

import { executeServerCommand } from '@web/test-runner-commands';
import { dropLink, operationLog } from './emulated-footpod.js';
import type { EmulatedDevice, EmulatedTreadmillOptions } from './emulated-sensors.js';

export { sendTreadmillData } from './emulated-sensors.js';

/** 'success' (0x01), a result code the treadmill indicates instead (2-255), or 'never': no indication. */
export type FtmsAnswer = 'success' | 'never' | number;

export interface EmulatedFtmsOptions extends EmulatedTreadmillOptions {
  /** Fitness Machine Feature (0x2ACC) bytes, or null for none. Default: speed and incline targets. */
  machineFeature?: number[] | null;
  /** Supported Speed Range (0x2AD4) bytes, or null for none. Default 1.00-20.00 km/h by 0.10. */
  speedRange?: number[] | null;
  /** Supported Inclination Range (0x2AD5) bytes, or null for none. Default 0.0-15.0 % by 0.5. */
  inclineRange?: number[] | null;
  /** Offer the control point (0x2AD9). Default true. */
  controlPoint?: boolean;
  /** Offer Fitness Machine Status (0x2ADA). Default true. */
  status?: boolean;
  /** How each op code is answered; op codes left out succeed. */
  ftmsAnswers?: Partial<Record<number, FtmsAnswer>>;
}

/** One write the page made to the treadmill: a characteristic ('2ad9') or a CCCD ('2ad9/2902'). */
export interface TreadmillWrite {
  atMs: number;
  target: string;
  bytes: number[];
}

/** A driveable treadmill in range, unpaired, advertising FTMS (0x1826). */
export function addEmulatedFtmsTreadmill(options: EmulatedFtmsOptions = {}): Promise<EmulatedDevice> {
  return executeServerCommand<EmulatedDevice, object>('bt-add-peripheral', { ...options, kind: 'treadmill' });
}

/** Sends one Fitness Machine Status value (0x2ADA) from the connected treadmill, as a notification arrives. */
export async function sendTreadmillStatus(bytes: Uint8Array, device: EmulatedDevice): Promise<void> {
  await executeServerCommand('bt-send-status', { bytes: Array.from(bytes), address: device.address });
}

/** Every write the page made to this treadmill, CCCD writes included, in order. */
export async function treadmillWrites(device: EmulatedDevice): Promise<TreadmillWrite[]> {
  return (await operationLog())
    .filter((e) => (e.op === 'write' || e.op === 'descriptor-write') && e.address === device.address)
    .map((e) => ({ atMs: e.atMs, target: e.target, bytes: e.bytes ?? [] }));
}

/** The link drops as if the treadmill went out of range; it answers the app's reconnect. */
export function dropTreadmillLink(device: EmulatedDevice): Promise<void> {
  return dropLink(device);
}

/** Changes how the treadmill answers its control point from the next write on. */
export async function setFtmsAnswers(device: EmulatedDevice, answers: Partial<Record<number, FtmsAnswer>>): Promise<void> {
  await executeServerCommand('bt-ftms-answers', { answers, address: device.address });
}
