// "Start recording when I start running" (Settings → Recording) arms only the first run of an open
// page: recording-service.ts prepares an idle auto-start recorder only while it has no recorder at
// all, and a stopped one stays. So after the first run is stopped, a second run in the same open
// page, even after the pod was disconnected and connected again, is never recorded.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { type AppServices, createServices } from '../../src/app/services.js';
import { listSessions } from '../../src/store/session-store.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-repro-auto-start-again');

describe('auto-start for the next run', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('records a second run started by running, after the first was stopped and the pod reconnected', async () => {
    const pod = new ScriptedFootpod('Test pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 0, autoStart: true, autoPauseAfterS: 0 });
    await services.footpod.simulate();
    pod.send(0, { cadence: 170, speedMps: 3 });
    await waitUntil(() => services.recording.recorder !== null, 'the recording code loaded');
    for (let t = 1; t <= 60; t++) pod.send(t, { cadence: 170, speedMps: 3 });
    expect(services.recording.state, 'run 1 started by itself').to.equal('recording');
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;

    // Later: the pod was switched off and on, the runner connects it and runs again.
    services.footpod.disconnect();
    await services.footpod.simulate();
    for (let t = 0; t <= 60; t++) {
      pod.send(t, { cadence: 172, speedMps: 3.1 });
      if (t === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(services.recording.state, 'run 2 started by itself').to.equal('recording');
    expect(services.recording.recorder!.movingS).to.be.greaterThan(55);
    expect((await listSessions()).length).to.equal(1);
  });
});
