// The recording's laps and WorkoutMark of a workout, through the
// workout service with the simulated footpod (voice mode: no treadmill, nothing is sent).
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { plannedPace } from '../../src/charts/planned-pace.js';
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

  // Issue 19: "the session page draws planned speed against belt and footpod speed". A runner who
  // finishes a workout and keeps running (a cool-down of their own) must not see the last step's
  // planned pace drawn over minutes that were never part of the workout.
  it('ends the mark where the workout ended, and the planned pace with it, while the recording goes on', async () => {
    await withServices();
    await services.recording.start();
    await seconds(2);
    await services.workouts.start(workout(step('Easy', 5, 8), step('Hard', 5, 12)));
    await seconds(12);
    expect(services.workouts.view.phase, 'the workout is over').to.equal('finished');
    expect(services.recording.state, 'the recording goes on after the workout').to.equal('recording');
    const workoutEndT = services.recording.recorder!.elapsedS;
    await seconds(30);
    const recorder = services.recording.recorder!;
    const meta = recorder.meta();
    expect(meta.workout!.toT).to.be.within(workoutEndT - 2, workoutEndT);
    const stretches = plannedPace(meta.workout!, recorder.samples, 'time', 'km');
    expect(stretches.length).to.be.greaterThan(0);
    expect(stretches.at(-1)!.to, `the run goes on to ${recorder.elapsedS} s`).to.be.at.most(workoutEndT);
  });

  it('ends the mark where the workout was stopped', async () => {
    await withServices();
    await services.workouts.start(workout(step('Easy', 60, 8)));
    await seconds(5);
    await services.workouts.stop();
    const stoppedT = services.recording.recorder!.elapsedS;
    await seconds(10);
    expect(services.recording.recorder!.meta().workout!.toT).to.equal(stoppedT);
  });

  it('ends the mark where its recording stopped during the workout', async () => {
    await withServices();
    await services.workouts.start(workout(step('Easy', 60, 8)));
    await seconds(5);
    const recorder = services.recording.recorder!;
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    expect(recorder.meta().workout!.toT).to.equal(recorder.elapsedS);
    await services.workouts.stop();
  });

  // The workout's own pause (not the recording's): the runner stands, the plan waits; drawing the
  // step's pace over the pause reads the standing as off plan.
  it('keeps the workout’s pauses in the mark, and draws no planned pace over them', async () => {
    await withServices();
    await services.workouts.start(workout(step('Easy', 20, 8)));
    await seconds(4);
    await services.workouts.pause();
    const pausedT = services.recording.recorder!.elapsedS;
    await seconds(6);
    await services.workouts.resume();
    const resumedT = services.recording.recorder!.elapsedS;
    await seconds(4);
    const recorder = services.recording.recorder!;
    const mark = recorder.meta().workout!;
    expect(mark.pauses).to.deep.equal([{ fromT: pausedT, toT: resumedT }]);
    const stretches = plannedPace(mark, recorder.samples, 'time', 'km');
    for (const s of stretches) expect(s.to <= pausedT || s.from >= resumedT, `${s.from}-${s.to}`).to.equal(true);
    expect(stretches.length).to.equal(2);
    await services.workouts.stop();
  });
});
