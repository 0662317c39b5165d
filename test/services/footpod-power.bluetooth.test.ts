/// <reference types="mocha" />
// A pod with Cycling Power (0x1818) beside RSC, as a Stryd has, paired once through Chromium's own
// Web Bluetooth stack: the footpod service subscribes to its power too, on connect and after a
// reconnect, and the power reaches the run's rows. Pods without it: the footpod tests beside this.
import { expect, waitUntil } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { FootpodService } from '../../src/services/footpod-service.js';
import { SettingsService } from '../../src/services/settings-service.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import {
  answerChooserWith,
  clickAsRunner,
  dropLink,
  operationLog,
  sendMeasurement,
  sendPowerMeasurement,
  setupEmulatedFootpod,
  teardownEmulatedFootpod,
} from '../support/emulated-footpod.js';
import { powerBytes } from '../session/sensor-bytes.js';

const rsc = encodeRscMeasurement({ speedMps: 3.3, cadence: 172, strideLengthM: null, totalDistanceM: null, isRunning: true });
const watts = (w: number) => {
  const view = powerBytes(w);
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
};

describe('FootpodService: running power from the same pairing', () => {
  let service: FootpodService | null = null;
  let host: HTMLElement | null = null;
  afterEach(async () => {
    service?.disconnect();
    host?.remove();
    await teardownEmulatedFootpod();
  });

  it('subscribes to 0x2A63 on connect and every reconnect, and the pod’s power arrives in the run', async () => {
    await setupEmulatedFootpod({ name: 'Stryd', power: true });
    const footpod = new FootpodService(new SettingsService(), { bluetooth: () => new WebBluetoothFootpod(undefined, { retryDelaysMs: [20, 40, 80] }) });
    service = footpod;
    host = document.createElement('button');
    host.id = 'pair-stryd';
    let pairing: Promise<void> | null = null;
    host.addEventListener('click', () => (pairing = footpod.pair()));
    document.body.append(host);
    await answerChooserWith('select');
    await clickAsRunner('#pair-stryd');
    await pairing;
    expect(footpod.source!.state, footpod.source!.message ?? '').to.equal('connected');
    expect(footpod.source!.message).to.equal(null);

    await sendPowerMeasurement(watts(251));
    // The parser loads with the first power reading; the pod's next row takes it.
    await waitUntil(() => footpod.session!.latestChannels.powerW === 251, 'the power reached the session');
    await sendMeasurement(rsc);
    await waitUntil(() => footpod.session!.samples.length === 1, 'a pod row');
    expect(Array.from(footpod.session!.samples.column('powerW'))).to.deep.equal([251]);

    await dropLink();
    await waitUntil(() => footpod.source!.state === 'reconnecting', 'the link dropped');
    await waitUntil(() => footpod.source!.state === 'connected', 'reconnected by itself', { timeout: 5000 });
    await sendPowerMeasurement(watts(262));
    await waitUntil(() => footpod.session!.latestChannels.powerW === 262, 'power after the reconnect');
    await sendMeasurement(rsc);
    await waitUntil(() => footpod.session!.samples.length === 2, 'a second pod row');
    expect(Array.from(footpod.session!.samples.column('powerW'))).to.deep.equal([251, 262]);

    const subscribed = (await operationLog()).filter((e) => e.op === 'subscribe-to-notifications').map((e) => e.target);
    expect(subscribed.filter((t) => t === '2a63'), 'on connect and on the reconnect').to.have.length(2);
    expect(subscribed.filter((t) => t === '2a53')).to.have.length(2);
  });
});
