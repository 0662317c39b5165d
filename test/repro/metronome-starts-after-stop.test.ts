// Issue 17: "The metronome and the coach stop with the run." A metronome press whose audio
// context is still being unlocked (AppAudio.unlock waits up to 1 s for a live context to resume)
// when the runner presses Stop and save starts clicking AFTER the stop: CoachService's
// #stopWithTheRun only calls metronome.stop() when metronome.running, and a start still waiting
// for the audio context is not running yet, so the metronome's own generation guard (bumped only
// by stop()) never fires. Expected: no click after Stop, metronomeOn false (the run is over and the
// runner's press came before the stop). Actual: it starts and schedules clicks after the stop.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import type { CoachEngine } from '../../src/services/coach-service.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { metronomeRate } from '../../src/coach/metronome-timing.js';
import { AppAudio, type AudioContextLike } from '../../src/outputs/app-audio.js';
import { WebAudioMetronome } from '../../src/outputs/web-audio-metronome.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { FakeTimeContext, ManualTimer } from '../outputs/audio-test-support.js';
import { RecordingOutput, RecordingWakeLock } from '../support/recording-outputs.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-repro-metronome-after-stop');

/** A live context that takes a moment to resume, as a real AudioContext's first resume() does. */
class SlowUnlock extends AppAudio {
  release: () => void = () => {};
  constructor(private readonly ctx: AudioContextLike) {
    super(() => ctx);
  }
  override unlock(): Promise<AudioContextLike> {
    return new Promise((resolve) => (this.release = () => resolve(this.ctx)));
  }
}

describe('repro: a metronome press still unlocking audio at Stop and save', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('does not start clicking after the run is stopped', async () => {
    const pod = new ScriptedFootpod('Pod');
    const context = new FakeTimeContext(new OfflineAudioContext(1, 4410, 44100));
    const timer = new ManualTimer();
    const audio = new SlowUnlock(context);
    const metronome = new WebAudioMetronome({ audio, timer, pageHidden: () => false });
    const engine: CoachEngine = {
      rules: new CoachRules(defaultCoachSettings, defaultCadenceZones, undefined, () => 0.5),
      output: new RecordingOutput(),
      metronome,
      wakeLock: new RecordingWakeLock(),
      metronomeRate,
    };
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
    await services.settings.load();
    await services.footpod.simulate();
    await services.coach.engine();
    await services.recording.start();
    let t = 0;
    for (; t < 20; t++) pod.send(t, { cadence: 168 });

    const pressed = services.coach.toggleMetronome(); // the runner presses M…
    await new Promise((r) => setTimeout(r, 0));
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop(); // …and then Stop and save, while the audio is still unlocking
    await saved;
    const stoppedAtS = context.currentTime;
    audio.release();
    await pressed;
    for (let tick = 0; tick < 80; tick++) {
      context.currentTime += 0.025;
      timer.fire();
    }
    expect(services.coach.metronomeOn, 'metronome on after Stop and save').to.equal(false);
    expect(metronome.scheduledBeats.filter((b) => b > stoppedAtS), 'clicks scheduled after Stop').to.deep.equal([]);
  });
});
