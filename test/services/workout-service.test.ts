// The workout service with the simulated footpod and treadmill: the belt is driven only after the
// first-time confirmation, follows the steps, each step is a lap with its WorkoutMark, the
// simulated runner follows the belt, cadence steps play the metronome, and without a treadmill the
// same workout runs by voice.

import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import type { SimulatedTreadmill } from '../../src/sources/simulated-treadmill.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { changeWorkoutSettings, loadWorkoutSettings, saveWorkoutSettings } from '../../src/store/workout-store.js';
import { defaultWorkoutSettings } from '../../src/store/workout-settings.js';
import { WorkoutService } from '../../src/services/workout-service.js';
import type { Workout, WorkoutStep } from '../../src/workout/workout-types.js';
import { type FakeCoachEngine, fakeCoachEngine } from '../support/fake-coach-engine.js';
import { connectSimulatedTreadmill } from '../support/simulated-belt-rig.js';

useSeparateDatabase('stride-test-workout-service');

const step = (name: string, seconds: number, speedKmh: number | null, cadence: number | null = null): WorkoutStep => ({
  kind: 'step',
  name,
  intensity: 'active',
  length: { kind: 'time', seconds },
  speedKmh,
  inclinePercent: null,
  cadence,
});
const workout = (...items: WorkoutStep[]): Workout => ({ id: 'w1', name: 'Test intervals', items, origin: 'mine', updatedAt: 0 });

let services: AppServices;
let engine: FakeCoachEngine;
let pod: SimulatedFootpod;

async function withServices(treadmill: boolean): Promise<SimulatedTreadmill | null> {
  engine = fakeCoachEngine();
  services = createServices(
    { simulator: () => (pod = new SimulatedFootpod({ speedup: 1e-6, pace: (s) => services.footpod.simulatedPace?.runner(s) ?? null })) },
    {},
    async () => engine,
  );
  await services.settings.load();
  await services.footpod.simulate();
  pod.emitSeconds(2);
  if (!treadmill) return null;
  const belt = await connectSimulatedTreadmill(services);
  return belt;
}

