import { expect } from '@open-wc/testing';
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
    expect((await pod.controlPoint.setCumulativeDistance(0)).message).to.equal('Connect the footpod first.');
    await pod.connect();
    pod.emitSeconds(30);
    // The pod's own timer keeps running too; a reset must still bring the counter back near 0.
    expect(await pod.controlPoint.setCumulativeDistance(0)).to.deep.equal({ ok: true, message: "The footpod's distance is now 0 m." });
    let distance: number | null = null;
    pod.addEventListener('measurement', (event) => {
      distance = (event as Event & { view: DataView }).view.getUint32(6, true);
    });
    pod.emitSeconds(1);
    // Counted again from 0: at most the second or two run since the reset, where 30 s came before.
    expect(distance).to.be.below(60);
    expect((await pod.controlPoint.startCalibration()).message).to.equal('This footpod does not offer calibration.');
    pod.disconnect();
  });
});
