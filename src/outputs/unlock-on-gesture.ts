// Browsers start audio only from a user gesture. The runner's first tap or key press anywhere in
// the app (pairing, Start, the metronome button) unlocks it, so cues can sound later without one.

import type { AppAudio } from './app-audio.js';

const GESTURES = ['pointerdown', 'keydown'] as const;

/**
 * Unlocks `audio` on the next gesture in `target` (the document), or at once when the page has had
 * one already (the tap that paired the pod usually comes before the coach loads; Chrome's
 * activation is sticky). Returns a function that stops listening.
 */
export function unlockOnFirstGesture(
  audio: AppAudio,
  target: EventTarget = document,
  hadGesture: boolean = navigator.userActivation?.hasBeenActive ?? false,
): () => void {
  if (hadGesture) {
    audio.unlock().catch(() => undefined);
    return () => undefined;
  }
  const stop = (): void => {
    for (const type of GESTURES) target.removeEventListener(type, onGesture, true);
  };
  const onGesture = (): void => {
    stop();
    // A refusal leaves cues silent until the next unlock (the metronome button tries again).
    audio.unlock().catch(() => undefined);
  };
  for (const type of GESTURES) target.addEventListener(type, onGesture, true);
  return stop;
}
