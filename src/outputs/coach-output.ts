// Carries out the coach's events with sound, words and buzzes, as the runner's settings say. The
// mute switch is the caller's: it does not call play() while muted, so a muted run does not
// even reach here (and an unmute needs nothing undone).

import type { CoachEvent } from '../coach/coach-events.js';
import type { CueSettings } from '../session/coach-settings.js';
import type { CueSound } from './cue-sounds.js';
import type { CoachOutput } from './outputs.js';
import { speak, stopSpeaking } from './speech.js';
import { stopVibrating, vibrateFor } from './vibration.js';

export interface CueSoundPlayer {
  play(sound: CueSound): boolean;
  stop(): void;
}

/** The speech and vibration functions, replaceable by a recorder in tests of the callers. */
export interface SpeakerAndBuzzer {
  speak(sentence: string): boolean;
  stopSpeaking(): void;
  vibrateFor(direction: 'low' | 'high'): boolean;
  stopVibrating(): void;
}

const browserSpeakerAndBuzzer: SpeakerAndBuzzer = { speak, stopSpeaking, vibrateFor, stopVibrating };

/** A title read aloud ends like a sentence, so the voice pauses before the text. */
const sentence = (title: string) => (/[.!?]$/.test(title.trim()) ? title.trim() : `${title.trim()}.`);

export type CoachOutputSettings = CueSettings & { speakCheckIns: boolean };

export class WebCoachOutput implements CoachOutput {
  readonly #sounds: CueSoundPlayer;
  readonly #voice: SpeakerAndBuzzer;

  constructor(sounds: CueSoundPlayer, voice: SpeakerAndBuzzer = browserSpeakerAndBuzzer) {
    this.#sounds = sounds;
    this.#voice = voice;
  }

  play(event: CoachEvent, settings: CoachOutputSettings): void {
    switch (event.kind) {
      case 'cue':
        // Cues switched off play nothing even if a stale rule still fires one.
        if (!settings.enabled) return;
        if (settings.sound) this.#sounds.play(event.direction);
        if (settings.speech) this.#voice.speak(event.spoken);
        if (settings.vibration) this.#voice.vibrateFor(event.direction);
        return;
      case 'back-in-zone':
        if (settings.enabled && settings.backInZoneSound) this.#sounds.play('good');
        return;
      case 'check-in':
        this.#sounds.play('check-in');
        if (settings.speakCheckIns) this.#voice.speak(`${sentence(event.prompt.title)} ${event.prompt.text}`);
        return;
    }
  }

  announce(sentence: string, sound: boolean): void {
    if (sound) this.#sounds.play('check-in');
    this.#voice.speak(sentence);
  }

  hush(): void {
    this.#sounds.stop();
    this.#voice.stopSpeaking();
    this.#voice.stopVibrating();
  }
}
