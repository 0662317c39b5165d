// A program test and a workout never share the belt: a workout's Start is refused while a test is
// armed or going on, and a test's Start while a workout is going on.
import { expect, waitUntil } from '@open-wc/testing';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import type { Workout } from '../../src/workout/workout-types.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { confirmedSimulatedTreadmill, connectSimulatedTreadmill } from '../support/simulated-belt-rig.js';

useSeparateDatabase('stride-test-program-belt-one-at-a-time');

const easy: Workout = {
  id: 'w1',
  name: 'Easy',
  origin: 'mine',
  updatedAt: 0,
  items: [{ kind: 'step', name: 'Easy', intensity: 'active', length: { kind: 'time', seconds: 600 }, speedKmh: 8, inclinePercent: null, cadence: null }],
};

let services: AppServices;

async function withTreadmill(): Promise<void> {
  await confirmedSimulatedTreadmill();
  services = createServices({ simulator: () => new SimulatedFootpod({ speedup: 1e-6 }) }, {}, async () => fakeCoachEngine());
  await services.settings.load();
  await services.footpod.simulate();
  await connectSimulatedTreadmill(services);
  await services.program.load();
  await services.program.begin();
  await services.program.setTestSpeed(2.5);
}

describe('ProgramBelt: a test or a workout, one at a time', () => {
  afterEach(async () => {
    await services.workouts.stop();
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  it('refuses a workout while a program test is armed', async () => {
    await withTreadmill();
    await services.program.startNext();
    expect(services.program.active?.kind).to.equal('test');
    await services.workouts.start(easy);
    expect(services.workouts.view.phase).to.equal('idle');
    expect(services.workouts.view.message).to.equal('A program test is on: finish or leave it first.');
  });

  it('refuses a program test’s Start while a workout is going on', async () => {
    await withTreadmill();
    await services.workouts.start(easy);
    await waitUntil(() => services.workouts.view.phase === 'running', 'the workout running');
    await services.program.startNext();
    expect(services.program.active).to.equal(null);
    expect(services.program.problem).to.equal('A workout is going on: finish or leave it first.');
    expect(services.workouts.view.workout?.id).to.equal('w1');
  });
});
