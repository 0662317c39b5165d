// What the Web Bluetooth source tests share: a source with a pair button in a shadow root (its
// click handler calls connect(), as the app's would), the states and bytes it reported, and
// cleanup that disconnects every source before the emulated adapter goes away.
import { expect, waitUntil } from '@open-wc/testing';
import { MeasurementEvent, type ConnectionState } from '../../src/sources/footpod-source.js';
import type { SensorSource } from '../../src/sources/sensor-source.js';
import {
  answerChooserWith,
  clickAsRunner,
  operationLog,
  teardownEmulatedFootpod,
  type EmulatedDeviceRef,
  type OperationLogEntry,
} from '../support/emulated-footpod.js';

export interface Harness<S extends SensorSource> {
  source: S;
  states: ConnectionState[];
  received: number[][];
  /** The promise the last click's connect() returned. */
  connecting: Promise<void> | null;
  pairButton: string;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const bytesOf = (view: DataView): number[] => Array.from(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
export const ops = (log: OperationLogEntry[], op: string, target?: string) =>
  log.filter((e) => e.op === op && (target === undefined || e.target === target));

const made: { source: SensorSource; host: HTMLElement }[] = [];

export function harness<S extends SensorSource>(source: S): Harness<S> {
  const host = document.createElement('div');
  host.id = `pair-${source.sensor}-${made.length}`;
  const button = document.createElement('button');
  button.textContent = `Pair ${source.sensor}`;
  host.attachShadow({ mode: 'open' }).append(button);
  const h: Harness<S> = { source, states: [], received: [], connecting: null, pairButton: `#${host.id} >>> button` };
  button.addEventListener('click', () => {
    h.connecting = source.connect();
  });
  document.body.append(host);
  made.push({ source, host });
  source.addEventListener('statechange', () => h.states.push(source.state));
  source.addEventListener(MeasurementEvent.type, (event) => h.received.push(bytesOf((event as MeasurementEvent).view)));
  return h;
}

/** Answers the next chooser with `device` (default: what the plugin picks), clicks, and expects 'connected'. */
export async function pairThroughChooser(h: Harness<SensorSource>, device: EmulatedDeviceRef = {}): Promise<void> {
  await answerChooserWith('select', device);
  await clickAsRunner(h.pairButton);
  expect(h.connecting, 'the click handler ran').to.not.equal(null);
  await h.connecting;
  expect(h.source.state, h.source.message ?? '').to.equal('connected');
}

/**
 * Opens the chooser with a click, lets Chrome list what it finds for `settleMs`, then selects
 * `device`; answers every address the chooser listed. (Answering at once would select the device
 * the moment it shows, before the chooser had the chance to list the ones it should not.)
 */
export async function pairAfterListing(h: Harness<SensorSource>, device: EmulatedDeviceRef, settleMs = 400): Promise<string[]> {
  const choosersBefore = ops(await operationLog(), 'chooser-opened').length;
  await clickAsRunner(h.pairButton);
  await waitUntil(async () => ops(await operationLog(), 'chooser-opened').length > choosersBefore, 'the chooser opens');
  await sleep(settleMs);
  await answerChooserWith('select', device);
  await h.connecting;
  expect(h.source.state, h.source.message ?? '').to.equal('connected');
  return ops(await operationLog(), 'chooser-opened')[choosersBefore]?.devices ?? [];
}

/** For afterEach: sources first, so no link drops under them when emulation stops. */
export async function releaseAll(): Promise<void> {
  for (const { source, host } of made.splice(0)) {
    source.disconnect();
    host.remove();
  }
  await teardownEmulatedFootpod();
}
