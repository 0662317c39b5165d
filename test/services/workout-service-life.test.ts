// The workout service over its whole life with the simulated footpod and treadmill: one Start at a
// time, the runner's maximum read again during the workout, the recording's Stop ending the
// workout without a command, its laps while paused, and Stop the belt after the workout is done.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import type { SimulatedTreadmill } from '../../src/sources/simulated-treadmill.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { MyWorkouts } from '../../src/services/my-workouts.js';
import { saveWorkoutSettings } from '../../src/store/workout-store.js';
import { defaultWorkoutSettings } from '../../src/store/workout-settings.js';
import type { Workout, WorkoutStep } from '../../src/workout/workout-types.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { connectSimulatedTreadmill } from '../support/simulated-belt-rig.js';

useSeparateDatabase('stride-test-workout-service-life');

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
  const belt = await connectSimulatedTreadmill(services);
  return belt;
}

async function seconds(n: number, belt: SimulatedTreadmill): Promise<void> {
  for (let i = 0; i < n; i++) {
    belt.emitSeconds(1);
    pod.emitSeconds(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('workout service: one Start at a time', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => {
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

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

describe('workout service: the recording ends the workout', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => {
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  it('"Stop and save" of the workout\'s recording mid-workout leaves the belt alone: no later step\'s speed is sent', async () => {
    const belt = await withTreadmill();
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), confirmedTreadmills: ['simulated-treadmill'] });
    await services.workouts.start(workout('a', 'Intervals', step('Easy', 8, 8), step('Hard', 30, 12)));
    await waitUntil(() => services.workouts.view.beltTargetKmh === 8, 'the first step set');
    await waitUntil(() => services.recording.state === 'recording', 'the recording started with the workout');
    await seconds(3, belt);
    services.recording.stop();
    await seconds(15, belt);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(services.workouts.view.beltTargetKmh, `phase ${services.workouts.view.phase}, recording ${services.recording.state}`).to.equal(8);
    expect(services.workouts.view.phase).to.equal('finished');
    expect(services.workouts.view.message).to.contain('The workout ended with the recording; the belt keeps its speed');
  });
});

describe('workout service: the runner\'s maximum', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => {
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  it('a maximum lowered in Settings during the workout caps the next step\'s speed', async () => {
    const belt = await withTreadmill();
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), confirmedTreadmills: ['simulated-treadmill'] });
    await services.workouts.start(workout('a', 'Intervals', step('Easy', 8, 8), step('Hard', 30, 14)));
    await waitUntil(() => services.workouts.view.beltTargetKmh === 8, 'the first step set');
    // The Settings page's own path.
    expect(await new MyWorkouts().saveSettings({ maxSpeedKmh: 10 })).to.equal(true);
    await seconds(15, belt);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(services.workouts.view.position?.stepIndex).to.equal(1);
    await waitUntil(() => services.workouts.view.beltTargetKmh !== 8, 'the second step set');
    expect(services.workouts.view.beltTargetKmh ?? 0).to.be.at.most(10);
  });
});

describe('workout service: laps with the recording paused', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => {
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  it('a step begun while the recording is paused still gets its own lap', async () => {
    const belt = await withTreadmill();
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), confirmedTreadmills: ['simulated-treadmill'] });
    await services.workouts.start(workout('a', 'Intervals', step('Easy', 60, 8), step('Hard', 60, 12)));
    await waitUntil(() => services.recording.state === 'recording', 'the recording started with the workout');
    await waitUntil(() => services.workouts.view.beltTargetKmh === 8, 'the first step set');
    await seconds(5, belt);
    services.recording.pause();
    await services.workouts.skip();
    expect(services.workouts.view.position?.stepIndex).to.equal(1);
    services.recording.resume();
    await seconds(5, belt);
    const meta = services.recording.recorder!.meta();
    expect(meta.workout?.steps.map((s) => s.name)).to.deep.equal(['Easy', 'Hard']);
    expect(meta.laps.length, 'a lap where "Hard" began').to.equal(1);
  });
});

describe('workout service: Stop the belt after the workout finished', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => {
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  it('"Stop the belt" pressed after a driven workout finished sends the stop to the treadmill', async () => {
    const belt = await withTreadmill();
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), confirmedTreadmills: ['simulated-treadmill'] });
    const control = belt.control as unknown as { stop: () => Promise<unknown> };
    const stop = control.stop.bind(control);
    let stops = 0;
    control.stop = () => {
      stops += 1;
      return stop();
    };
    await services.workouts.start(workout('a', 'Short', step('Easy', 5, 8)));
    await waitUntil(() => services.workouts.view.beltTargetKmh === 8, 'the step set');
    await seconds(8, belt);
    expect(services.workouts.view.phase).to.equal('finished');
    expect(services.workouts.view.mode).to.equal('belt');
    await services.workouts.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stops, 'stops sent to the treadmill').to.equal(1);
  });
});

describe('workout service: the treadmill paired again', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => {
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  it('follows the new treadmill: the workout stays paused until Resume, which drives the new one', async () => {
    const first = await withTreadmill();
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), confirmedTreadmills: ['simulated-treadmill'] });
    await services.workouts.start(workout('a', 'Easy', step('Easy', 60, 8)));
    await waitUntil(() => services.workouts.view.beltTargetKmh === 8, 'the step set');
    services.sensors.disconnect('treadmill');
    await services.sensors.simulate();
    const again = services.sensors.source('treadmill') as SimulatedTreadmill;
    expect(again).to.not.equal(first);
    await waitUntil(() => again.state === 'connected' && again.control.capabilities !== null, 'treadmill connected again');
    await seconds(3, again);
    expect(services.workouts.view.phase).to.equal('paused');
    const control = again.control as unknown as { setSpeed: (kmh: number) => Promise<unknown> };
    const setSpeed = control.setSpeed.bind(control);
    const speeds: number[] = [];
    control.setSpeed = (kmh) => {
      speeds.push(kmh);
      return setSpeed(kmh);
    };
    await services.workouts.resume();
    await seconds(3, again);
    await waitUntil(() => services.workouts.view.beltTargetKmh === 8 && speeds.length > 0, 'the step set on the new treadmill');
    expect(services.workouts.view.phase).to.equal('running');
    expect(speeds, 'speeds sent to the treadmill paired again').to.deep.equal([8]);
  });
});
