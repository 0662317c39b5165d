import { expect } from '@open-wc/testing';
import type { AppAudio } from '../../src/outputs/app-audio.js';
import { unlockOnFirstGesture } from '../../src/outputs/unlock-on-gesture.js';

const countingAudio = () => {
  const audio = { unlocks: 0, unlock: async () => void audio.unlocks++ };
  return audio;
};

describe('unlockOnFirstGesture', () => {
  it('unlocks audio on the first tap or key press, once, and not before', () => {
    const target = new EventTarget();
    const audio = countingAudio();
    unlockOnFirstGesture(audio as unknown as AppAudio, target, false);
    target.dispatchEvent(new Event('pointermove'));
    expect(audio.unlocks).to.equal(0);
    target.dispatchEvent(new Event('keydown'));
    target.dispatchEvent(new Event('pointerdown'));
    expect(audio.unlocks).to.equal(1);
  });

  it('stops listening when asked, and a refused unlock throws nothing', async () => {
    const target = new EventTarget();
    const refusing = { unlock: () => Promise.reject(new DOMException('no', 'NotAllowedError')) };
    unlockOnFirstGesture(refusing as unknown as AppAudio, target, false);
    target.dispatchEvent(new Event('pointerdown'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const audio = countingAudio();
    const stop = unlockOnFirstGesture(audio as unknown as AppAudio, target, false);
    stop();
    target.dispatchEvent(new Event('pointerdown'));
    expect(audio.unlocks).to.equal(0);
  });

  it('unlocks at once when the page has had a gesture already (the tap that paired the pod)', () => {
    const target = new EventTarget();
    const audio = countingAudio();
    unlockOnFirstGesture(audio as unknown as AppAudio, target, true);
    expect(audio.unlocks).to.equal(1);
    target.dispatchEvent(new Event('pointerdown'));
    expect(audio.unlocks).to.equal(1);
  });
});
