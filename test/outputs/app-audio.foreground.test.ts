// Needs the tab in front: a real click (CDP) lets the AudioContext run, and bringing this tab
// forward would hide another test file's page in the shared browser.
import { expect, waitUntil } from '@open-wc/testing';
import { AppAudio } from '../../src/outputs/app-audio.js';
import { CueSounds } from '../../src/outputs/cue-sounds.js';
import { listenTo, userGesture, wait } from './audio-test-support.js';

describe('AppAudio', () => {
  it('makes no context before a gesture unlocks it, then one that runs', async () => {
    const audio = new AppAudio();
    expect(audio.context).to.equal(null);
    expect(audio.audible()).to.equal(null);
    await userGesture();
    const context = await audio.unlock();
    try {
      expect(context.state).to.equal('running');
      expect(audio.audible()).to.equal(context);
      expect(await audio.unlock()).to.equal(context);
    } finally {
      await audio.close();
    }
    expect(context.state).to.equal('closed');
    expect(audio.context).to.equal(null);
  });

  // A running context renders silence and holds the audio output for as long as the page is open.
  it('rests once no one holds it and its last sound is over, and runs again when held, with no new gesture', async () => {
    await userGesture();
    const audio = new AppAudio();
    const context = (await audio.unlock()) as AudioContext;
    const coach = {};
    try {
      audio.hold(coach, true);
      await wait(800);
      expect(context.state, 'held').to.equal('running');
      audio.soundsUntil(context.currentTime + 0.6);
      audio.hold(coach, false);
      await wait(500);
      expect(context.state, 'a sound still plays').to.equal('running');
      await waitUntil(() => context.state === 'suspended', 'at rest once the sound is over', { timeout: 2000 });
      const clock = context.currentTime;
      // Chrome's gesture counts for 5 s: past it, only the page's earlier gesture lets it run again.
      await waitUntil(() => !navigator.userActivation.isActive, 'the gesture is over', { timeout: 8000 });
      expect(context.currentTime, 'at rest, it renders nothing').to.equal(clock);
      audio.hold(coach, true);
      await waitUntil(() => context.state === 'running' && context.currentTime > clock, 'runs again when held', { timeout: 1000 });
    } finally {
      await audio.close();
    }
  });

  it('wakes for a sound asked for while it rests, and plays it: nothing is lost', async () => {
    await userGesture();
    const audio = new AppAudio();
    const context = (await audio.unlock()) as AudioContext;
    const heard = listenTo(context);
    try {
      await waitUntil(() => context.state === 'suspended', 'at rest, held by no one', { timeout: 2000 });
      const askedAt = performance.now();
      expect(new CueSounds(audio).play('low'), 'played').to.equal(true);
      await waitUntil(() => heard.heardAtMs.length > 0, 'heard', { timeout: 1000 });
      expect(heard.heardAtMs[0]! - askedAt, 'heard within a moment (ms)').to.be.below(300);
    } finally {
      heard.stop();
      await audio.close();
    }
  });

  it('rejects with words a runner understands where there is no Web Audio', async () => {
    const audio = new AppAudio(() => {
      throw new Error('This browser cannot play sound (it has no Web Audio).');
    });
    let error: unknown;
    await audio.unlock().catch((e: unknown) => (error = e));
    expect((error as Error).message).to.match(/cannot play sound/);
  });
});