/** `n` seconds of the treadmill and the pod in step, each letting the control's answers through. */
async function seconds(n: number, belt: SimulatedTreadmill | null): Promise<void> {
  for (let i = 0; i < n; i++) {
    belt?.emitSeconds(1);
    pod.emitSeconds(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
const beltKmh = () => (services.footpod.session!.latestChannels.treadmillSpeedMps ?? 0) * 3.6;

describe('WorkoutService', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => {
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  it('asks the first time, then drives the simulated belt step by step, a lap and a mark per step, the runner following', async () => {
    const belt = (await withServices(true))!;
    await services.recording.start();
    await services.workouts.start(workout(step('Easy', 12, 8), step('Hard', 12, 11)));
    expect(services.workouts.view.phase).to.equal('confirm');
    await seconds(3, belt);
    expect(belt.control.hasControl, 'nothing sent before the confirmation').to.equal(false);

    await services.workouts.confirm();
    expect((await loadWorkoutSettings()).settings.confirmedTreadmills).to.deep.equal(['simulated-treadmill']);
    await waitUntil(() => services.workouts.view.beltTargetKmh === 8, 'the first step set');
    expect(services.workouts.view).to.include({ phase: 'running', mode: 'belt' });
    await seconds(8, belt);
    expect(beltKmh()).to.be.closeTo(8, 0.05);
    expect(services.footpod.session!.latest!.speedMps * 3.6, 'the simulated runner follows the belt').to.be.within(6.5, 9.5);

    await seconds(8, belt);
    expect(services.workouts.view.position?.stepIndex).to.equal(1);
    expect(services.workouts.view.beltTargetKmh).to.equal(11);
    await seconds(4, belt);
    expect(beltKmh()).to.be.closeTo(11, 0.05);
    const meta = services.recording.recorder!.meta();
    // The recording went on for 3 s before the confirmation: the first step is a lap of its own too.
    expect(meta.laps.length, 'a lap at each step').to.equal(2);
    expect(meta.workout?.steps.map((s) => [s.name, s.speedKmh])).to.deep.equal([['Easy', 8], ['Hard', 11]]);
    expect(meta.workout!.steps[1]!.fromT).to.be.greaterThan(meta.workout!.steps[0]!.fromT);

    // The simulated belt moves 1 km/h a second: 8 to 11 km/h reaches 95 % in about 3 s.
    expect(services.workouts.view.lagS).to.be.within(2, 4.5);
    await services.workouts.stop();
    expect(services.workouts.view.phase).to.equal('finished');
    expect((await loadWorkoutSettings()).settings.lagS['simulated-treadmill'], 'the lag kept for next time').to.equal(services.workouts.view.lagS);
    await seconds(12, belt);
    expect(beltKmh(), 'Stop stopped the belt').to.equal(0);
    expect(services.footpod.simulatedPace, 'the runner is let go').to.equal(null);
  });

  it('stores the confirmation and the learned lag without putting back settings the runner changed during the workout', async () => {
    const belt = (await withServices(true))!;
    await services.workouts.start(workout(step('Easy', 6, 8), step('Hard', 12, 11)));
    expect(await changeWorkoutSettings({ maxSpeedKmh: 14 }), 'lowered in Settings before confirming').to.equal(null);
    await services.workouts.confirm();
    await waitUntil(() => services.workouts.view.beltTargetKmh === 8, 'the first step set');
    expect(await changeWorkoutSettings({ maxInclinePercent: 4 }), 'lowered in Settings during the workout').to.equal(null);
    await seconds(14, belt);
    expect(services.workouts.view.lagS, 'a lag learned').to.not.equal(null);
    await services.workouts.stop();
    await waitUntil(async () => (await loadWorkoutSettings()).settings.lagS['simulated-treadmill'] !== undefined, 'the lag stored');
    const stored = (await loadWorkoutSettings()).settings;
    expect(stored).to.deep.include({ maxSpeedKmh: 14, maxInclinePercent: 4, confirmedTreadmills: ['simulated-treadmill'] });
    expect(stored.lagS['simulated-treadmill']).to.equal(services.workouts.view.lagS);
  });

  it('names the treadmill’s maximum when the runner set none, and theirs when they did', async () => {
    await withServices(true);
    await services.workouts.start(workout(step('Sprint', 30, 24)));
    await services.workouts.confirm();
    await waitUntil(() => services.workouts.view.beltTargetKmh === 20, 'the step set to the maximum');
    expect(services.workouts.view.message).to.equal("The step asks 24.0 km/h; the belt is set to the treadmill's maximum of 20.0 km/h.");
    await services.workouts.stop();
    expect(await changeWorkoutSettings({ maxSpeedKmh: 14 })).to.equal(null);
    await services.workouts.start(workout(step('Sprint', 30, 24)));
    await waitUntil(() => services.workouts.view.beltTargetKmh === 14, 'the step set to the runner’s maximum');
    expect(services.workouts.view.message).to.equal('The step asks 24.0 km/h; the belt is set to your maximum of 14.0 km/h.');
    await services.workouts.stop();
  });

  it('needs no confirmation on a treadmill confirmed before', async () => {
    const belt = (await withServices(true))!;
    await services.workouts.start(workout(step('Easy', 30, 8)));
    await services.workouts.confirm();
    await services.workouts.stop();
    await services.workouts.start(workout(step('Easy', 30, 9)));
    expect(services.workouts.view.phase).to.be.oneOf(['starting', 'running']);
    await waitUntil(() => services.workouts.view.beltTargetKmh === 9 && belt.control.hasControl, 'driven at once');
  });

  it('plays the metronome at a cadence step’s target and stops it in a step without one', async () => {
    const belt = (await withServices(true))!;
    await services.recording.start();
    await services.workouts.start(workout(step('Quick', 5, 9, 172), step('Free', 20, 9)));
    await services.workouts.confirm();
    await seconds(2, belt);
    expect(engine.metronome.running).to.equal(true);
    expect(engine.metronome.starts.at(-1)?.rateSpm).to.equal(172);
    await seconds(6, belt);
    expect(engine.metronome.running).to.equal(false);
  });

  it('runs by voice without a treadmill: says what to set ahead, with a sound, and sends nothing', async () => {
    await withServices(false);
    await services.workouts.start(workout(step('Easy', 10, 8), step('Hard', 10, 12)));
    expect(services.workouts.view).to.include({ phase: 'running', mode: 'voice' });
    expect(services.workouts.view.modeReason).to.contain('No treadmill');
    await seconds(8, null);
    expect(engine.announced.filter((a) => a.sound).map((a) => a.sentence)).to.deep.equal(['Set 8.0 km/h now', 'Set 12.0 km/h now']);
  });

  it('refuses a workout with problems, in words', async () => {
    await withServices(false);
    await services.workouts.start(workout(step('Nothing', 0, 8)));
    expect(services.workouts.view.phase).to.equal('idle');
    expect(services.workouts.view.message).to.match(/cannot run/);
  });
});

describe('WorkoutService: a workout and its run', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    await services.workouts.stop();
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  it('starts the recording with the workout when none is going, the workout’s steps its laps', async () => {
    await withServices(false);
    expect(services.recording.state).to.equal('idle');
    await services.workouts.start(workout(step('Easy', 5, 8), step('Hard', 10, 12)));
    await waitUntil(() => services.recording.state === 'recording', 'the recording started with the workout');
    await seconds(8, null);
    const meta = services.recording.recorder!.meta();
    expect(meta.workout?.steps.map((s) => s.name)).to.deep.equal(['Easy', 'Hard']);
    expect(meta.laps.length, 'one lap, at the second step').to.equal(1);
  });

  it('says the workout is not recorded when no footpod is connected', async () => {
    await withServices(false);
    services.footpod.disconnect();
    await services.workouts.start(workout(step('Easy', 5, 8)));
    expect(services.workouts.view.phase).to.equal('running');
    expect(services.recording.state).to.equal('idle');
    expect(services.workouts.view.message).to.contain('No footpod is connected: this workout is not recorded.');
  });

  it('a Stop pressed while the workout loads is not lost: the workout never starts', async () => {
    const belt = (await withServices(true))!;
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), confirmedTreadmills: ['simulated-treadmill'] });
    const started = services.workouts.start(workout(step('Easy', 30, 8)));
    await services.workouts.stop();
    await started;
    await seconds(3, belt);
    expect(services.workouts.view.phase).to.equal('idle');
    expect(belt.control.hasControl, 'no control asked for').to.equal(false);
    // Loaded now: a Stop while the settings are read is kept too.
    const again = services.workouts.start(workout(step('Easy', 30, 8)));
    await services.workouts.stop();
    await again;
    await seconds(3, belt);
    expect(services.workouts.view.phase).to.equal('idle');
    expect(belt.control.hasControl, 'no control asked for').to.equal(false);
  });

  it('by voice, says a step above the runner’s maximum at the maximum and names the cap', async () => {
    await withServices(false);
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), maxSpeedKmh: 16 });
    await services.workouts.start(workout(step('Fast', 10, 22)));
    await seconds(3, null);
    const said = engine.announced.map((a) => a.sentence);
    expect(said.some((s) => s.includes('22.0 km/h now')), 'never told to set above the maximum').to.equal(false);
    expect(said).to.include('Set 16.0 km/h now: your maximum; the step asks 22.0 km/h');
  });

  it('waits for a footpod that goes: the steps stand still and it is said once that the belt keeps its speed', async () => {
    const belt = (await withServices(true))!;
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), confirmedTreadmills: ['simulated-treadmill'] });
    await services.workouts.start(workout(step('Easy', 20, 8), step('Hard', 20, 11)));
    await waitUntil(() => services.workouts.view.phase === 'running' && services.workouts.view.beltTargetKmh === 8, 'driven');
    await seconds(5, belt);
    const at = services.workouts.view.position!.stepElapsedS;
    services.footpod.disconnect();
    await waitUntil(() => (services.workouts.view.message ?? '').includes('waits for it'), 'said');
    for (let i = 0; i < 20; i++) belt.emitSeconds(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(services.workouts.view.position!.stepElapsedS).to.equal(at);
    expect(services.workouts.view.phase).to.equal('running');
    const waits = engine.announced.filter((a) => a.sentence.includes('waits for it'));
    expect(waits.map((a) => a.sentence)).to.deep.equal(['The footpod is silent: the workout waits for it, and the belt keeps its speed.']);
  });

  it('waits for a footpod connected but silent', async () => {
    await withServices(false);
    const { footpod, sensors, recording, coach, settings } = services;
    const workouts = new WorkoutService({ footpod, sensors, recording, coach, settings, podSilentAfterMs: 300 });
    await workouts.start(workout(step('Easy', 20, 8)));
    await seconds(2, null);
    await waitUntil(() => (workouts.view.message ?? '').includes('waits for it'), 'said after the pod went quiet', { timeout: 3000 });
    await seconds(1, null);
    expect(workouts.view.message).to.contain('goes on');
    await workouts.stop();
  });
});
