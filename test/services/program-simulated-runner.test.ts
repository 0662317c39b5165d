/// <reference types="mocha" />
// The simulated footpod's runner ("Try without a footpod") when a program run ends while the
// recording goes on: Cancel leaves the recording as an ordinary run, and the runner goes back to
// the simulator's 60-minute plan gradually, as a runner on a belt would (run-profile.ts PaceBlend).
import { expect, waitUntil } from '@open-wc/testing';
import { createServices, type AppServices } from '../../src/services/services.js';
import type { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { finishProgramRun } from '../support/finish-program-run.js';

useSeparateDatabase('stride-test-program-simulated-runner');

describe('the simulated runner when a program run is cancelled mid-recording', () => {
  let services: AppServices | null = null;
  afterEach(async () => {
    if (services) await finishProgramRun(services);
    services = null;
  });

  it('after Cancel the recording goes on without a one-second leap in speed or cadence', async function () {
    this.timeout(30_000);
    services = createServices({}, { flushIntervalMs: 200 }, null);
    await services.settings.load();
    await services.footpod.simulate();
    const pod = services.footpod.source as SimulatedFootpod;
    // 23½ minutes into the plan: its fast reps (~4 m/s, ~180 steps/min) are next.
    pod.emitSeconds(1410);
    const { program, recording } = services;
    await program.begin();
    await program.setTestSpeed(10 / 3.6);
    await program.startNext();
    await recording.start();
    await waitUntil(() => recording.state === 'recording');
    pod.emitSeconds(400);
    await waitUntil(() => program.moment?.phase === 'main', 'in the test', { timeout: 5000 });
    const before = services.footpod.session!.latest!;
    await program.cancelRun();
    expect(recording.state, 'the recording goes on').to.equal('recording');
    pod.emitSeconds(1);
    const after = services.footpod.session!.latest!;
    expect(Math.abs(after.speedMps - before.speedMps), `speed ${before.speedMps.toFixed(2)} → ${after.speedMps.toFixed(2)} m/s`).to.be.below(0.2);
    expect(Math.abs(after.cadence - before.cadence), `cadence ${before.cadence} → ${after.cadence}`).to.be.below(5);
  });
});
