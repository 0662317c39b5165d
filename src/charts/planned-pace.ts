// A workout's planned speed on a run's pace chart: each step of the recording's workout mark as a
// stretch of the chart's x (seconds or metres) at the pace its speed runs, so the planned line,
// the belt's and the footpod's can be read against each other. Plain function: tests check the
// stretches without a chart. A step that left the belt's speed as it was has no planned pace; the
// workout's own pauses and the running after it ended are not the plan's, so nothing is drawn there.
import { momentsAt, type ChartX } from './chart-data.js';
import type { RecordedColumns } from '../session/recorded-session.js';
import { type DistanceUnit, averagePaceSeconds } from '../session/units.js';

/** The parts of a WorkoutMark (contract section 3) the chart reads. */
export interface PlannedMark {
  steps: ReadonlyArray<{ fromT: number; speedKmh: number | null }>;
  /** Where the workout ended; absent (older marks, a workout going on): at the run's last sample. */
  toT?: number;
  /** The workout's pauses; an open one (toT null) lasts to the workout's end. */
  pauses?: ReadonlyArray<{ fromT: number; toT: number | null }>;
}

export interface PlannedStretch {
  /** Where the step starts and ends on the chart's x. */
  from: number;
  to: number;
  /** Seconds per km or mile of the step's speed. */
  paceS: number;
}

/** [from, to) in session time, less the pauses (sorted by start). */
function unpaused(from: number, to: number, pauses: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let at = from;
  for (const [pauseFrom, pauseTo] of pauses) {
    if (pauseTo <= at) continue;
    if (pauseFrom >= to) break;
    if (pauseFrom > at) pieces.push([at, pauseFrom]);
    at = pauseTo;
  }
  if (at < to) pieces.push([at, to]);
  return pieces;
}

/**
 * Each step from its start to the next step's start (the last to where the workout ended, or the
 * run's last sample), at the pace of its speed, less the workout's pauses; steps that start after
 * the workout or the run ended, have no length or no speed are left out.
 */
export function plannedPace(mark: PlannedMark, samples: RecordedColumns, x: ChartX, unit: DistanceUnit): PlannedStretch[] {
  const count = samples.t.length;
  if (count === 0) return [];
  const endT = Math.min(samples.t[count - 1]!, mark.toT ?? Number.POSITIVE_INFINITY);
  const steps = [...mark.steps].sort((a, b) => a.fromT - b.fromT);
  const pauses = (mark.pauses ?? []).map((p): [number, number] => [p.fromT, p.toT ?? endT]).sort((a, b) => a[0] - b[0]);
  const times = steps.flatMap((step, i) => {
    const paceS = step.speedKmh === null ? null : averagePaceSeconds(step.speedKmh / 3.6, unit);
    if (paceS === null || step.fromT >= endT) return [];
    const to = Math.min(steps[i + 1]?.fromT ?? endT, endT);
    return unpaused(step.fromT, to, pauses).map(([from, until]) => ({ from, until, paceS }));
  });
  const at = momentsAt(times.flatMap((s) => [s.from, s.until]), samples, x);
  return times.flatMap((s, i) => {
    const from = at[2 * i]!;
    const to = at[2 * i + 1]!;
    return to > from ? [{ from, to, paceS: s.paceS }] : [];
  });
}
