// Issue 17: "−/+ changes it in one press." The −/+ buttons sit beside the metronome on the live
// page whether or not a run is recorded, so a runner sets the rate before pressing Start (pod
// connected, warming up at 160 steps/min, no plan and no rate of their own: the button reads 160).
// Two presses of + make it 164. Pressing Start (recording) throws the choice away: CoachService's
// #startAfresh sets #rate = null for every new run while the metronome is off, nudged or not.
// Expected after Start: the button still reads 164, and M starts the clicks at 164 (the runner's
// own choice; the 5 % rule is for the start the app picks, and 164 is 2.5 % above 160 anyway).
// Actual: it jumps back to 160 and the metronome starts at 160.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { metronomeRate } from '../../src/coach/metronome-rate.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-repro-nudge-lost');

describe('repro: a rate chosen with −/+ before Start', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('is the rate the metronome plays in the run', async () => {
    const pod = new ScriptedFootpod('Pod');
    const engine = { ...fakeCoachEngine(), metronomeRate };
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
    await services.settings.load();
    await services.footpod.simulate();
    await services.coach.engine();
    let t = 0;
    for (; t < 15; t++) pod.send(t, { cadence: 160 });
    expect(services.coach.metronomeRateSpm, 'before any press: the cadence').to.equal(160);
    services.coach.nudgeMetronome(1);
    services.coach.nudgeMetronome(1);
    expect(services.coach.metronomeRateSpm, 'two presses of +').to.equal(164);

    await services.recording.start();
    for (; t < 20; t++) pod.send(t, { cadence: 160 });
    expect(services.coach.metronomeRateSpm, 'the button after Start').to.equal(164);
    await services.coach.toggleMetronome();
    expect(engine.metronome.starts.at(-1)?.rateSpm, 'the rate M starts').to.equal(164);
  });
});
