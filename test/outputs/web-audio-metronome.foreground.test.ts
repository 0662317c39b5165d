// Needs the tab in front: a real click (CDP) lets the AudioContext run, and bringing this tab
// forward would hide another test file's page in the shared browser.
import { expect, waitUntil } from '@open-wc/testing';
import { WebAudioMetronome } from '../../src/outputs/web-audio-metronome.js';
import { busyFor, offGrid, userGesture, wait } from './audio-test-support.js';

describe('WebAudioMetronome on a real AudioContext', () => {
  it('keeps time on a real AudioContext while the main thread is blocked for 300 ms', async () => {
    await userGesture();
    const metronome = new WebAudioMetronome();
    try {
      await metronome.start({ rateSpm: 180, everyStep: true, volume: 0.2 });
      const context = metronome.audio.context!;
      expect(context.state).to.equal('running');
      const startedAt = context.currentTime;
      await wait(800);
      busyFor(300);
      await wait(1200);
      expect(context.currentTime - startedAt).to.be.above(2);
      const { worst, missing } = offGrid(metronome.scheduledBeats, 60 / 180);
      expect(worst).to.be.below(0.001);
      expect(missing).to.equal(0);
      expect(metronome.skippedBeats).to.equal(0);
      expect(Math.min(...metronome.scheduleLeadsS)).to.be.above(0);
      expect(metronome.scheduledBeats.at(-1)).to.be.above(context.currentTime);
      expect(metronome.longestTickGapMs).to.be.at.least(300);
      // Playing, it held the audio running on its own; stopped, it lets it rest.
      metronome.stop();
      await waitUntil(() => context.state === 'suspended', `at rest once stopped (${context.state})`, { timeout: 2000 });
    } finally {
      metronome.stop();
      await metronome.audio.close();
    }
    expect(metronome.running).to.equal(false);
  });

  it('asks an audio context the system suspended to run again when the page is shown, and plays on the same grid', async () => {
    await userGesture();
    const metronome = new WebAudioMetronome();
    try {
      await metronome.start({ rateSpm: 180, everyStep: true, volume: 0.2 });
      const context = metronome.audio.context as AudioContext;
      await wait(500);
      // As a phone call or a locked screen does: the context stops, its clock stands still.
      await context.suspend();
      const stoodAt = context.currentTime;
      await wait(300);
      expect(context.currentTime).to.equal(stoodAt);
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => context.state === 'running', 'running again', { timeout: 3000 });
      await wait(1500);
      expect(context.currentTime - stoodAt).to.be.above(1);
      const { worst, missing } = offGrid(metronome.scheduledBeats, 60 / 180);
      expect(worst).to.be.below(0.001);
      expect(missing).to.equal(0);
      expect(metronome.skippedBeats).to.equal(0);
    } finally {
      metronome.stop();
      await metronome.audio.close();
    }
  });
});
