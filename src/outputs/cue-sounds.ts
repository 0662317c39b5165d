// The coach's short sounds, each recognisable without looking: too low climbs (two rising blips,
// "go up"), too high falls (two falling), back in zone is one soft chime, a check-in a gentle
// double tone. All play on the app's one audio context, beside the metronome's clicks.

import type { AppAudio } from './app-audio.js';
import { scheduleTone, type ScheduledTone, type Tone } from './tones.js';

export type CueSound = 'low' | 'high' | 'good' | 'check-in';

type Note = Omit<Tone, 'atS' | 'peak'> & { afterS: number; share: number };

const blip = (hz: number, afterS: number): Note => ({ hz, afterS, share: 1, attackS: 0.005, decayS: 0.03, lengthS: 0.12 });

/** Notes of each sound, from its start. Pitches a fifth apart, well below the 1760 Hz click. */
export const cueNotes: Readonly<Record<CueSound, readonly Note[]>> = {
  low: [blip(587, 0), blip(880, 0.13)],
  high: [blip(880, 0), blip(587, 0.13)],
  good: [{ hz: 1047, afterS: 0, share: 0.6, attackS: 0.01, decayS: 0.12, lengthS: 0.6, partial: 2.76 }],
  'check-in': [
    { hz: 523, afterS: 0, share: 0.7, attackS: 0.04, decayS: 0.09, lengthS: 0.45 },
    { hz: 659, afterS: 0.22, share: 0.7, attackS: 0.04, decayS: 0.09, lengthS: 0.45 },
  ],
};

/** Room for the audio thread to pick a sound up before its first note is due. */
const START_AFTER_S = 0.02;

export class CueSounds {
  readonly #audio: AppAudio;
  #playing: { tones: ScheduledTone[]; untilS: number }[] = [];

  constructor(audio: AppAudio) {
    this.#audio = audio;
  }

  /**
   * Plays a sound now at `volume` (0 to 1). Returns false, and plays nothing, when audio is not
   * unlocked yet: a cue held back until the next tap would come at the wrong moment.
   */
  play(sound: CueSound, volume = 0.8): boolean {
    const context = this.#audio.audible();
    if (!context) return false;
    const now = context.currentTime;
    this.#playing = this.#playing.filter((played) => played.untilS > now);
    const startS = now + START_AFTER_S;
    const notes = cueNotes[sound];
    const tones = notes.map(({ afterS, share, ...note }) =>
      scheduleTone(context, { ...note, atS: startS + afterS, peak: Math.min(1, Math.max(0, volume)) * share }),
    );
    const untilS = startS + Math.max(...notes.map((n) => n.afterS + n.lengthS));
    this.#playing.push({ tones, untilS });
    this.#audio.soundsUntil(untilS);
    return true;
  }

  /** Silences every cue sound still playing or about to. */
  stop(): void {
    for (const played of this.#playing) for (const tone of played.tones) tone.cancel();
    this.#playing = [];
  }
}
