// The recording's laps and WorkoutMark of a workout, through the
// workout service with the simulated footpod (voice mode: no treadmill, nothing is sent).
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { WorkoutRecord } from '../../src/services/workout-run-record.js';
import { planSteps } from '../../src/workout/workout-plan.js';
import type { Workout, WorkoutStep } from '../../src/workout/workout-types.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';

useSeparateDatabase('stride-test-workout-run-record');

const step = (name: string, seconds: number, speedKmh: number | null): WorkoutStep => ({
  kind: 'step',
  name,
  intensity: 'active',
  length: { kind: 'time', seconds },
  speedKmh,
  inclinePercent: null,
  cadence: null,
});
const workout = (...items: WorkoutStep[]): Workout => ({ id: 'w1', name: 'Test intervals', items, origin: 'mine', updatedAt: 0 });

let services: AppServices;
let pod: SimulatedFootpod;

async function withServices(): Promise<void> {
  services = createServices({ simulator: () => (pod = new SimulatedFootpod({ speedup: 1e-6 })) }, {}, async () => fakeCoachEngine());
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

describe('WorkoutRecord: a workout in the recording', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => services.footpod.disconnect());

  // Issue 19: "Each step is a lap in the recording". A runner who was already recording (auto-start
  // picked up their first strides) and then starts the workout gets no lap at the workout's first
  // step: that step's lap holds the running before the workout too, so its pace and time are wrong.
  it('makes the first step its own lap when the recording was already going', async () => {
    await withServices();
    await services.recording.start();
    await seconds(10);
    await services.workouts.start(workout(step('Easy', 10, 8), step('Hard', 10, 12)));
    await seconds(3);
    const meta = services.recording.recorder!.meta();
    expect(meta.laps.length, 'a lap where the workout’s first step began').to.equal(1);
  });

  // A workout started before the recording is marked from the step going on when the recording
  // starts: without it the new recording's WorkoutMark misses the step, and the session page
  // cannot draw its planned speed. (The workout starts a recording itself when it can, and the
  // recording's Stop ends the workout, so the record is driven here as the run drives it.)
  it('marks the step going on when the recording starts during a workout', async () => {
    await withServices();
    const planned = planSteps(workout(step('Easy', 15, 8), step('Hard', 15, 12)));
    const record = new WorkoutRecord(services.recording, workout(step('Easy', 15, 8), step('Hard', 15, 12)));
    record.stepBegan(planned[0]!);
    await seconds(3);
    await services.recording.start();
    const id = services.recording.recorder!.id;
    await seconds(3);
    record.stepBegan(planned[1]!);
    await seconds(2);
    record.close();
    const meta = services.recording.recorder!.meta();
    expect(meta.id).to.equal(id);
    expect(meta.workout?.steps.map((s) => [s.name, s.fromT])).to.deep.equal([['Easy', 0], ['Hard', meta.workout!.steps[1]!.fromT]]);
    expect(meta.workout!.steps[1]!.fromT).to.be.greaterThan(0);
  });
});
