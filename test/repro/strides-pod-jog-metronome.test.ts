// A pod that counts strides (one foot) and does not fill the walking/running bit (it always sends
// "walking"), jogging at 2.3 m/s (7:15/km) at 82 strides/min = 164 steps/min. The unit rule reads
// the pod's raw bit ("walking") and at this speed takes 82 as a plausible walking step rate, so the
// unit is never decided and 82 is passed on as steps; the gait rule meanwhile calls the rows
// running (2.3 m/s ≥ 2.2). The running cadence is then 82 and the metronome starts at its floor of
// 140, 15 % below the runner's 164 (expected: 164, the cadence itself, no plan or rate of their own).
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { metronomeRate } from '../../src/coach/metronome-rate.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { type FakeCoachEngine, fakeCoachEngine } from '../support/fake-coach-engine.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-repro-strides-jog');

let services: AppServices;
let pod: ScriptedFootpod;
let engine: FakeCoachEngine;

describe('repro: strides pod without the walking bit, jogging at 2.3 m/s', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('reads the cadence in steps and starts the metronome at it', async () => {
    pod = new ScriptedFootpod('Strides pod');
    engine = { ...fakeCoachEngine(), metronomeRate };
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
    await services.settings.load();
    await services.footpod.simulate();
    await services.coach.engine();
    await services.recording.start();
    for (let t = 0; t < 120; t++) pod.send(t, { cadence: 82, speedMps: 2.3, isRunning: false });
    const latest = services.footpod.session!.latest!;
    expect(latest.running, 'the gait rule calls it running').to.equal(true);
    await services.coach.toggleMetronome();
    expect(engine.metronome.starts.at(-1)?.rateSpm, 'M starts at').to.equal(164);
    expect(latest.cadence, 'cadence in steps/min after two minutes (82 strides × 2)').to.equal(164);
  });
});
