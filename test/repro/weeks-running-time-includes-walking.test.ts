// Repro: the Weeks page's "Running time" bars are each week's moving time, walk breaks included,
// while the same page's "Share of running time in the target zone" and the "In target zone" column
// count running seconds only (walking left out). For a run/walk week the page says 60 min of
// running time, 30:00 of it in the target zone, and 100 % of running time in the target zone.
// Expected (independent): the week holds one session of 30 min running at 172 steps/min (inside
// 170-180) and 30 min walking: running time 30 min, 30 min in target, 100 %. The bar must read 30.
import { expect } from '@open-wc/testing';
import { weeksChartColumns } from '../../src/charts/weeks-chart-data.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import { weeklyTrends } from '../../src/session/weekly-trends.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { summary } from '../support/session-summaries.js';

describe('repro: running time of a run/walk week', () => {
  it('the running-time bar counts the running the share is of, not the walk breaks', () => {
    const at = new Date(2026, 2, 31, 7).getTime();
    const runWalk = summary(at, {
      movingS: 3600,
      elapsedS: 3600,
      distanceM: 8000,
      avgCadence: 172,
      zoneTimes: { low: 1800, building: 0, target: 1800, high: 0 }, // walking at ~115 is 'low'
      runningCadence: { 172: 1800 },
      bands: [[6, 1800, 172]],
    });
    const [row] = weeklyTrends([runWalk], { weeks: 1, now: new Date(2026, 3, 1, 12).getTime(), zones: defaultCadenceZones });
    expect(row!.targetZoneS).to.equal(1800);
    expect(row!.targetShare).to.equal(1);
    const columns = weeksChartColumns([row!], { bands: [6], unit: 'km', plan: defaultPlanSettings });
    // Actual: 60 min of "Running time"; expected 30 (targetZoneS / targetShare / 60).
    expect(columns.minutes[0]).to.equal(row!.targetZoneS / row!.targetShare! / 60);
  });
});
