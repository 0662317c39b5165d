import { expect } from '@open-wc/testing';
import { AppAudio } from '../../src/outputs/app-audio.js';
import { type CueSound, CueSounds } from '../../src/outputs/cue-sounds.js';
import { onsets } from './audio-test-support.js';

const SAMPLE_RATE = 44100;

async function render(play: (sounds: CueSounds) => void, lengthS = 1) {
  const offline = new OfflineAudioContext(1, lengthS * SAMPLE_RATE, SAMPLE_RATE);
  const audio = new AppAudio(() => offline);
  await audio.unlock();
  play(new CueSounds(audio));
  return (await offline.startRendering()).getChannelData(0);
}

/** Frequency (Hz) from upward zero crossings over [fromS, toS). */
function pitch(samples: Float32Array, fromS: number, toS: number): number {
  let crossings = 0;
  for (let i = Math.round(fromS * SAMPLE_RATE) + 1; i < toS * SAMPLE_RATE; i++) if (samples[i - 1]! < 0 && samples[i]! >= 0) crossings++;
  return crossings / (toS - fromS);
}

const peak = (samples: Float32Array) => samples.reduce((max, x) => Math.max(max, Math.abs(x)), 0);

describe('CueSounds', () => {
  it('plays "low" as two blips going up and "high" as two going down', async () => {
    const pitches: Partial<Record<CueSound, [number, number]>> = {};
    for (const sound of ['low', 'high'] as const) {
      const samples = await render((sounds) => expect(sounds.play(sound)).to.equal(true));
      expect(peak(samples), `${sound} is audible`).to.be.above(0.3);
      expect(onsets(samples, SAMPLE_RATE, 0.01, 0.005), `${sound} is two blips`).to.have.length(2);
      pitches[sound] = [pitch(samples, 0.03, 0.12), pitch(samples, 0.16, 0.25)];
    }
    const [lowFirst, lowSecond] = pitches.low!;
    const [highFirst, highSecond] = pitches.high!;
    expect(lowSecond / lowFirst).to.be.closeTo(1.5, 0.1);
    expect(highFirst / highSecond).to.be.closeTo(1.5, 0.1);
  });

  it('plays "good" as one chime and a check-in as two gentle tones', async () => {
    const good = await render((sounds) => sounds.play('good'));
    const checkIn = await render((sounds) => sounds.play('check-in'));
    expect(peak(good)).to.be.above(0.2);
    expect(onsets(good, SAMPLE_RATE)).to.have.length(1);
    expect(peak(checkIn)).to.be.above(0.2);
    expect(pitch(checkIn, 0.3, 0.45)).to.be.above(pitch(checkIn, 0.05, 0.2));
  });

  it('is silenced by stop()', async () => {
    const samples = await render((sounds) => {
      sounds.play('check-in');
      sounds.stop();
    });
    expect(peak(samples)).to.equal(0);
  });

  it('plays nothing before audio is unlocked by a gesture', () => {
    let made = 0;
    const sounds = new CueSounds(new AppAudio(() => (made++, new OfflineAudioContext(1, 128, SAMPLE_RATE))));
    expect(sounds.play('low')).to.equal(false);
    expect(made).to.equal(0);
  });
});
