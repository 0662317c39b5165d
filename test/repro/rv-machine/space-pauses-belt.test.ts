// Repro tests (reviewer rv-machine): space on the treadmill screen during a workout that drives the
// belt, with the simulated footpod and treadmill.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import '../../../src/pages/stride-treadmill-page.js';
import { createServices, type AppServices } from '../../../src/services/services.js';
import { SimulatedFootpod } from '../../../src/sources/simulated-footpod.js';
import type { SimulatedTreadmill } from '../../../src/sources/simulated-treadmill.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { saveWorkoutSettings } from '../../../src/store/workout-store.js';
import { defaultWorkoutSettings } from '../../../src/store/workout-settings.js';
import type { Workout } from '../../../src/workout/workout-types.js';
import { fakeCoachEngine } from '../../support/fake-coach-engine.js';

useSeparateDatabase('stride-test-rv-machine-space');

const workout: Workout = {
  id: 'w1',
  name: 'Steady',
  origin: 'mine',
  updatedAt: 0,
  items: [{ kind: 'step', name: 'Steady', intensity: 'active', length: { kind: 'time', seconds: 600 }, speedKmh: 8, inclinePercent: null, cadence: null }],
};

let services: AppServices;
let page: HTMLElement | null = null;

describe('rv-machine: space during a workout', () => {
  afterEach(async () => {
    page?.remove();
    await services.workouts.stop();
    if (services.recording.state === 'recording' || services.recording.state === 'paused') {
      const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
      services.recording.stop();
      await saved;
    }
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  // Issue 19: "space pauses the workout and the belt (0x08 0x02)". On the treadmill screen space
  // only pauses the recording: the workout runs on and the belt keeps the step's speed, so a runner
  // who presses space to step off finds the belt still moving.
  it('space on the treadmill screen pauses the workout and the belt', async () => {
    await clear(kvStore());
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), confirmedTreadmills: ['simulated-treadmill'] });
    services = createServices({ simulator: () => new SimulatedFootpod({ speedup: 1e-6 }) }, {}, async () => fakeCoachEngine());
    await services.settings.load();
    await services.footpod.simulate();
    await services.sensors.simulate();
    const belt = services.sensors.source('treadmill') as SimulatedTreadmill;
    await waitUntil(() => belt.control.capabilities !== null, 'treadmill connected');
    await services.recording.start();
    await services.workouts.start(workout);
    await waitUntil(() => services.workouts.view.phase === 'running' && services.workouts.view.beltTargetKmh === 8, 'the belt driven');
    page = document.createElement('stride-treadmill-page');
    (page as HTMLElement & { services: AppServices }).services = services;
    document.body.append(page);
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    window.dispatchEvent(new KeyboardEvent('keyup', { key: ' ', bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(services.recording.state, 'space reached the page').to.equal('paused');
    expect(services.workouts.view.phase, 'the workout paused by space').to.equal('paused');
  });
});
