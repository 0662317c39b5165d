/// <reference types="mocha" />
// SC Control Point (0x2A55) commands and Device Information through Chromium's own Web Bluetooth
// stack: every byte the app writes is what the emulated pod logged, and every answer arrives as
// a real indication ('characteristicvaluechanged' on the app's characteristic object).
import { expect } from '@open-wc/testing';
import { controlPointMessages, type ControlPointOutcome } from '../../src/sources/footpod-control-point.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import {
  answerChooserWith,
  clickAsRunner,
  dropLink,
  operationLog,
  setupEmulatedFootpod,
  teardownEmulatedFootpod,
  type EmulatedFootpodOptions,
  type OperationLogEntry,
} from '../support/emulated-footpod.js';

const EVERYTHING = [0x1f, 0x00]; // stride, distance, running status, calibration, several locations
const made: { source: WebBluetoothFootpod; host: HTMLElement }[] = [];

const writes = (log: OperationLogEntry[]) => log.filter((e) => e.op === 'write' && e.target === '2a55').map((e) => e.bytes);

/** A pod paired through the real chooser from a real click, its source with a short timeout. */
async function pairedPod(options: EmulatedFootpodOptions, timeoutMs = 5000): Promise<WebBluetoothFootpod> {
  await setupEmulatedFootpod(options);
  const source = new WebBluetoothFootpod(undefined, { retryDelaysMs: [], controlPointTimeoutMs: timeoutMs });
  const host = document.createElement('div');
  host.id = `pair-${made.length}`;
  const button = document.createElement('button');
  button.textContent = 'Pair footpod';
  host.attachShadow({ mode: 'open' }).append(button);
  let connecting: Promise<void> | null = null;
  button.addEventListener('click', () => {
    connecting = source.connect();
  });
  document.body.append(host);
  made.push({ source, host });
  await answerChooserWith('select');
  await clickAsRunner(`#${host.id} >>> button`);
  await connecting;
  expect(source.state, source.message ?? '').to.equal('connected');
  return source;
}

afterEach(async () => {
  for (const { source, host } of made.splice(0)) {
    source.disconnect();
    host.remove();
  }
  await teardownEmulatedFootpod();
});

