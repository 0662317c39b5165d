// With auto-start on, the idle recorder is made at the first reading of the first pod, with that
// pod's name and identity, and reused "until it is stopped". Switching to another pod before
// running leaves the run recorded under the first pod: its name, and its podId, which is whose
// calibration curve a later "correct this run from the treadmill's distance" files a point into.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { type AppServices, createServices } from '../../src/app/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-repro-auto-start-other-pod');

describe('auto-start after switching pods', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('records the run under the pod that sent it', async () => {
    const first = new ScriptedFootpod('Pod A');
    first.info.deviceId = 'pod-a';
    const second = new ScriptedFootpod('Pod B');
    second.info.deviceId = 'pod-b';
    const pods = [first, second];
    services = createServices({ simulator: () => pods.shift()! }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 0, autoStart: true, autoPauseAfterS: 0 });
    await services.footpod.simulate();
    // Pod A sends while the runner stands about: auto-start waits.
    first.send(0, { cadence: 0, speedMps: 0, isRunning: false });
    await waitUntil(() => services.recording.recorder !== null, 'the recording code loaded');
    first.send(1, { cadence: 0, speedMps: 0, isRunning: false });
    // The runner switches to pod B and runs.
    services.footpod.disconnect();
    await services.footpod.simulate();
    for (let t = 0; t <= 30; t++) second.send(t, { cadence: 172, speedMps: 3.1 });
    expect(services.recording.state).to.equal('recording');
    const meta = services.recording.recorder!.meta();
    expect(meta.deviceName).to.equal('Pod B');
    expect(meta.podId ?? '', 'the pod whose curve the run belongs to').to.contain('pod-b');
  });
});
