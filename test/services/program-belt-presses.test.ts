// A program test's belt moves only on the runner's press in this tab: Start of the recording with
// the test armed, or Start of the test with a recording going. Not when the tab is shown again
// after another tab armed a test, not when an unfinished test run is picked up paused, not when
// auto-start starts the recording. (Simulated footpod, simulated treadmill that can be driven.)
import { expect, waitUntil } from '@open-wc/testing';
import { programTestWorkout } from '../../src/services/program-belt.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import type { SimulatedTreadmill } from '../../src/sources/simulated-treadmill.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { loadProgram } from '../../src/store/program-store.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { confirmedSimulatedTreadmill, connectSimulatedTreadmill } from '../support/simulated-belt-rig.js';

useSeparateDatabase('stride-test-program-belt-presses');

let services: AppServices;
let pod: SimulatedFootpod;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function podServices(options = {}): Promise<{ services: AppServices; pod: SimulatedFootpod }> {
  let made!: SimulatedFootpod;
  const created = createServices({ simulator: () => (made = new SimulatedFootpod({ speedup: 1e-6 })) }, options, async () => fakeCoachEngine());
  await created.settings.load();
  await created.footpod.simulate();
  return { services: created, pod: made };
}

async function withTreadmill(options = {}): Promise<SimulatedTreadmill> {
  await confirmedSimulatedTreadmill();
  ({ services, pod } = await podServices(options));
  const belt = await connectSimulatedTreadmill(services);
  await services.program.load();
  return belt;
}

async function armTest(program: AppServices['program']): Promise<void> {
  await program.begin();
  await program.setTestSpeed(2.5);
  await program.startNext();
}

describe('ProgramBelt: the runner’s press', () => {
  afterEach(async () => {
    delete (document as { visibilityState?: unknown }).visibilityState;
    await services.workouts.stop();
    if (services.recording.state === 'recording' || services.recording.state === 'paused') {
      const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
      services.recording.stop();
      await saved;
    }
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  it('sets the belt at the recording’s Start with the test armed, and at the test’s Start with a recording going', async () => {
    const belt = await withTreadmill();
    await armTest(services.program);
    await pause(200);
    expect(services.workouts.view.phase, 'armed, nothing pressed yet').to.equal('idle');
    await services.recording.start();
    await waitUntil(() => services.workouts.view.beltTargetKmh === 9 && belt.control.hasControl, 'the test speed set at Start');
    expect(services.workouts.view.workout?.name).to.equal('Baseline test');
    await services.program.cancelRun();
    await waitUntil(() => services.workouts.view.phase === 'finished', 'the test’s workout ends with its run');
    await services.program.startNext();
    await waitUntil(() => services.workouts.view.phase === 'running', 'the test’s Start with a recording going');
  });

  // Issue 19: nothing may move the belt "on opening a page"; program-live.ts: "Another tab's run
  // is not taken up here". A free run in this tab, a test armed in another: showing this tab again
  // must not start the belt under a runner who pressed nothing here.
  it('does not drive the belt when this tab is shown again after another tab armed a test', async () => {
    const belt = await withTreadmill();
    await services.recording.start();
    const otherTab = createServices({ simulator: () => new SimulatedFootpod({ speedup: 1e-6 }) }, {}, async () => fakeCoachEngine());
    await otherTab.settings.load();
    await armTest(otherTab.program);
    await pause(200);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    await pause(500);
    // The recording's later news (a lap) is not its Start either.
    for (let i = 0; i < 3; i++) pod.emitSeconds(1);
    services.recording.lap();
    await pause(500);
    expect(services.workouts.view.phase, 'no workout started by showing the tab').to.equal('idle');
    expect(belt.control.hasControl, 'no control requested').to.equal(false);
    otherTab.program.close();
  });

  it('does not start the belt when auto-start starts the recording of an armed test', async () => {
    const belt = await withTreadmill();
    await services.settings.update({ autoStart: true });
    await armTest(services.program);
    for (let i = 0; i < 6 && services.recording.state !== 'recording'; i++) {
      pod.emitSeconds(1);
      await pause(50);
    }
    expect(services.recording.state, 'auto-started').to.equal('recording');
    await pause(500);
    expect(services.workouts.view.phase).to.equal('idle');
    expect(belt.control.hasControl).to.equal(false);
  });

  // resumeUnfinished: "Picks an unfinished run up again, paused". A runner whose tab closed
  // mid-test opens the app again: the belt must not start with no press and the run paused.
  it('does not start the belt when an unfinished test run is picked up paused', async () => {
    await confirmedSimulatedTreadmill();
    const closed = await podServices({ flushIntervalMs: 200 });
    await armTest(closed.services.program);
    await closed.services.recording.start();
    const id = closed.services.recording.recorder!.id;
    await waitUntil(async () => (await loadProgram()).program?.active?.sessionIds.includes(id) === true, 'the run stored with its recording', { timeout: 5000 });
    for (let i = 0; i < 5; i++) {
      closed.pod.emitSeconds(1);
      await pause(50);
    }
    await pause(400);
    closed.services.recording.abandon();
    await closed.services.workouts.stop();
    closed.services.footpod.disconnect();
    closed.services.program.close();

    ({ services, pod } = await podServices({ flushIntervalMs: 200 }));
    const belt = await connectSimulatedTreadmill(services);
    await services.recording.checkUnfinished();
    await services.program.load();
    await services.recording.resumeUnfinished(id);
    expect(services.recording.state).to.equal('paused');
    await pause(1000);
    expect(services.workouts.view.phase, 'no workout started by picking the run up').to.equal('idle');
    expect(belt.control.hasControl, 'no control requested').to.equal(false);
  });

  it('a program test’s workout starts no recording of its own', async () => {
    await withTreadmill();
    const run = { kind: 'test', test: 'baseline', n: null, block: 0, startedAtMs: 1, sessionIds: [], warmUpRunningS: 0, mainRunningS: 0, speedMps: 2.5 } as const;
    await services.workouts.start(programTestWorkout({ ...run, sessionIds: [] }, 2.5));
    await waitUntil(() => services.workouts.view.phase === 'running', 'running');
    await pause(300);
    expect(services.recording.state).to.equal('idle');
  });
});
