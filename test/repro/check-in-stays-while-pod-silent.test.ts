// A check-in goes by itself after the chosen seconds, so nobody has to tap mid-stride. It is
// timed only by the pod's readings: when the pod goes quiet just after it comes (the runner
// stopped at a crossing and paused, and a pod that only notifies while it moves sends nothing),
// it stays on screen however long the silence lasts. Here 6 s is chosen and 8 s of real time
// pass with it still up (expected: gone after 6 s).
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { type AppServices, createServices } from '../../src/services/services.js';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { metronomeRate } from '../../src/coach/metronome-timing.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { finishRun } from '../support/finish-run.js';
import { RecordingMetronome, RecordingOutput, RecordingWakeLock } from '../support/recording-outputs.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-repro-check-in-silent');

let services: AppServices;

describe('repro: a check-in while the pod is silent', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('fades after the chosen 6 s even when no reading comes', async function () {
    this.timeout(20000);
    const pod = new ScriptedFootpod('Pod');
    const engine = {
      rules: new CoachRules(defaultCoachSettings, defaultCadenceZones, undefined, () => 0.5),
      output: new RecordingOutput(),
      metronome: new RecordingMetronome(),
      wakeLock: new RecordingWakeLock(),
      metronomeRate,
    };
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
    await services.settings.load();
    await services.footpod.simulate();
    await services.coach.engine();
    const { coach } = services.settings.settings;
    await services.settings.update({ coach: { ...coach, checkIns: { ...coach.checkIns, fadeAfterS: 6 } } });
    await services.recording.start();
    for (let t = 0; t <= 300; t++) pod.send(t, { cadence: 172 });
    expect(services.coach.checkIn, 'the check-in at 5:00').to.not.equal(null);
    services.recording.pause();
    // The pod sends nothing for 8 s of real time.
    await new Promise((r) => setTimeout(r, 8000));
    expect(services.coach.checkIn, 'after 8 s with 6 s chosen').to.equal(null);
  });
});
