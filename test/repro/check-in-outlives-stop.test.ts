// Issue 17: "The metronome and the coach stop with the run." CoachService#stopWithTheRun hushes
// the outputs and stops the metronome, but a technique check-in raised during the run stays in
// coach.checkIn, so the live page keeps showing it (stride-check-in) after Stop and save, beside
// the finish card, until the runner dismisses it or the next run starts.
// Expected after Stop and save: coach.checkIn === null. Actual: the run's check-in prompt.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine, quickStepsPrompt } from '../support/fake-coach-engine.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-repro-check-in-after-stop');

describe('repro: a check-in on screen at Stop and save', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('goes with the run', async () => {
    const pod = new ScriptedFootpod('Pod');
    const engine = fakeCoachEngine();
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
    await services.settings.load();
    await services.footpod.simulate();
    await services.coach.engine();
    await services.recording.start();
    let t = 0;
    for (; t < 30; t++) pod.send(t, { cadence: 170 });
    engine.raiseCheckIn(quickStepsPrompt);
    pod.send(t++, { cadence: 170 });
    expect(services.coach.checkIn?.id, 'the check-in during the run').to.equal('quick-steps');
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    expect(services.coach.checkIn, 'the check-in after Stop and save').to.equal(null);
  });
});
