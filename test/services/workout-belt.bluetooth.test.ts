/// <reference types="mocha" />
// A workout driving a treadmill through Chromium's own Web Bluetooth stack: one emulated FTMS
// treadmill, paired once for the file, that logs every write. Nothing is written on connect or
// before the first-time confirmation; control is asked for first; a step above the runner's
// maximum sets the maximum and says so; one command is out at a time (a silent treadmill is
// confirmed from its status); status 0x02, 0x03 and 0xFF pause the workout and nothing restarts
// the belt; a hidden tab and a lost link send nothing, and the workout waits for Resume.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { WebBluetoothTreadmill } from '../../src/sources/web-bluetooth-treadmill.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveWorkoutSettings } from '../../src/store/workout-store.js';
import { defaultWorkoutSettings } from '../../src/store/workout-settings.js';
import type { Workout } from '../../src/workout/workout-types.js';
import { setupEmulatedFootpod } from '../support/emulated-footpod.js';
import type { EmulatedDevice } from '../support/emulated-sensors.js';
import { addEmulatedFtmsTreadmill, dropTreadmillLink, sendTreadmillStatus, setFtmsAnswers, treadmillWrites } from '../support/emulated-treadmill.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { harness, type Harness, pairThroughChooser, releaseAll, sleep } from '../sources/sensor-harness.js';

useSeparateDatabase('stride-test-workout-belt');

const hills: Workout = {
  id: 'w-hills',
  name: 'Hills',
  origin: 'mine',
  updatedAt: 0,
  items: [{ kind: 'step', name: 'Hill', intensity: 'active', length: { kind: 'time', seconds: 600 }, speedKmh: 16, inclinePercent: 2, cadence: null }],
};
const START = [0x07];
const CONTROL = [0x00];
const AT_14 = [0x02, 0x78, 0x05];
const INCLINE_2 = [0x03, 0x14, 0x00];

