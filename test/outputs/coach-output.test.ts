import { expect } from '@open-wc/testing';
import type { CoachEvent } from '../../src/coach/coach-events.js';
import { AppAudio } from '../../src/outputs/app-audio.js';
import { type CoachOutputSettings, type CueSoundPlayer, type SpeakerAndBuzzer, WebCoachOutput } from '../../src/outputs/coach-output.js';
import { type CueSound, CueSounds } from '../../src/outputs/cue-sounds.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { stubProperty } from './stub-property.js';

const low: CoachEvent = { kind: 'cue', direction: 'low', atS: 70, cadence: 158, spoken: 'Cadence 158. Quicker, shorter steps.' };
const backIn: CoachEvent = { kind: 'back-in-zone', atS: 90, cadence: 172 };
const checkIn: CoachEvent = {
  kind: 'check-in',
  atS: 300,
  prompt: { id: 'relax-shoulders', title: 'Relax your shoulders', text: 'Let them drop, hands loose.' },
};
const everything: CoachOutputSettings = { ...defaultCoachSettings.cues, sound: true, speech: true, vibration: true, speakCheckIns: true };

/** What the output did, in order. */
function recorder() {
  const log: string[] = [];
  const sounds: CueSoundPlayer = { play: (sound: CueSound) => (log.push(`sound ${sound}`), true), stop: () => log.push('sounds stopped') };
  const voice: SpeakerAndBuzzer = {
    speak: (sentence) => (log.push(`say ${sentence}`), true),
    stopSpeaking: () => log.push('speech stopped'),
    vibrateFor: (direction) => (log.push(`buzz ${direction}`), true),
    stopVibrating: () => log.push('buzz stopped'),
  };
  return { log, output: new WebCoachOutput(sounds, voice) };
}

describe('WebCoachOutput', () => {
  it('carries out a cue by sound, speech and vibration, each only when its setting is on', () => {
    const { log, output } = recorder();
    output.play(low, everything);
    output.play(low, { ...everything, speech: false, vibration: false });
    output.play(low, { ...everything, sound: false });
    output.play(low, { ...everything, enabled: false });
    expect(log).to.deep.equal([
      'sound low',
      `say ${low.spoken}`,
      'buzz low',
      'sound low',
      `say ${low.spoken}`,
      'buzz low',
    ]);
  });

  it('plays the good sound back in zone only when asked, and a check-in with its words when asked', () => {
    const { log, output } = recorder();
    output.play(backIn, everything);
    output.play(backIn, { ...everything, backInZoneSound: false });
    output.play(checkIn, everything);
    output.play(checkIn, { ...everything, speakCheckIns: false });
    expect(log).to.deep.equal(['sound good', 'sound check-in', 'say Relax your shoulders. Let them drop, hands loose.', 'sound check-in']);
  });

  it('announces a workout’s sentence, after a sound when asked', () => {
    const { log, output } = recorder();
    output.announce('Set 12.0 km/h now', true);
    output.announce('The safety key stopped the belt.', false);
    expect(log).to.deep.equal(['sound check-in', 'say Set 12.0 km/h now', 'say The safety key stopped the belt.']);
  });

  it('hushes sound, speech and vibration together', () => {
    const { log, output } = recorder();
    output.hush();
    expect(log).to.deep.equal(['sounds stopped', 'speech stopped', 'buzz stopped']);
  });

  it('speaks through the browser and sounds through the audio context by default', async () => {
    const offline = new OfflineAudioContext(1, 44100, 44100);
    const audio = new AppAudio(() => offline);
    await audio.unlock();
    const said: string[] = [];
    const restore = stubProperty(window, 'speechSynthesis', { cancel: () => undefined, speak: (u: SpeechSynthesisUtterance) => said.push(u.text) });
    try {
      new WebCoachOutput(new CueSounds(audio)).play(low, { ...everything, vibration: false });
    } finally {
      restore();
    }
    const samples = (await offline.startRendering()).getChannelData(0);
    expect(said).to.deep.equal([low.spoken]);
    expect(samples.some((x) => Math.abs(x) > 0.3)).to.equal(true);
  });
});
