// A program test's belt once its one-step workout has run out: the test's run ending still stops it.
import { expect, waitUntil } from '@open-wc/testing';
import type { ActiveProgramRun } from '../../src/program/program-types.js';
import { ProgramBelt } from '../../src/services/program-belt.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { confirmedSimulatedTreadmill, connectSimulatedTreadmill } from '../support/simulated-belt-rig.js';

useSeparateDatabase('stride-test-program-belt-after-workout');

const baseline: ActiveProgramRun = { kind: 'test', test: 'baseline', n: null, block: 0, startedAtMs: 1, sessionIds: [], warmUpRunningS: 0, mainRunningS: 0, speedMps: 2.5 };

let services: AppServices;
let pod: SimulatedFootpod;

describe('ProgramBelt after the test workout ran out', () => {
  afterEach(() => {
    services.sensors.disconnect('treadmill');
    services.footpod.disconnect();
  });

  it('the test\'s run ending stops the belt it set, even once the one-step workout has run out', async () => {
    await confirmedSimulatedTreadmill();
    services = createServices({ simulator: () => (pod = new SimulatedFootpod({ speedup: 1e-6 })) }, {}, async () => fakeCoachEngine());
    await services.settings.load();
    await services.footpod.simulate();
    const belt = await connectSimulatedTreadmill(services);
    pod.emitSeconds(2);
    const control = belt.control as unknown as { stop: () => Promise<unknown> };
    const stop = control.stop.bind(control);
    let stops = 0;
    control.stop = () => {
      stops += 1;
      return stop();
    };
    const programBelt = new ProgramBelt(services.workouts, services.sensors);
    programBelt.begin(baseline, 2.5);
    await waitUntil(() => services.workouts.view.beltTargetKmh === 9, 'the test speed set');
    for (let i = 0; i < 1210; i += 10) {
      belt.emitSeconds(10);
      pod.emitSeconds(10);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(services.workouts.view.phase).to.equal('finished');
    programBelt.end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stops, 'a stop sent when the test run ended').to.equal(1);
  });
});
