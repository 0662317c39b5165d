// A buzz for phones: felt in a pocket or an armband when the screen is out of sight. Too low is
// two short pulses (quicken), too high one long one (slow down).

import type { CueSound } from './cue-sounds.js';

export const vibrationPatterns: Readonly<Record<'low' | 'high', readonly number[]>> = {
  low: [90, 90, 90],
  high: [400],
};

type VibratingNavigator = { vibrate?: (pattern: number[] | number) => boolean; userActivation?: { hasBeenActive: boolean } };

function vibrator(): VibratingNavigator | null {
  const nav = (typeof navigator === 'undefined' ? undefined : navigator) as VibratingNavigator | undefined;
  if (!nav || typeof nav.vibrate !== 'function') return null;
  // Chrome refuses (and logs an intervention) until the page has had a tap.
  if (nav.userActivation && !nav.userActivation.hasBeenActive) return null;
  return nav;
}

/** Buzzes the pattern for a low or high cue. True when the browser accepted it. */
export function vibrateFor(direction: Extract<CueSound, 'low' | 'high'>): boolean {
  try {
    return vibrator()?.vibrate?.([...vibrationPatterns[direction]]) ?? false;
  } catch {
    return false;
  }
}

/** Stops a buzz in progress. */
export function stopVibrating(): void {
  try {
    vibrator()?.vibrate?.(0);
  } catch {
    // Nothing to stop.
  }
}
