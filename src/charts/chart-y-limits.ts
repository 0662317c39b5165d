// The y limits of a recorded run's chart, fitted to its running rows (robust-limits.ts). On the
// compare page both runs go in together, so their lines share one scale and can be read against
// each other.

import type { DistanceUnit } from '../session/units.js';
import type { CadenceZones } from '../session/zones.js';
import { type SessionChartData, type SessionChartKind, beltPaceValues, chartValues } from './chart-data.js';
import { type AxisLimits, type LimitRules, robustLimits } from './robust-limits.js';

/**
 * The share of a session's rows that must be running for its axis to fit the running alone.
 * A run with a warm-up walk is fitted to the run; a walk in which the pod called a few seconds
 * running (a kerb, a jog across a road) is fitted to the walk, which is what was done. A share,
 * not a number of minutes: three minutes of jogging in a three-hour hike do not make it a run.
 * A run-walk below the share is fitted to both, which the outlier fences keep in view together.
 */
const RUNNING_SHARE = 0.2;

/** Room kept beyond the target zone, so the bands on either side of it show too. */
const ZONE_MARGIN = 5;

/** Per chart: ticks the axis counts in, room around the line, the least height. Incline keeps its own range. */
export function limitRules(kind: Exclude<SessionChartKind, 'incline'>, zones: CadenceZones): LimitRules {
  switch (kind) {
    case 'cadence':
      return { step: 5, pad: 3, minSpan: 20, minSpread: 2, keep: [zones.targetFrom - ZONE_MARGIN, zones.targetTo + ZONE_MARGIN], floor: 0 };
    case 'stride':
      return { step: 0.1, pad: 0.05, minSpan: 0.4, minSpread: 0.03, floor: 0 };
    case 'pace':
      return { step: 30, pad: 10, minSpan: 60, minSpread: 5, floor: 0 };
    case 'heart-rate':
      return { step: 10, pad: 5, minSpan: 30, minSpread: 3, floor: 0 };
    case 'power':
      return { step: 10, pad: 10, minSpan: 50, minSpread: 5, floor: 0 };
  }
}

/**
 * Limits for a chart of `kind` over every session drawn (and the belt's pace beside a pod's):
 * from the running rows of a session that is mostly running (RUNNING_SHARE), or from all its
 * rows (pauses and lost links are not rows) when running is a small part of it or none is
 * marked running (a file that says nothing of it). Null for incline, and when there is nothing
 * to draw.
 */
export function chartYLimits(
  series: readonly SessionChartData[],
  kind: SessionChartKind,
  unit: DistanceUnit,
  zones: CadenceZones,
  belt = false,
): AxisLimits | null {
  if (kind === 'incline') return null;
  const values: number[] = [];
  for (const data of series) {
    const columns = [chartValues(data, kind, unit)];
    if (belt && kind === 'pace') columns.push(beltPaceValues(data, unit));
    const fitRunning = fitsRunningRows(data);
    for (const column of columns) {
      column.forEach((v, i) => {
        if (v !== null && Number.isFinite(v) && (data.running[i] || !fitRunning)) values.push(v);
      });
    }
  }
  return robustLimits(values, limitRules(kind, zones));
}

/** Whether running is a large enough part of the session for its axis to fit the running rows alone. */
function fitsRunningRows(data: SessionChartData): boolean {
  const rows = data.t.filter((t) => t !== null).length;
  const running = data.running.filter(Boolean).length;
  return running > 0 && running >= RUNNING_SHARE * rows;
}
