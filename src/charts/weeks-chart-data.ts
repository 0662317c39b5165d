// The weeks page's rows turned into chart columns. A week with no runs is a gap (null), never a
// zero: a zero would draw as a week of no running time at 0 % in target, or pull a cadence line
// down to the axis. Plain functions: tests check the columns without a chart.

import type { PlanSettings } from '../session/plan-settings.js';
import { planTargetAt } from '../session/plan-settings.js';
import { distanceIn, type DistanceUnit } from '../session/units.js';
import { type WeekRow, nextWeekStart } from '../session/weekly-trends.js';

export interface WeeksChartColumns {
  /** Week index, 0 for the oldest week shown: evenly spaced whatever DST does to a week's length. */
  x: number[];
  /** Epoch ms of each week's Monday, for labels. */
  weekStarts: number[];
  /**
   * Running time in minutes (walk breaks left out, the time the share in target is of): a week of
   * a few short runs still reads on a minutes axis.
   */
  minutes: Array<number | null>;
  /** Distance in the runner's unit. */
  distance: Array<number | null>;
  /** Cadence at matched pace, one column per band of `bands`, in the same order. */
  bandCadence: Array<Array<number | null>>;
  bands: number[];
  /** Lower edge of the plan's accepted target in force at each week's end; null before the first step. */
  planTarget: Array<number | null>;
  /** Share of zoned running time in the target zone, 0–100. */
  targetPercent: Array<number | null>;
}

const ran = (row: WeekRow): boolean => row.sessions > 0;

/** Columns for the three weeks charts. `bands` are the bands worth comparing (matchedBands). */
export function weeksChartColumns(
  rows: readonly WeekRow[],
  options: { bands: readonly number[]; unit: DistanceUnit; plan: PlanSettings },
): WeeksChartColumns {
  const { bands, unit, plan } = options;
  const hasPlan = plan.accepted.length > 0;
  return {
    x: rows.map((_, i) => i),
    weekStarts: rows.map((row) => row.weekStart),
    minutes: rows.map((row) => (ran(row) ? row.runningS / 60 : null)),
    distance: rows.map((row) => (ran(row) ? distanceIn(row.distanceM, unit) : null)),
    bandCadence: bands.map((band) => rows.map((row) => row.cadenceByBand[band] ?? null)),
    bands: [...bands],
    planTarget: rows.map((row) => (hasPlan ? (planTargetAt(plan, nextWeekStart(row.weekStart) - 1)?.targetFrom ?? null) : null)),
    targetPercent: rows.map((row) => (ran(row) && row.targetShare !== null ? row.targetShare * 100 : null)),
  };
}

/** Whether any week has a plan target: the plan line and its legend entry are drawn only then. */
export const hasPlanLine = (columns: WeeksChartColumns): boolean => columns.planTarget.some((v) => v !== null);
