import { expect, waitUntil } from '@open-wc/testing';
import { FootpodService } from '../../src/services/footpod-service.js';
import { SettingsService } from '../../src/services/settings-service.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import { type ControlPointLink, controlPointMessages, FootpodControlPoint } from '../../src/sources/footpod-control-point.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';

const view = (...bytes: number[]): DataView => new DataView(Uint8Array.of(...bytes).buffer);

/** A link that records writes; the test plays the pod by calling indication() itself. */
function scripted(feature = 0x1f): { link: ControlPointLink; sent: number[][] } {
  const sent: number[][] = [];
  const link: ControlPointLink = {
    connected: () => true,
    feature: () => view(feature, 0),
    send: (bytes) => {
      sent.push([...bytes]);
      return Promise.resolve();
    },
  };
  return { link, sent };
}

describe('FootpodControlPoint', () => {
  it('ignores malformed indications and answers to another request, then takes the right one', async () => {
    const { link, sent } = scripted();
    const cp = new FootpodControlPoint(link, { timeoutMs: 2000 });
    const outcome = cp.startCalibration();
    for (const stray of [view(), view(0x10, 2), view(0x01, 2, 1), view(0x10, 1, 1)]) cp.indication(stray);
    expect(cp.pending, 'still waiting').to.equal(2);
    cp.indication(view(0x10, 2, 1));
    expect(await outcome).to.deep.equal({ ok: true, message: 'Calibration started.' });
    expect(sent).to.deep.equal([[2]]);
  });

  it('names a response value it does not know, and a write that failed', async () => {
    const { link } = scripted();
    const cp = new FootpodControlPoint(link);
    const unknown = cp.setCumulativeDistance(0);
    cp.indication(view(0x10, 1, 9));
    expect(await unknown).to.deep.equal({ ok: false, message: controlPointMessages.unknownAnswer(9) });
    const failing = new FootpodControlPoint({ ...link, send: () => Promise.reject(new DOMException('GATT Error: Unknown.', 'NotSupportedError')) });
    expect(await failing.startCalibration()).to.deep.equal({
      ok: false,
      message: 'Could not send the command to the footpod (GATT Error: Unknown.). Try again.',
    });
    expect(failing.pending).to.equal(null);
  });

  it('refuses a value the request cannot carry without writing it', async () => {
    const { link, sent } = scripted();
    const outcome = await new FootpodControlPoint(link).setCumulativeDistance(-5);
    expect(outcome.ok).to.equal(false);
    expect(outcome.message).to.match(/^The footpod refused the value\./);
    expect(sent).to.deep.equal([]);
  });

  it('rejects a timeout that is not a positive number of milliseconds', () => {
    expect(() => new FootpodControlPoint(scripted().link, { timeoutMs: 0 })).to.throw(RangeError);
  });
});

describe('SimulatedFootpod control point', () => {
  it('resets its distance counter when asked, answering like a real pod', async () => {
    const pod = new SimulatedFootpod();
    expect(pod.controlPoint === undefined, 'loaded only when asked for').to.equal(true);
    const controlPoint = await pod.loadControlPoint();
    expect(pod.controlPoint === controlPoint && (await pod.loadControlPoint()) === controlPoint, 'one control point').to.equal(true);
    expect((await controlPoint.setCumulativeDistance(0)).message).to.equal('Connect the footpod first.');
    await pod.connect();
    pod.emitSeconds(30);
    // The pod's own timer keeps running too; a reset must still bring the counter back near 0.
    expect(await controlPoint.setCumulativeDistance(0)).to.deep.equal({ ok: true, message: "The footpod's distance is now 0 m." });
    let distance: number | null = null;
    pod.addEventListener('measurement', (event) => {
      distance = (event as Event & { view: DataView }).view.getUint32(6, true);
    });
    pod.emitSeconds(1);
    // Counted again from 0: at most the second or two run since the reset, where 30 s came before.
    expect(distance).to.be.below(60);
    expect((await controlPoint.startCalibration()).message).to.equal('This footpod does not offer calibration.');
    pod.disconnect();
  });
});

describe('FootpodService and the control point it loads on demand', () => {
  const made: FootpodService[] = [];
  afterEach(() => {
    for (const service of made.splice(0)) service.disconnect();
  });
  async function simulating(): Promise<{ service: FootpodService; pod: SimulatedFootpod }> {
    // A clock so slow that nothing but the control point changes what the service says.
    const pod = new SimulatedFootpod({ speedup: 1e-6 });
    const service = new FootpodService(new SettingsService(), { bluetooth: () => new WebBluetoothFootpod(null), simulator: () => pod });
    made.push(service);
    await service.simulate();
    return { service, pod };
  }

  it('shows what the pod offers at once, loads the commands once details are wanted, and says so', async () => {
    const { service, pod } = await simulating();
    expect(pod.controlPoint === undefined, 'connecting loads no commands').to.equal(true);
    let changes = 0;
    service.addEventListener('change', () => changes++);
    const details = service.details!;
    expect(details.offers).to.deep.equal({ resetDistance: true, calibrate: false, locations: false });
    expect(details.pending).to.equal(null);
    await waitUntil(() => pod.controlPoint !== undefined, 'the control point loads', { timeout: 2000 });
    await waitUntil(() => changes > 0, 'a change says it is there', { timeout: 2000 });
    expect(changes, 'one change for the load').to.equal(1);

    const sending = service.command({ kind: 'reset-distance' });
    await waitUntil(() => service.details?.pending === 'reset-distance', 'the wait shows', { timeout: 2000 });
    const done = { ok: true, message: "The footpod's distance is now 0 m." };
    expect(await sending).to.deep.equal(done);
    expect(service.details!.outcome).to.deep.equal({ kind: 'reset-distance', outcome: done });
    expect(service.details!.pending).to.equal(null);
  });

  it('loads the commands for a command sent before details were wanted, and refuses once the pod is gone', async () => {
    const { service, pod } = await simulating();
    expect((await service.command({ kind: 'calibrate' })).message).to.equal('This footpod does not offer calibration.');
    expect(pod.controlPoint === undefined, 'loaded by the command').to.equal(false);
    expect((await service.command({ kind: 'reset-distance' })).ok).to.equal(true);
    service.disconnect();
    expect(service.details).to.equal(null);
    expect(await service.command({ kind: 'reset-distance' })).to.deep.equal({ ok: false, message: 'Connect a footpod first.' });
  });
});
