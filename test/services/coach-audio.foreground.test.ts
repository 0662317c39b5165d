// The coach's one audio context runs only while a sound may come (issue 20: nothing runs while
// nothing changes). Needs the tab in front: a real click (CDP) lets the AudioContext run.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import type { AppAudio } from '../../src/outputs/app-audio.js';
import type { WebAudioMetronome } from '../../src/outputs/web-audio-metronome.js';
import { createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { listenTo, userGesture, wait } from '../outputs/audio-test-support.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-coach-audio');

describe('The coach’s audio between runs', () => {
  it('rests once the run is stopped, the metronome off and the pod let go, and is running again before the next run’s first cue', async () => {
    await clear(kvStore());
    let pod = new ScriptedFootpod('Pod');
    const services = createServices({ simulator: () => (pod = new ScriptedFootpod('Pod')) }, { flushIntervalMs: 200 });
    await userGesture();
    await services.footpod.simulate();
    const engine = (await services.coach.engine())!;
    const audio: AppAudio = (engine.metronome as WebAudioMetronome).audio;
    const context = (await audio.unlock()) as AudioContext;
    const heard = listenTo(context);
    try {
      await services.recording.start();
      await services.coach.toggleMetronome();
      for (let t = 0; t <= 3; t++) pod.send(t, { cadence: 170 });
      await wait(500);
      await services.coach.toggleMetronome();
      await finishRun(services);
      // Every click and cue is over; nothing is left to play.
      await waitUntil(() => context.state === 'suspended', `at rest after the run (${context.state})`, { timeout: 2000 });
      const clock = context.currentTime;
      await wait(1000);
      expect(context.currentTime - clock, 'renders nothing while it rests (s)').to.equal(0);

      // The next run: a pod and Start make it run again, long before the warm-up's end lets a cue come.
      await services.footpod.simulate();
      await services.recording.start();
      await wait(300);
      expect(context.state, 'running before the first cue').to.equal('running');
      heard.heardAtMs.length = 0;
      const cuedAt = performance.now();
      for (let t = 0; t <= 60; t++) pod.send(t, { cadence: 150 });
      expect(services.coach.lastCue?.direction, 'a cue came').to.equal('low');
      await waitUntil(() => heard.heardAtMs.length > 0, 'the cue is heard', { timeout: 1000 });
      expect(heard.heardAtMs[0]! - cuedAt, 'heard at once (ms)').to.be.below(200);
    } finally {
      await finishRun(services);
      heard.stop();
      await audio.close();
    }
  });
});
