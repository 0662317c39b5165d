// Voice mode tells the runner what to set by hand, so it keeps the same limits as the belt: a
// step above the runner's maximum (or outside the treadmill's range) is said at the limit, and
// the limit is named, never "Set 22.0 km/h now" above a maximum of 16.

import type { DistanceUnit } from '../session/units.js';
import { type BeltLimits, type Clamped, clampIncline, clampSpeed } from './belt-limits.js';
import { beltSpeedWords, inclineWords } from './speed-words.js';
import type { PlannedStep } from './workout-types.js';

export interface SpokenSteps {
  /** The steps with each speed and incline as the runner may set them. */
  steps: PlannedStep[];
  /** Per step, why what is said differs from the plan ("your maximum; the step asks 22.0 km/h"), or null. */
  caps: (string | null)[];
}

const limitWords: Record<Exclude<Clamped['changed'], null>, string> = {
  'runner-max': 'your maximum',
  'treadmill-max': "the treadmill's maximum",
  'treadmill-min': "the treadmill's minimum",
};

export function spokenSteps(steps: readonly PlannedStep[], limits: BeltLimits, unit: DistanceUnit): SpokenSteps {
  const caps: (string | null)[] = [];
  const spoken = steps.map((planned) => {
    const notes: string[] = [];
    let { speedKmh, inclinePercent } = planned;
    if (speedKmh !== null) {
      const clamped = clampSpeed(speedKmh, limits, unit);
      if (clamped.changed) notes.push(`${limitWords[clamped.changed]}; the step asks ${beltSpeedWords(speedKmh, unit)}`);
      // Rounding alone is the treadmill's grid, not worth a word; the value said is on it.
      speedKmh = clamped.value;
    }
    if (inclinePercent !== null) {
      const clamped = clampIncline(inclinePercent, limits);
      if (clamped.changed) notes.push(`${limitWords[clamped.changed]} incline; the step asks ${inclineWords(inclinePercent)}`);
      inclinePercent = clamped.value;
    }
    caps.push(notes.length > 0 ? notes.join(', ') : null);
    return { ...planned, speedKmh, inclinePercent };
  });
  return { steps: spoken, caps };
}
