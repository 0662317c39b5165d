// rv-ui repro: the recording's WorkoutMark, which the session page draws as the planned pace.
// Issue 19: "Each step is a lap in the recording; the session page draws planned speed against
// belt and footpod speed."
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { plannedPace } from '../../../src/charts/planned-pace.js';
import { createServices, type AppServices } from '../../../src/services/services.js';
import { SimulatedFootpod } from '../../../src/sources/simulated-footpod.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import type { Workout, WorkoutStep } from '../../../src/workout/workout-types.js';
import { fakeCoachEngine } from '../../support/fake-coach-engine.js';

useSeparateDatabase('stride-test-rv-ui-workout-mark');

const step = (name: string, seconds: number, speedKmh: number | null): WorkoutStep => ({
  kind: 'step', name, intensity: 'active', length: { kind: 'time', seconds }, speedKmh, inclinePercent: null, cadence: null,
});
const workout = (...items: WorkoutStep[]): Workout => ({ id: 'w1', name: 'Test', items, origin: 'mine', updatedAt: 0 });

let services: AppServices;
let pod: SimulatedFootpod;

async function withServices(): Promise<void> {
  services = createServices(
    { simulator: () => (pod = new SimulatedFootpod({ speedup: 1e-6, pace: (s) => services.footpod.simulatedPace?.runner(s) ?? null })) },
    {},
    async () => fakeCoachEngine(),
  );
  await services.settings.load();
  await services.footpod.simulate();
  pod.emitSeconds(2);
}
async function seconds(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    pod.emitSeconds(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('rv-ui: the workout mark behind the planned pace', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => services.footpod.disconnect());

  // A runner starts the workout from the Workouts page, then presses Start on the treadmill screen
  // (or the recording auto-starts) a few seconds into the warm-up. workout-run-record.ts promises
  // "A workout started before the recording is marked from the step going on when the recording has
  // one", but the step going on is only marked when the NEXT step begins: the warm-up is missing
  // from the mark, so the session page draws no planned pace for it (and its lap split is lost).
  it('marks the step going on when the recording starts after the workout', async () => {
    await withServices();
    await services.workouts.start(workout(step('Warm up', 20, 8), step('Hard', 20, 11)));
    expect(services.workouts.view.phase).to.equal('running'); // by voice: no treadmill
    await seconds(5);
    await services.recording.start();
    await seconds(25);
    expect(services.workouts.view.position?.stepIndex).to.equal(1);
    const meta = services.recording.recorder!.meta();
    expect(meta.workout?.steps.map((s) => s.name)).to.deep.equal(['Warm up', 'Hard']);
    await services.workouts.stop();
  });

  // A runner stops the workout after 10 s (or it finishes) and keeps the recording going for a free
  // cool-down. The mark has no end, so plannedPace draws the last step's planned pace over the whole
  // rest of the run: the chart says the runner was meant to be at 11 km/h for minutes after the
  // workout had ended.
  it('draws no planned pace after the workout was stopped', async () => {
    await withServices();
    await services.recording.start();
    await seconds(2);
    await services.workouts.start(workout(step('Warm up', 5, 8), step('Hard', 60, 11)));
    await seconds(10);
    const stoppedAt = services.recording.recorder!.elapsedS;
    await services.workouts.stop();
    expect(services.workouts.view.phase).to.equal('finished');
    await seconds(40);
    const recorder = services.recording.recorder!;
    const stretches = plannedPace(recorder.meta().workout!, recorder.samples, 'time', 'km');
    expect(stretches.length).to.be.greaterThan(0);
    expect(stretches.at(-1)!.to, `run ends at ${recorder.elapsedS} s`).to.be.at.most(stoppedAt + 1.5);
  });

  // The runner records a free warm-up of 10 s, then starts the workout. "Each step is a lap in the
  // recording" (issue 19), but the first step never gets a lap (workout-run.ts passes lap=false for
  // the first step, "which begins the run's"): the run's first lap holds the free warm-up AND step
  // 1, so its lap split shows neither the step's time nor its pace.
  it('begins a lap at the workout’s first step when the recording started earlier', async () => {
    await withServices();
    await services.recording.start();
    await seconds(10);
    await services.workouts.start(workout(step('Steady', 20, 9), step('Hard', 20, 11)));
    const startedAt = services.recording.recorder!.elapsedS;
    await seconds(25);
    expect(services.workouts.view.position?.stepIndex).to.equal(1);
    const meta = services.recording.recorder!.meta();
    expect(meta.laps.length, `laps at ${JSON.stringify(meta.laps)}; the workout began at ${startedAt} s`).to.equal(2);
    await services.workouts.stop();
  });
});
