// A workout's planned speed on a run's pace chart: each step of the recording's workout mark as a
// stretch of the chart's x (seconds or metres) at the pace its speed runs, so the planned line,
// the belt's and the footpod's can be read against each other. Plain function: tests check the
// stretches without a chart. A step that left the belt's speed as it was has no planned pace.
import { momentsAt, type ChartX } from './chart-data.js';
import type { RecordedColumns } from '../session/recorded-session.js';
import { type DistanceUnit, averagePaceSeconds } from '../session/units.js';

/** The parts of a WorkoutMark (contract section 3) the chart reads. */
export interface PlannedMark {
  steps: ReadonlyArray<{ fromT: number; speedKmh: number | null }>;
}

export interface PlannedStretch {
  /** Where the step starts and ends on the chart's x. */
  from: number;
  to: number;
  /** Seconds per km or mile of the step's speed. */
  paceS: number;
}

/**
 * Each step from its start to the next step's start (the last to the run's last sample), at the
 * pace of its speed; steps that start after the run ended, have no length or no speed are left out.
 */
export function plannedPace(mark: PlannedMark, samples: RecordedColumns, x: ChartX, unit: DistanceUnit): PlannedStretch[] {
  const count = samples.t.length;
  if (count === 0) return [];
  const endT = samples.t[count - 1]!;
  const steps = [...mark.steps].sort((a, b) => a.fromT - b.fromT);
  const bounds = [...steps.map((s) => Math.min(s.fromT, endT)), endT];
  const at = momentsAt(bounds, samples, x);
  return steps.flatMap((step, i) => {
    const paceS = step.speedKmh === null ? null : averagePaceSeconds(step.speedKmh / 3.6, unit);
    const from = at[i]!;
    const to = at[i + 1]!;
    return paceS !== null && to > from && step.fromT < endT ? [{ from, to, paceS }] : [];
  });
}
