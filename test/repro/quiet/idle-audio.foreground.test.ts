// Issue 20: "Nothing runs while nothing changes: with no pod and no recording, the page does no
// work per second at all ... once it is idle." The coach's one AudioContext is unlocked at the
// runner's first tap once a pod connects (src/services/coach-engine.ts) and is never suspended or
// closed: after the run is stopped and the footpod let go, it goes on rendering silence on the
// audio thread (about 345 blocks of 128 samples a second) and keeps the phone's audio output open
// for as long as the page stays open, the hour a phone lies beside the belt and after. The idle
// check (test/production/idle.mjs, "/ after a run") counts only timers, frames and animations of
// the main thread, so it passes with this going on.
// Needs the tab in front: a real click (CDP) lets the AudioContext run.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices } from '../../../src/services/services.js';
import { SimulatedFootpod } from '../../../src/sources/simulated-footpod.js';
import type { WebAudioMetronome } from '../../../src/outputs/web-audio-metronome.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { userGesture, wait } from '../../outputs/audio-test-support.js';
import { finishRun } from '../../support/finish-run.js';

useSeparateDatabase('stride-test-repro-quiet-idle-audio');

describe('The app’s audio after a run (repro: quiet)', () => {
  it('does no audio work once the run is stopped and the footpod let go', async () => {
    await clear(kvStore());
    const pod = new SimulatedFootpod({ seed: 3 });
    const services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
    await userGesture();
    await services.footpod.simulate();
    const engine = (await services.coach.engine())!;
    const audio = (engine.metronome as WebAudioMetronome).audio;
    await services.recording.start();
    await services.coach.toggleMetronome();
    pod.emitSeconds(3);
    await wait(500);
    await services.coach.toggleMetronome();
    await finishRun(services);
    expect(services.recording.state).to.equal('stopped');
    const context = audio.context as AudioContext | null;
    expect(context, 'the coach unlocked its audio for the run').to.not.equal(null);
    // Every click and cue is over; nothing is left to play.
    await wait(1500);
    const clockBefore = context!.currentTime;
    await wait(1000);
    const renderedS = context!.currentTime - clockBefore;
    try {
      expect(renderedS, `the audio context is ${context!.state} and rendered ${renderedS.toFixed(2)} s of silence in 1 s of idle`).to.be.below(0.05);
    } finally {
      await audio.close();
    }
  });
});