describe('a workout driving an emulated treadmill', () => {
  let device: EmulatedDevice;
  let h: Harness<WebBluetoothTreadmill>;
  let services: AppServices;
  let pod: SimulatedFootpod;
  const controlPoint = async () => (await treadmillWrites(device)).filter((w) => w.target === '2ad9').map((w) => w.bytes);
  /** Waits until the control point has had `n` writes, and a little longer to see no more come. */
  const writesSettle = async (n: number) => {
    await waitUntil(async () => (await controlPoint()).length >= n, `${n} writes`, { timeout: 4000 });
    await sleep(150);
    return (await controlPoint()).slice(n);
  };
  const view = () => services.workouts.view;
  const setHidden = (hidden: boolean) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  };

  before(async () => {
    await clear(kvStore());
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), maxSpeedKmh: 14 });
    await setupEmulatedFootpod();
    device = await addEmulatedFtmsTreadmill({ name: 'Driven' });
    h = harness(new WebBluetoothTreadmill(undefined, { retryDelaysMs: [20, 40, 80], controlTimeoutMs: 1000 }));
    await pairThroughChooser(h, device);
    await waitUntil(() => h.source.control.capabilities !== null, 'ranges read');
    services = createServices({ simulator: () => (pod = new SimulatedFootpod({ speedup: 1e-6 })) }, {}, async () => fakeCoachEngine(), {
      treadmill: () => h.source,
    });
    await services.settings.load();
    await services.footpod.simulate();
    await services.sensors.prepare();
    pod.emitSeconds(2);
  });
  after(async () => {
    delete (document as { visibilityState?: unknown }).visibilityState;
    services.footpod.disconnect();
    await releaseAll();
  });

  it('writes nothing until confirmed; then control first, the step clamped to the maximum, one command out at a time', async () => {
    await services.workouts.start(hills);
    expect(view().phase).to.equal('confirm');
    pod.emitSeconds(5);
    await sleep(100);
    expect(await controlPoint(), 'nothing on connect or before the confirmation').to.deep.equal([]);

    // A silent speed: the incline must wait until the treadmill's status confirms it.
    await setFtmsAnswers(device, { 0x02: 'never' });
    await services.workouts.confirm();
    expect(await writesSettle(3)).to.deep.equal([]);
    expect(await controlPoint()).to.deep.equal([CONTROL, START, AT_14]);
    expect(view().message).to.contain('16.0 km/h').and.contain('14.0 km/h');
    await sendTreadmillStatus(Uint8Array.of(0x05, 0x78, 0x05), device);
    expect(await writesSettle(4)).to.deep.equal([]);
    expect((await controlPoint())[3]).to.deep.equal(INCLINE_2);
    pod.emitSeconds(30);
    expect(await writesSettle(4), 'the step’s speed is not sent again').to.deep.equal([]);
    await setFtmsAnswers(device, { 0x02: 'success' });
  });

  it('status 0x02, 0x03 and 0xFF pause the workout, say so, and nothing restarts the belt until Resume', async () => {
    const cases: [number[], RegExp, number[][]][] = [
      [[0x02, 0x01], /stopped on the treadmill/, [START, AT_14, INCLINE_2]],
      [[0x03], /safety key/, [CONTROL, START, AT_14, INCLINE_2]],
      [[0xff], /took control back/, [CONTROL, START, AT_14, INCLINE_2]],
    ];
    for (const [status, said, onResume] of cases) {
      const before = (await controlPoint()).length;
      await sendTreadmillStatus(Uint8Array.of(...status), device);
      await waitUntil(() => view().phase === 'paused', `paused by ${status}`);
      expect(view().message).to.match(said).and.contain('Resume');
      pod.emitSeconds(20);
      expect(await writesSettle(before), `nothing after ${status}`).to.deep.equal([]);
      await services.workouts.resume();
      expect(await writesSettle(before + onResume.length), `Resume after ${status}`).to.deep.equal([]);
      expect((await controlPoint()).slice(before)).to.deep.equal(onResume);
      expect(view().phase).to.equal('running');
    }
  });

  it('a hidden tab and a lost link send nothing; the workout stays paused until Resume', async () => {
    let before = (await controlPoint()).length;
    setHidden(true);
    expect(view().phase).to.equal('paused');
    pod.emitSeconds(20);
    setHidden(false);
    pod.emitSeconds(5);
    expect(await writesSettle(before), 'nothing while hidden or after').to.deep.equal([]);
    expect(view().phase).to.equal('paused');
    await services.workouts.resume();
    expect(await writesSettle(before + 3)).to.deep.equal([]);

    before = (await controlPoint()).length;
    await dropTreadmillLink(device);
    await waitUntil(() => view().phase === 'paused', 'paused by the lost link');
    await waitUntil(() => h.source.state === 'connected' && h.source.control.capabilities !== null, 'connected again', { timeout: 5000 });
    pod.emitSeconds(20);
    expect(await writesSettle(before), 'nothing on the lost link or the reconnect').to.deep.equal([]);
    expect(view().phase).to.equal('paused');
    expect(view().message).to.contain('stays paused');
    await services.workouts.resume();
    expect(await writesSettle(before + 4)).to.deep.equal([]);
    expect((await controlPoint()).slice(before)).to.deep.equal([CONTROL, START, AT_14, INCLINE_2]);
  });

  it('Pause sends 0x08 0x02 and Stop sends 0x08 0x01, and nothing follows the Stop', async () => {
    const before = (await controlPoint()).length;
    await services.workouts.pause();
    expect(await writesSettle(before + 1)).to.deep.equal([]);
    await services.workouts.resume();
    await writesSettle(before + 4);
    await services.workouts.stop();
    expect(await writesSettle(before + 5)).to.deep.equal([]);
    pod.emitSeconds(30);
    await sendTreadmillStatus(Uint8Array.of(0x04), device);
    expect(await writesSettle(before + 5)).to.deep.equal([]);
    const writes = (await controlPoint()).slice(before);
    expect(writes[0]).to.deep.equal([0x08, 0x02]);
    expect(writes[4]).to.deep.equal([0x08, 0x01]);
    expect(view().phase).to.equal('finished');
  });
});
