// What the coach decides, for the outputs (sound, speech, vibration) and the screens to carry out.
// Every rule in src/coach returns these from samples and a clock; none of them plays anything.

/** One of the app's own short technique prompts. */
export interface TechniquePrompt {
  /** Stable, so a session can record which prompt was shown. */
  id: string;
  /** A few words, large on screen. */
  title: string;
  /** One or two short sentences, shown and optionally spoken. */
  text: string;
}

export type CoachEvent =
  /** Cadence stayed out of the target zone: `direction` says which way. */
  | { kind: 'cue'; direction: 'low' | 'high'; atS: number; cadence: number; spoken: string }
  /** Back in the target zone after a cue. */
  | { kind: 'back-in-zone'; atS: number; cadence: number }
  /** Time for a technique check-in. */
  | { kind: 'check-in'; atS: number; prompt: TechniquePrompt };

/** What the coach rules are told each second (session time, not wall time). */
export interface CoachInput {
  /** Seconds on the session's clock; only increases. */
  timeS: number;
  /** Smoothed cadence in steps/min (the live page's displayed value), 0 or NaN when none. */
  cadence: number;
  /** The pod says running (not walking or standing). */
  running: boolean;
  /** The recording is paused (or a pod is connected but not recording: coaching still runs). */
  paused: boolean;
}
