// rv-machine2: the workout service with the simulated footpod and treadmill.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../../src/services/services.js';
import { SimulatedFootpod } from '../../../src/sources/simulated-footpod.js';
import type { SimulatedTreadmill } from '../../../src/sources/simulated-treadmill.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { saveWorkoutSettings } from '../../../src/store/workout-store.js';
import { defaultWorkoutSettings } from '../../../src/store/workout-settings.js';
import type { Workout, WorkoutStep } from '../../../src/workout/workout-types.js';
import { fakeCoachEngine } from '../../support/fake-coach-engine.js';

useSeparateDatabase('stride-test-rv-machine2');

const step = (name: string, seconds: number, speedKmh: number | null): WorkoutStep => ({
  kind: 'step', name, intensity: 'active', length: { kind: 'time', seconds }, speedKmh, inclinePercent: null, cadence: null,
});
const workout = (id: string, name: string, ...items: WorkoutStep[]): Workout => ({ id, name, items, origin: 'mine', updatedAt: 0 });

let services: AppServices;
let pod: SimulatedFootpod;

async function withTreadmill(): Promise<SimulatedTreadmill> {
  const engine = fakeCoachEngine();
  services = createServices(
    { simulator: () => (pod = new SimulatedFootpod({ speedup: 1e-6, pace: (s) => services.footpod.simulatedPace?.runner(s) ?? null })) },
    {},
    async () => engine,
  );
  await services.settings.load();
  await services.footpod.simulate();
  pod.emitSeconds(2);
  await services.sensors.simulate();
  const belt = services.sensors.source('treadmill') as SimulatedTreadmill;
  await waitUntil(() => belt.state === 'connected' && belt.control.capabilities !== null, 'treadmill connected');
  return belt;
}

async function seconds(n: number, belt: SimulatedTreadmill): Promise<void> {
  for (let i = 0; i < n; i++) {
    belt.emitSeconds(1);
    pod.emitSeconds(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('rv-machine2: workout service', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => {
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  // Two Starts close together (a double click, or a Start on the workouts page while the program's
  // test starts its own workout) both pass "A workout is going on" before the settings load, and
  // the second overwrites the run's workout while the machine keeps driving the first one's steps:
  // the screen names (and the recording is marked with) a workout the belt is not doing. The
  // issue: "the belt doing exactly what the workout says and nothing else"; the second Start must
  // be refused while the first runs.
  it('a second Start while the first is still loading is refused: the workout named is the one the belt runs', async () => {
    const belt = await withTreadmill();
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), confirmedTreadmills: ['simulated-treadmill'] });
    const first = services.workouts.start(workout('a', 'Easy eight', step('Easy', 60, 8)));
    const second = services.workouts.start(workout('b', 'Fast twelve', step('Fast', 60, 12)));
    await Promise.all([first, second]);
    await seconds(3, belt);
    await waitUntil(() => services.workouts.view.beltTargetKmh !== null, 'a speed set');
    const view = services.workouts.view;
    const named = view.workout?.items[0];
    expect(named && named.kind === 'step' ? named.speedKmh : null, `"${view.workout?.name}" shown, belt set to ${view.beltTargetKmh}`).to.equal(view.beltTargetKmh);
  });
});
