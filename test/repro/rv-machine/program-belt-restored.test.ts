// Repro tests (reviewer rv-machine): a program test's belt after a page was closed mid-test and
// opened again (a restored page), with the simulated footpod and a treadmill that can be driven.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../../src/services/services.js';
import { SimulatedFootpod } from '../../../src/sources/simulated-footpod.js';
import type { SimulatedTreadmill } from '../../../src/sources/simulated-treadmill.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { loadProgram } from '../../../src/store/program-store.js';
import { saveWorkoutSettings } from '../../../src/store/workout-store.js';
import { defaultWorkoutSettings } from '../../../src/store/workout-settings.js';
import { fakeCoachEngine } from '../../support/fake-coach-engine.js';

useSeparateDatabase('stride-test-rv-machine-program-restored');

let reopened: AppServices;

async function podServices(): Promise<{ services: AppServices; pod: SimulatedFootpod }> {
  let pod!: SimulatedFootpod;
  const services = createServices({ simulator: () => (pod = new SimulatedFootpod({ speedup: 1e-6 })) }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
  await services.settings.load();
  await services.footpod.simulate();
  return { services, pod };
}

describe('rv-machine: a program test picked up after the page was closed', () => {
  afterEach(async () => {
    await reopened.workouts.stop();
    reopened.sensors.disconnect('treadmill');
    reopened.footpod.disconnect();
  });

  // Issue 19: nothing is written to the control point "on opening a page"; the belt moves only on a
  // runner's explicit Start. A runner whose tab closed mid-test opens the app again and keeps the
  // unfinished run (resumeUnfinished: "Picks an unfinished run up again, paused: the runner resumes
  // once the footpod is connected"). The recording stays paused, yet the program test's workout is
  // started at once: control requested and the belt started at the test speed, with no press to
  // start a workout and while the run itself is paused.
  it('does not start the belt when an unfinished test run is picked up paused', async () => {
    await clear(kvStore());
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), confirmedTreadmills: ['simulated-treadmill'] });
    // The tab that closed: a baseline test armed and recorded for a while, then gone.
    const closed = await podServices();
    await closed.services.program.begin();
    await closed.services.program.setTestSpeed(2.5);
    await closed.services.program.startNext();
    await closed.services.recording.start();
    const id = closed.services.recording.recorder!.id;
    await waitUntil(async () => (await loadProgram()).program?.active?.sessionIds.includes(id) === true, 'the run stored with its recording', { timeout: 5000 });
    for (let i = 0; i < 5; i++) {
      closed.pod.emitSeconds(1);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    closed.services.recording.abandon();
    closed.services.footpod.disconnect();

    // The page opened again, the treadmill connected, the unfinished run picked up.
    const again = await podServices();
    reopened = again.services;
    await reopened.sensors.simulate();
    const belt = reopened.sensors.source('treadmill') as SimulatedTreadmill;
    await waitUntil(() => belt.control.capabilities !== null, 'treadmill connected');
    await reopened.recording.checkUnfinished();
    await reopened.program.load();
    expect(reopened.recording.unfinished.map((s) => s.id)).to.include(id);
    await reopened.recording.resumeUnfinished(id);
    expect(reopened.recording.state).to.equal('paused');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(reopened.workouts.view.phase, 'no workout started by picking the run up').to.equal('idle');
    expect(belt.control.hasControl, 'no control requested').to.equal(false);
  });
});
