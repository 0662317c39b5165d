// What the coach runs on, loaded the first time it is needed: the pure rules (src/coach) and the
// browser's outputs (src/outputs), all sharing one audio context that the runner's first tap unlocks.

import { CoachRules } from '../coach/coach-rules.js';
import { metronomeRate } from '../coach/metronome-timing.js';
import { AppAudio } from '../outputs/app-audio.js';
import { WebCoachOutput } from '../outputs/coach-output.js';
import { CueSounds } from '../outputs/cue-sounds.js';
import { BrowserWakeLock } from '../outputs/screen-wake-lock.js';
import { unlockOnFirstGesture } from '../outputs/unlock-on-gesture.js';
import { WebAudioMetronome } from '../outputs/web-audio-metronome.js';
import { defaultCoachSettings } from '../session/coach-settings.js';
import { defaultCadenceZones } from '../session/zones.js';
import type { CoachEngine } from './coach-service.js';

export function createCoachEngine(): CoachEngine {
  const audio = new AppAudio();
  unlockOnFirstGesture(audio);
  return {
    // Configured with the runner's settings as soon as the service has the engine.
    rules: new CoachRules(defaultCoachSettings, defaultCadenceZones),
    output: new WebCoachOutput(new CueSounds(audio)),
    metronome: new WebAudioMetronome({ audio }),
    wakeLock: new BrowserWakeLock(),
    audio,
    metronomeRate,
  };
}
