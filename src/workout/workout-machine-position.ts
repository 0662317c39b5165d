// Where the workout machine is, as the screen shows it (WorkoutPosition): the machine keeps its own
// step and where the step began, since skips and distance steps cannot be placed from totals alone.

import type { MachineState } from './workout-machine-types.js';
import type { WorkoutPosition } from './workout-position.js';
import type { PlannedStep } from './workout-types.js';

/** A distance step without a speed is weighed at this pace for the whole workout's progress. */
const WEIGHING_KMH = 10;

/** A step's weight in the whole workout's progress: its time, a distance step's at its speed. */
function weightS(planned: PlannedStep): number {
  const { length } = planned;
  return length.kind === 'time' ? length.seconds : length.metres / ((planned.speedKmh ?? WEIGHING_KMH) / 3.6);
}

/**
 * Seconds left in the step going on; a distance step's at the belt's speed, else at the speed the
 * belt was set to (a capped step runs at the cap, not its plan), else its plan (null when unknown).
 */
export function stepLeftS(s: MachineState, beltKmh: number | null): number | null {
  const planned = s.steps[s.stepIndex];
  if (!planned) return null;
  if (planned.length.kind === 'time') return Math.max(0, planned.length.seconds - (s.runningS - s.stepStartS));
  const kmh = beltKmh ?? s.beltTargetKmh ?? planned.speedKmh;
  if (!kmh || kmh <= 0) return null;
  return Math.max(0, planned.length.metres - (s.coveredM - s.stepStartM)) / (kmh / 3.6);
}

export function positionOf(s: MachineState): WorkoutPosition | null {
  if (s.phase === 'idle' || s.phase === 'confirm' || s.steps.length === 0) return null;
  const done = s.stepIndex >= s.steps.length;
  const index = Math.min(s.stepIndex, s.steps.length - 1);
  const planned = s.steps[index]!;
  const stepElapsedS = done ? 0 : s.runningS - s.stepStartS;
  const stepCoveredM = done ? 0 : s.coveredM - s.stepStartM;
  const { length } = planned;
  const share = done ? 1 : Math.min(1, length.kind === 'time' ? stepElapsedS / length.seconds : stepCoveredM / length.metres);
  const total = s.steps.reduce((sum, p) => sum + weightS(p), 0);
  const before = s.steps.slice(0, index).reduce((sum, p) => sum + weightS(p), 0);
  return {
    stepIndex: index,
    done,
    stepElapsedS,
    stepCoveredM,
    leftS: done ? 0 : length.kind === 'time' ? Math.max(0, length.seconds - stepElapsedS) : null,
    leftM: done ? 0 : length.kind === 'distance' ? Math.max(0, length.metres - stepCoveredM) : null,
    fraction: done ? 1 : total > 0 ? Math.min(1, (before + share * weightS(planned)) / total) : 0,
  };
}
