// By voice, a Resume says the step's speed again: the runner may have stopped the belt by hand.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import type { Workout } from '../../src/workout/workout-types.js';
import { type FakeCoachEngine, fakeCoachEngine } from '../support/fake-coach-engine.js';

useSeparateDatabase('stride-test-workout-voice-resume');

const workout: Workout = {
  id: 'w1',
  name: 'Easy',
  origin: 'mine',
  updatedAt: 0,
  items: [{ kind: 'step', name: 'Easy', intensity: 'active', length: { kind: 'time', seconds: 60 }, speedKmh: 8, inclinePercent: null, cadence: null }],
};

let services: AppServices;
let engine: FakeCoachEngine;
let pod: SimulatedFootpod;

async function seconds(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    pod.emitSeconds(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('workout service by voice: Pause and Resume', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => services.footpod.disconnect());

  it('says the step’s speed again after Resume', async () => {
    engine = fakeCoachEngine();
    services = createServices({ simulator: () => (pod = new SimulatedFootpod({ speedup: 1e-6 })) }, {}, async () => engine);
    await services.settings.load();
    await services.footpod.simulate();
    pod.emitSeconds(2);
    await services.workouts.start(workout);
    await seconds(3);
    await services.workouts.pause();
    await seconds(3);
    await services.workouts.resume();
    await seconds(3);
    expect(services.workouts.view.mode).to.equal('voice');
    expect(engine.announced.filter((a) => a.sound).map((a) => a.sentence)).to.deep.equal(['Set 8.0 km/h now', 'Set 8.0 km/h now']);
  });
});
