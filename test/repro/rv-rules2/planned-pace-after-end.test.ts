// The planned speed on the session page ends where the workout ended.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { plannedPace } from '../../../src/charts/planned-pace.js';
import { createServices, type AppServices } from '../../../src/services/services.js';
import { SimulatedFootpod } from '../../../src/sources/simulated-footpod.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import type { Workout, WorkoutStep } from '../../../src/workout/workout-types.js';
import { fakeCoachEngine } from '../../support/fake-coach-engine.js';

useSeparateDatabase('stride-test-rv-rules2-planned-pace');

const step = (name: string, seconds: number, speedKmh: number | null): WorkoutStep => ({
  kind: 'step', name, intensity: 'active', length: { kind: 'time', seconds }, speedKmh, inclinePercent: null, cadence: null,
});
const workout = (...items: WorkoutStep[]): Workout => ({ id: 'w1', name: 'Short', items, origin: 'mine', updatedAt: 0 });

let services: AppServices;
let pod: SimulatedFootpod;

async function seconds(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    pod.emitSeconds(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('rv-rules2: planned pace after the workout', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => services.footpod.disconnect());

  // Issue 19: "the session page draws planned speed against belt and footpod speed". The
  // WorkoutMark keeps only where each step began, and plannedPace draws the last step "to the run's
  // last sample". A runner who finishes a workout and keeps running (a cool-down of their own, or
  // the workout stopped early with Stop) sees the last step's planned pace drawn over minutes that
  // were never part of the workout, and reads their free running as off plan.
  it('draws the last step’s planned pace only until the workout ended, not to the end of the recording', async () => {
    services = createServices({ simulator: () => (pod = new SimulatedFootpod({ speedup: 1e-6 })) }, {}, async () => fakeCoachEngine());
    await services.settings.load();
    await services.footpod.simulate();
    pod.emitSeconds(2);
    await services.recording.start();
    await seconds(2);
    await services.workouts.start(workout(step('Easy', 5, 8), step('Hard', 5, 12)));
    await seconds(12);
    expect(services.workouts.view.position?.done, 'the workout is over').to.equal(true);
    expect(services.recording.state, 'the recording goes on after the workout').to.equal('recording');
    const workoutEndT = services.recording.recorder!.elapsedS;
    await seconds(30);
    const recorder = services.recording.recorder!;
    const meta = recorder.meta();
    const stretches = plannedPace(meta.workout!, recorder.samples, 'time', 'km');
    expect(stretches.length).to.be.greaterThan(0);
    expect(stretches.at(-1)!.to, `the run goes on to ${recorder.elapsedS} s`).to.be.at.most(workoutEndT);
  });
});
