// Space on the treadmill screen during a workout that drives the belt (the simulated footpod and
// treadmill): the workout pauses and the belt is paused (0x08 0x02); the recording is left to
// auto-pause as the runner stops, and space again resumes both.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/pages/stride-treadmill-page.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import type { Workout } from '../../src/workout/workout-types.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { confirmedSimulatedTreadmill, connectSimulatedTreadmill } from '../support/simulated-belt-rig.js';

useSeparateDatabase('stride-test-treadmill-workout-belt');

const workout: Workout = {
  id: 'w1',
  name: 'Steady',
  origin: 'mine',
  updatedAt: 0,
  items: [{ kind: 'step', name: 'Steady', intensity: 'active', length: { kind: 'time', seconds: 600 }, speedKmh: 8, inclinePercent: null, cadence: null }],
};

let services: AppServices;
let page: HTMLElement | null = null;

describe('the treadmill screen: space during a workout on the belt', () => {
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

  // Issue 19: "space pauses the workout and the belt (0x08 0x02)": a runner who presses space to
  // step off must find the belt paused, not running on at the step's speed.
  it('space on the treadmill screen pauses the workout and the belt', async () => {
    await confirmedSimulatedTreadmill();
    services = createServices({ simulator: () => new SimulatedFootpod({ speedup: 1e-6 }) }, {}, async () => fakeCoachEngine());
    await services.settings.load();
    await services.footpod.simulate();
    const belt = await connectSimulatedTreadmill(services);
    await services.recording.start();
    await services.workouts.start(workout);
    await waitUntil(() => services.workouts.view.phase === 'running' && services.workouts.view.beltTargetKmh === 8, 'the belt driven');
    page = document.createElement('stride-treadmill-page');
    (page as HTMLElement & { services: AppServices }).services = services;
    document.body.append(page);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const press = () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
      window.dispatchEvent(new KeyboardEvent('keyup', { key: ' ', bubbles: true }));
    };
    press();
    await waitUntil(() => services.workouts.view.phase === 'paused', 'the workout paused by space');
    await waitUntil(() => belt.control.pending === null, 'the pause answered');
    expect(services.workouts.view.message).to.contain('the belt was asked to pause');
    for (let i = 0; i < 10; i++) belt.emitSeconds(1);
    const beltKmh = () => (services.footpod.session!.latestChannels.treadmillSpeedMps ?? 0) * 3.6;
    expect(beltKmh(), 'the belt stood still').to.equal(0);
    press();
    await waitUntil(() => services.workouts.view.phase === 'running', 'space resumed the workout');
    await waitUntil(() => belt.control.pending === null, 'the belt started again');
    for (let i = 0; i < 10; i++) belt.emitSeconds(1);
    expect(beltKmh(), 'the belt back at the step’s speed').to.be.closeTo(8, 0.05);
  });
});
