// CoachService documents: "Stopped and started again, it starts from the cadence then, unless the
// runner chose a rate" (toggleMetronome), and the button reads the rate it "would start at now".
// When the metronome is stopped by Stop and save (#stopWithTheRun) instead of by M, #rate is kept,
// so the button stays frozen on the rate of the run's start and M restarts at it.
// The run: no plan, no rate of their own; the metronome starts at the runner's 160; the runner's
// cadence rises to 170 while it plays on, un-nudged; Stop and save.
// Expected after the stop, pod still connected at 170: the button reads 170 (the cadence now,
// rounded, as after stopping it with M) and M starts at 170. Actual: 160.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { metronomeRate } from '../../src/coach/metronome-rate.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-repro-rate-frozen');

describe('repro: the metronome rate after Stop and save', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  for (const how of ['M (control)', 'Stop and save'] as const) {
    it(`follows the cadence again once the metronome is stopped by ${how}`, async () => {
      const pod = new ScriptedFootpod('Pod');
      const engine = { ...fakeCoachEngine(), metronomeRate };
      services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
      await services.settings.load();
      await services.footpod.simulate();
      await services.coach.engine();
      await services.recording.start();
      let t = 0;
      for (; t < 15; t++) pod.send(t, { cadence: 160 });
      await services.coach.toggleMetronome();
      expect(engine.metronome.starts.at(-1)?.rateSpm).to.equal(160);
      for (; t < 60; t++) pod.send(t, { cadence: 170 });
      if (how === 'M (control)') await services.coach.toggleMetronome();
      else {
        const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
        services.recording.stop();
        await saved;
      }
      for (; t < 75; t++) pod.send(t, { cadence: 170 });
      expect(services.coach.metronomeOn).to.equal(false);
      expect(services.coach.metronomeRateSpm, 'the button once stopped').to.equal(170);
      await services.coach.toggleMetronome();
      expect(engine.metronome.starts.at(-1)?.rateSpm, 'M starts at').to.equal(170);
    });
  }
});
