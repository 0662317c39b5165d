// The cadence a runner sees and hears, and its zone. The live page, the treadmill screen and the
// coach's cues give the smoothed cadence in whole steps a minute, so its zone is judged on that
// whole number, never on the mean behind it: a mean of 169.6 shows "170" and, with a 170-180
// target, is in the target, on every screen and in every cue. No steps (standing on the belt,
// a pod that sends 0) shows no zone at all: the low zone is for running slowly, not for standing.

import { type CadenceZones, type ZoneId, zoneFor } from './zones.js';

/** The cadence as shown and spoken: whole steps a minute. */
export const wholeSteps = (cadence: number): number => Math.round(cadence);

/** The zone of the number shown; null while it is no steps (or none measured). */
export function shownZone(cadence: number, zones: CadenceZones): ZoneId | null {
  const shown = wholeSteps(cadence);
  return shown > 0 ? zoneFor(shown, zones) : null;
}
