// Repro tests (reviewer rv-machine): the program test's belt (ProgramBelt through ProgramService)
// with the simulated footpod and a simulated treadmill that can be driven.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../../src/services/services.js';
import { SimulatedFootpod } from '../../../src/sources/simulated-footpod.js';
import type { SimulatedTreadmill } from '../../../src/sources/simulated-treadmill.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { saveWorkoutSettings } from '../../../src/store/workout-store.js';
import { defaultWorkoutSettings } from '../../../src/store/workout-settings.js';
import { fakeCoachEngine } from '../../support/fake-coach-engine.js';

useSeparateDatabase('stride-test-rv-machine-program-belt');

let services: AppServices;

describe('rv-machine: a program test armed in another tab', () => {
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

  // Issue 19: nothing may move the belt "on opening a page" or when a tab is shown again; only a
  // runner's explicit press starts it. program-live.ts says "Another tab's run is not taken up here".
  // Yet a test armed in a second tab is taken up by this tab when it is merely shown again, and its
  // belt is driven: control is requested and the belt started at the test's speed under a runner
  // who is on a free run and pressed nothing here.
  it('does not drive the belt when this tab is shown again after another tab armed a test', async () => {
    await clear(kvStore());
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), confirmedTreadmills: ['simulated-treadmill'] });
    services = createServices({ simulator: () => new SimulatedFootpod({ speedup: 1e-6 }) }, {}, async () => fakeCoachEngine());
    await services.settings.load();
    await services.footpod.simulate();
    await services.sensors.simulate();
    const belt = services.sensors.source('treadmill') as SimulatedTreadmill;
    await waitUntil(() => belt.control.capabilities !== null, 'treadmill connected');
    await services.program.load();
    // A free run in this tab.
    await services.recording.start();
    // The other tab: a program whose baseline test is armed there.
    // Its own services over the same store, with no recording going there.
    const otherTab = createServices({ simulator: () => new SimulatedFootpod({ speedup: 1e-6 }) }, {}, async () => fakeCoachEngine());
    await otherTab.settings.load();
    const other = otherTab.program;
    expect(otherTab.recording.state).not.to.equal('recording');
    await other.begin();
    await other.setTestSpeed(2.5);
    await other.startNext();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(services.workouts.view.phase, 'nothing while hidden').to.equal('idle');
    // This tab is shown again.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(services.workouts.view.phase, 'no workout started by showing the tab').to.equal('idle');
    expect(belt.control.hasControl, 'no control requested').to.equal(false);
  });
});
