// Issue 17: "The metronome starts ... otherwise at the runner's current cadence rounded".
// CoachService#currentCadence takes the pod's trailing 10 s mean (session.displayed(10)) as soon
// as the latest reading is running, and that mean includes the seconds before it: standing on the
// belt (cadence 0) or walking. A runner who presses Start, stands 7 s, runs 3 s at 170 steps/min
// and presses M gets (7 × 0 + 3 × 170) / 10 = 51, clamped to the metronome's lowest, 140.
// Expected: 170, the cadence the runner is running at (no plan, no own rate, so the cadence
// itself; the 5 % rule only caps a rate above it). A walk warm-up at 120 then 3 s at 170 gives
// (7 × 120 + 3 × 170) / 10 = 135 → 140 the same way.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { metronomeRate } from '../../src/coach/metronome-rate.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-repro-start-mixes-standing');

describe('repro: the metronome start a few seconds into running', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  for (const [before, cadence, speed] of [['standing', 0, 0], ['walking', 120, 1.4]] as const) {
    it(`is the running cadence, not a mean with the ${before} before it`, async () => {
      const pod = new ScriptedFootpod('Pod');
      const engine = { ...fakeCoachEngine(), metronomeRate };
      services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
      await services.settings.load();
      await services.footpod.simulate();
      await services.coach.engine();
      await services.recording.start();
      let t = 0;
      for (; t < 7; t++) pod.send(t, { cadence, speedMps: speed, isRunning: false });
      for (; t < 10; t++) pod.send(t, { cadence: 170, speedMps: 3, isRunning: true });
      expect(services.footpod.session!.latest!.running, 'the latest reading is running').to.equal(true);
      expect(services.coach.metronomeRateSpm, 'the button').to.equal(170);
      await services.coach.toggleMetronome();
      expect(engine.metronome.starts.at(-1)?.rateSpm, 'M starts at').to.equal(170);
    });
  }
});