describe('SC Control Point through Chromium’s Web Bluetooth', () => {
  it('sends each command as the exact bytes, after enabling indications once, and reports success', async () => {
    const source = await pairedPod({ feature: EVERYTHING, supportedLocations: [1, 2, 3] });
    const cp = await source.loadControlPoint();
    for (const op of [1, 2, 3, 4] as const) expect(cp.offers(op), `op ${op}`).to.equal(true);

    expect(await cp.setCumulativeDistance(0)).to.deep.equal({ ok: true, message: "The footpod's distance is now 0 m." });
    expect((await cp.setCumulativeDistance(1234.5)).ok).to.equal(true);
    expect(await cp.startCalibration()).to.deep.equal({ ok: true, message: 'Calibration started.' });
    expect(await cp.updateSensorLocation(3)).to.deep.equal({ ok: true, message: 'The footpod now counts as worn: Hip.' });
    expect(source.info.sensorLocation).to.equal(3);
    expect(await cp.requestSupportedLocations()).to.deep.equal({
      ok: true,
      message: 'The footpod can be worn: Top of shoe, In shoe, Hip.',
      supportedLocations: [1, 2, 3],
    });
    expect(source.info.supportedLocations).to.deep.equal([1, 2, 3]);
    expect(cp.pending).to.equal(null);

    const log = await operationLog();
    expect(writes(log)).to.deep.equal([[1, 0, 0, 0, 0], [1, 0x39, 0x30, 0, 0], [2], [3, 3], [4]]);
    const subscribed = log.findIndex((e) => e.op === 'subscribe-to-notifications' && e.target === '2a55');
    const firstWrite = log.findIndex((e) => e.op === 'write' && e.target === '2a55');
    expect(subscribed, 'indications enabled').to.be.greaterThan(-1);
    expect(subscribed).to.be.lessThan(firstWrite);
    expect(log.filter((e) => e.op === 'subscribe-to-notifications' && e.target === '2a55')).to.have.length(1);
  });

  it('loads the control point only when asked, once, and it works on a pod connected before it loaded', async () => {
    const source = await pairedPod({ feature: EVERYTHING });
    expect(source.controlPoint === undefined, 'nothing loaded before it is asked for').to.equal(true);
    const [first, second] = await Promise.all([source.loadControlPoint(), source.loadControlPoint()]);
    expect(first === second && source.controlPoint === first, 'one control point').to.equal(true);
    expect(await first.setCumulativeDistance(0)).to.deep.equal({ ok: true, message: "The footpod's distance is now 0 m." });
  });

  it('says in words what each failure code means', async () => {
    const source = await pairedPod({
      feature: EVERYTHING,
      controlPointAnswers: { 1: 'not-supported', 2: 'failed', 3: 'invalid-parameter', 4: 'failed' },
    });
    const cp = await source.loadControlPoint();
    expect(await cp.setCumulativeDistance(0)).to.deep.equal({ ok: false, message: 'The footpod does not support this.' });
    expect(await cp.startCalibration()).to.deep.equal({ ok: false, message: 'The footpod could not do it.' });
    expect(await cp.updateSensorLocation(9)).to.deep.equal({ ok: false, message: 'The footpod refused the value.' });
    expect(source.info.sensorLocation, 'a refused location changes nothing').to.equal(2);
    expect(await cp.requestSupportedLocations()).to.deep.equal({ ok: false, message: 'The footpod could not do it.' });
    expect(source.info.supportedLocations ?? null).to.equal(null);
  });

  it('gives up on a pod that never answers, after the timeout, and takes the next command', async () => {
    const source = await pairedPod({ feature: EVERYTHING, controlPointAnswers: { 2: 'never' } }, 300);
    const cp = await source.loadControlPoint();
    const started = performance.now();
    expect(await cp.startCalibration()).to.deep.equal({
      ok: false,
      message: 'The footpod did not answer within 0.3 s.',
    });
    expect(performance.now() - started).to.be.within(250, 3000);
    expect(controlPointMessages.noAnswer(30_000)).to.equal('The footpod did not answer within 30 s.');
    expect(cp.pending).to.equal(null);
    expect((await cp.setCumulativeDistance(0)).ok).to.equal(true);
  });

  it('refuses without writing what the feature bits do not offer', async () => {
    const source = await pairedPod({ feature: [0x05, 0x00] }); // stride and running status only
    const cp = await source.loadControlPoint();
    for (const op of [1, 2, 3, 4] as const) expect(cp.offers(op), `op ${op}`).to.equal(false);
    expect(await cp.setCumulativeDistance(0)).to.deep.equal({ ok: false, message: controlPointMessages.notOffered[1] });
    expect(await cp.startCalibration()).to.deep.equal({ ok: false, message: 'This footpod does not offer calibration.' });
    expect(await cp.updateSensorLocation(1)).to.deep.equal({ ok: false, message: 'This footpod has only one sensor location.' });
    expect((await cp.requestSupportedLocations()).ok).to.equal(false);
    const log = await operationLog();
    expect(writes(log)).to.deep.equal([]);
    expect(log.filter((e) => e.target === '2a55')).to.deep.equal([]);
  });

  it('runs one command at a time: a second one while the first waits is refused, not sent', async () => {
    const source = await pairedPod({ feature: EVERYTHING });
    const cp = await source.loadControlPoint();
    const first = cp.startCalibration();
    expect(cp.pending).to.equal(2);
    const second: ControlPointOutcome = await cp.setCumulativeDistance(0);
    expect(second).to.deep.equal({ ok: false, message: controlPointMessages.busy });
    expect((await first).ok).to.equal(true);
    expect(writes(await operationLog())).to.deep.equal([[2]]);
    expect((await cp.setCumulativeDistance(0)).ok, 'free again once answered').to.equal(true);
  });

  it('ends a waiting command when the link drops, and refuses while not connected', async () => {
    const source = await pairedPod({ feature: EVERYTHING, controlPointAnswers: { 2: 'never' } });
    const cp = await source.loadControlPoint();
    const waiting = cp.startCalibration();
    while ((await operationLog()).every((e) => e.op !== 'write')) await new Promise((r) => setTimeout(r, 20));
    await dropLink();
    expect(await waiting).to.deep.equal({ ok: false, message: 'The footpod disconnected before it answered.' });
    source.disconnect();
    expect(await cp.setCumulativeDistance(0)).to.deep.equal({ ok: false, message: 'Connect the footpod first.' });
  });

  it('reads Device Information when the pod has it, as text', async () => {
    const source = await pairedPod({
      deviceInformation: { manufacturerName: 'Stryd <b>Inc</b>', modelNumber: 'Wind\0\0', firmwareRevision: '1.2.3' },
    });
    expect(source.info).to.include({ manufacturerName: 'Stryd <b>Inc</b>', modelNumber: 'Wind', firmwareRevision: '1.2.3' });
    const log = await operationLog();
    for (const target of ['2a29', '2a24', '2a26']) expect(log.filter((e) => e.op === 'read' && e.target === target), target).to.have.length(1);
  });

  it('connects as usual without Device Information, or with only part of it', async () => {
    const bare = await pairedPod({ deviceInformation: null });
    expect(bare.info).to.include({ manufacturerName: null, modelNumber: null, firmwareRevision: null });
    bare.disconnect();
    await teardownEmulatedFootpod();
    const partial = await pairedPod({ deviceInformation: { manufacturerName: 'Polar' } });
    expect(partial.info).to.include({ manufacturerName: 'Polar', modelNumber: null, firmwareRevision: null });
  });
});
