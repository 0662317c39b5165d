// The outputs side, mirror of src/sources: the only code that touches AudioContext,
// speechSynthesis, navigator.vibrate and the Wake Lock API sits behind these interfaces, so the
// coach stays pure and tests can hand in a recorder of events.

import type { CoachEvent } from '../coach/coach-events.js';
import type { CueSettings } from '../session/coach-settings.js';

export interface MetronomeOptions {
  rateSpm: number;
  /** Click on every step, or on every second step. */
  everyStep: boolean;
  /** 0 to 1. */
  volume: number;
}

export interface Metronome extends EventTarget {
  readonly running: boolean;
  /** Beats scheduled so far, in AudioContext seconds (kept for tests and the bench; bounded). */
  readonly scheduledBeats: readonly number[];
  /**
   * The next beat to be heard, on the page's clock (performance.now(), ms), and the time between
   * beats, for a light that pulses with the clicks from the next one; null while stopped.
   */
  readonly beat?: { atMs: number; intervalMs: number } | null;
  /** Must be called from a user gesture the first time (browsers start audio only then). */
  start(options: MetronomeOptions): Promise<void>;
  /** Changes rate, step mode or volume from the next beat on, without a gap or a double beat. */
  update(options: MetronomeOptions): void;
  /** Stops it; called while a start still waits for the audio, that start does not begin. */
  stop(): void;
  /** A few clicks to hear the sound and volume (Settings); nothing while it plays. Resolves with their times. */
  preview?(options: MetronomeOptions, beats: number): Promise<number[]>;
}

/** Carries out a coach event by sound, speech and vibration, as the settings say. */
export interface CoachOutput {
  play(event: CoachEvent, settings: CueSettings & { speakCheckIns: boolean }): void;
  /** Silences whatever is playing or speaking now. */
  hush(): void;
  /** Says a sentence of the app's own (a workout's "Set 12.0 km/h now"), after a sound when `sound`. */
  announce?(sentence: string, sound: boolean): void;
}

export type WakeLockState = 'released' | 'held' | 'unsupported' | 'refused';

/** Events: 'change' when the state changes. */
export interface ScreenWakeLock extends EventTarget {
  readonly state: WakeLockState;
  /** A sentence for the runner when the screen may go dark (unsupported or refused), else null. */
  readonly message: string | null;
  /**
   * Keep the screen awake while `wanted` is true: taken now (when the page is visible), taken again
   * when the tab becomes visible after being hidden, released when `wanted` turns false.
   */
  want(wanted: boolean): Promise<void>;
}

/**
 * The app's audio output (app-audio.ts): it runs, holding the device's audio output open, only
 * while someone holds it ready for a sound that may come at any moment.
 */
export interface AudioStandby {
  hold(holder: object, ready: boolean): void;
}
