// A program test sets its fixed belt speed through the workout runner when the treadmill can be
// driven (a one-step workout at the speed it is judged at), ends it with the run, and leaves a
// treadmill that cannot be driven alone: no voice in a cue-free test.
import { expect, waitUntil } from '@open-wc/testing';
import type { ActiveProgramRun } from '../../src/program/program-types.js';
import { ProgramBelt } from '../../src/services/program-belt.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import type { SimulatedTreadmill } from '../../src/sources/simulated-treadmill.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { confirmedSimulatedTreadmill, connectSimulatedTreadmill } from '../support/simulated-belt-rig.js';

useSeparateDatabase('stride-test-program-belt');

const baseline: ActiveProgramRun = { kind: 'test', test: 'baseline', n: null, block: 0, startedAtMs: 1, sessionIds: [], warmUpRunningS: 0, mainRunningS: 0, speedMps: 2.5 };
const session: ActiveProgramRun = { ...baseline, kind: 'session', test: null, n: 1, block: 1 };

let services: AppServices;

async function withServices(treadmill: boolean): Promise<SimulatedTreadmill | null> {
  await confirmedSimulatedTreadmill();
  services = createServices({ simulator: () => new SimulatedFootpod({ speedup: 1e-6 }) }, {}, async () => fakeCoachEngine());
  await services.settings.load();
  await services.footpod.simulate();
  if (!treadmill) return null;
  const belt = await connectSimulatedTreadmill(services);
  return belt;
}

describe('ProgramBelt', () => {
  afterEach(() => {
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  it('sets a test’s speed on a treadmill that can be driven, and stops it with the run', async () => {
    const belt = (await withServices(true))!;
    const programBelt = new ProgramBelt(services.workouts, services.sensors);
    programBelt.begin(session, 2.5);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(services.workouts.view.phase, 'a session drives nothing').to.equal('idle');
    programBelt.begin(baseline, 2.5);
    await waitUntil(() => services.workouts.view.beltTargetKmh === 9, 'the test speed set');
    expect(services.workouts.view.workout?.name).to.equal('Baseline test');
    expect(belt.control.hasControl).to.equal(true);
    programBelt.end();
    expect(services.workouts.view.phase).to.equal('finished');
    await waitUntil(() => belt.control.pending === null, 'the stop answered');
    expect(services.workouts.view.message).to.contain('stop');
  });

  it('leaves the belt alone without a treadmill that can be driven', async () => {
    await withServices(false);
    new ProgramBelt(services.workouts, services.sensors).begin(baseline, 2.5);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(services.workouts.view.phase).to.equal('idle');
  });
});
