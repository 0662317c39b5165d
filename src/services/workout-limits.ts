// The runner's maximums as stored now. Settings saves at once, during a workout too, and the
// workout run reads them again before each speed or incline goes out: nothing is sent above a
// maximum the runner has just lowered.

import { type BeltLimits, defaultRunnerMax, defaultRunnerMaxIncline } from '../workout/belt-limits.js';
import type { WorkoutSettingsStore } from './workout-view.js';

/** `was` with the maximums as stored now; `was` itself when they cannot be read or did not change. */
export async function storedLimits(store: WorkoutSettingsStore, was: BeltLimits): Promise<BeltLimits> {
  let settings;
  try {
    ({ settings } = await store.load());
  } catch {
    return was;
  }
  const maxSpeedKmh = settings.maxSpeedKmh ?? defaultRunnerMax(was.speed);
  const maxInclinePercent = settings.maxInclinePercent ?? defaultRunnerMaxIncline(was.incline);
  if (maxSpeedKmh === was.maxSpeedKmh && maxInclinePercent === was.maxInclinePercent) return was;
  return { ...was, maxSpeedKmh, maxInclinePercent, maxSpeedSetByRunner: settings.maxSpeedKmh !== null, maxInclineSetByRunner: settings.maxInclinePercent !== null };
}
