// Needs the tab in front: a real click (CDP) lets the AudioContext run, and bringing this tab
// forward would hide another test file's page in the shared browser.
import { expect } from '@open-wc/testing';
import { AppAudio } from '../../src/outputs/app-audio.js';
import { userGesture } from './audio-test-support.js';

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

  it('rejects with words a runner understands where there is no Web Audio', async () => {
    const audio = new AppAudio(() => {
      throw new Error('This browser cannot play sound (it has no Web Audio).');
    });
    let error: unknown;
    await audio.unlock().catch((e: unknown) => (error = e));
    expect((error as Error).message).to.match(/cannot play sound/);
  });
});
