// The coach stops with the run: after Stop and save the metronome hands the audio thread no more
// clicks and the rules say nothing more, even with the pod still connected and sending. The
// metronome is the real scheduler on an offline audio context whose clock and timer the test moves
// (the seam test/outputs/web-audio-metronome.test.ts uses), so "no click after stop" is counted in
// the clicks actually scheduled, not in a recorder of calls.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import type { CoachEngine } from '../../src/services/coach-service.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { metronomeRate } from '../../src/coach/metronome-timing.js';
import { AppAudio, type AudioContextLike } from '../../src/outputs/app-audio.js';
import type { Metronome } from '../../src/outputs/outputs.js';
import { WebAudioMetronome } from '../../src/outputs/web-audio-metronome.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { FakeTimeContext, ManualTimer } from '../outputs/audio-test-support.js';
import { fakeCoachEngine, quickStepsPrompt } from '../support/fake-coach-engine.js';
import { RecordingOutput, RecordingWakeLock } from '../support/recording-outputs.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-coach-service-stop');

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

/** The real rules (their random pick fixed) around `metronome`; the output and wake lock write down what they are asked. */
const coachWith = (metronome: Metronome, output = new RecordingOutput()): CoachEngine => ({
  rules: new CoachRules(defaultCoachSettings, defaultCadenceZones, undefined, () => 0.5),
  output,
  metronome,
  wakeLock: new RecordingWakeLock(),
  metronomeRate,
});

/** Services with `engine` loaded, recording from the scripted `pod`: a run under way. */
async function recordingFrom(pod: ScriptedFootpod, engine: CoachEngine): Promise<AppServices> {
  const services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
  await services.settings.load();
  await services.footpod.simulate();
  await services.coach.engine();
  await services.recording.start();
  return services;
}

const stopAndSave = async (services: AppServices): Promise<void> => {
  const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
  services.recording.stop();
  await saved;
};

describe('CoachService at Stop and save', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('schedules no metronome click and plays no cue after the run is stopped', async () => {
    const pod = new ScriptedFootpod('Pod');
    const output = new RecordingOutput();
    const context = new FakeTimeContext(new OfflineAudioContext(1, 4410, 44100));
    const timer = new ManualTimer();
    const metronome = new WebAudioMetronome({ audio: new AppAudio(() => context), timer, pageHidden: () => false });
    services = await recordingFrom(pod, coachWith(metronome, output));
    await services.coach.toggleMetronome();
    /** A second of the run: one reading, and the scheduler's timer every 25 ms on the audio clock. */
    let t = 0;
    const runSeconds = (seconds: number, cadence: number) => {
      for (let s = 0; s < seconds; s++, t++) {
        pod.send(t, { cadence });
        for (let tick = 0; tick < 40; tick++) {
          context.currentTime += 0.025;
          timer.fire();
        }
      }
    };
    runSeconds(75, 150); // past the warm-up: a low cue at 60 s
    expect(metronome.scheduledBeats.length, 'clicking during the run').to.be.above(60);
    expect(output.played.some((e) => e.kind === 'cue'), 'cued low during the run').to.equal(true);

    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    const stoppedAtS = context.currentTime;
    const played = output.played.length;
    const hushed = output.hushed;
    services.recording.stop();
    await saved;
    runSeconds(90, 150);

    const afterStop = metronome.scheduledBeats.filter((beat) => beat > stoppedAtS);
    expect(afterStop, 'clicks scheduled after Stop').to.deep.equal([]);
    expect(services.coach.metronomeOn).to.equal(false);
    expect(output.played.slice(played), 'cues after Stop').to.deep.equal([]);
    expect(output.hushed, 'whatever was being said is cut short').to.be.above(hushed);
  });

  it('stays off when M was pressed while the audio was still unlocking and Stop and save came before it unlocked', async () => {
    const pod = new ScriptedFootpod('Pod');
    const context = new FakeTimeContext(new OfflineAudioContext(1, 4410, 44100));
    const timer = new ManualTimer();
    const audio = new SlowUnlock(context);
    const metronome = new WebAudioMetronome({ audio, timer, pageHidden: () => false });
    services = await recordingFrom(pod, coachWith(metronome));
    for (let t = 0; t < 20; t++) pod.send(t, { cadence: 168 });

    const pressed = services.coach.toggleMetronome(); // the runner presses M…
    await new Promise((r) => setTimeout(r, 0));
    await stopAndSave(services); // …and then Stop and save, while the audio is still unlocking
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

  it('takes the run’s check-in off the screen', async () => {
    const pod = new ScriptedFootpod('Pod');
    const engine = fakeCoachEngine();
    services = await recordingFrom(pod, engine);
    let t = 0;
    for (; t < 30; t++) pod.send(t, { cadence: 170 });
    engine.raiseCheckIn(quickStepsPrompt);
    pod.send(t++, { cadence: 170 });
    expect(services.coach.checkIn?.id, 'the check-in during the run').to.equal('quick-steps');
    await stopAndSave(services);
    expect(services.coach.checkIn, 'the check-in after Stop and save').to.equal(null);
    // The pod goes on sending: nothing brings it back.
    for (const end = t + 5; t < end; t++) pod.send(t, { cadence: 170 });
    expect(services.coach.checkIn).to.equal(null);
  });
});
