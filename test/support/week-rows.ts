import type { WeekRow } from '../../src/session/weekly-trends.js';

/** The Monday `i` weeks after 3 March 2025 (local time), as weekly rows start. */
export const monday = (i: number): number => new Date(2025, 2, 3 + 7 * i).getTime();

/** Week `i` as weeklyTrends gives it: no runs unless `values` say otherwise. */
export function weekRow(i: number, values: Partial<WeekRow> = {}): WeekRow {
  return {
    weekStart: monday(i),
    sessions: 0,
    distanceM: 0,
    movingS: 0,
    runningS: 0,
    avgCadence: null,
    targetZoneS: 0,
    targetShare: null,
    estimatedRuns: 0,
    cadenceByBand: { 6: null, 7: null },
    towardTarget: null,
    ...values,
  };
}
