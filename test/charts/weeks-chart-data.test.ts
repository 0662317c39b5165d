import { expect } from '@open-wc/testing';
import uPlot from 'uplot';
import { fallbackWeeksChartColors, weeksChartColors } from '../../src/charts/weeks-chart-colors.js';
import { hasPlanLine, weeksChartColumns } from '../../src/charts/weeks-chart-data.js';
import {
  type WeeksChartConfig,
  cadenceRange,
  planLabel,
  weekAxisLabel,
  weeksChartData,
  weeksChartOptions,
} from '../../src/charts/weeks-chart-options.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import type { WeekRow } from '../../src/session/weekly-trends.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { monday, weekRow } from '../support/week-rows.js';

const DAY = 24 * 3600 * 1000;

// Week 0: two runs with walk breaks; week 1: none (a gap, not a zero); week 2: one run, band 7
// under a minute (null); week 3: a run with no zone time.
const rows: WeekRow[] = [
  weekRow(0, { sessions: 2, distanceM: 9000, movingS: 6000, runningS: 5400, targetShare: 0.25, cadenceByBand: { 6: 164, 7: 170 } }),
  weekRow(1),
  weekRow(2, { sessions: 1, distanceM: 5000, movingS: 1800, runningS: 1800, targetShare: 0, cadenceByBand: { 6: 168, 7: null } }),
  weekRow(3, { sessions: 1, distanceM: 1609.344, movingS: 900, runningS: 900, targetShare: null, cadenceByBand: { 6: 171.5, 7: 174 } }),
];

describe('weeks chart data', () => {
  it('turns weeks into columns, a week without runs a gap (null) in every chart', () => {
    const c = weeksChartColumns(rows, { bands: [6, 7], unit: 'km', plan: defaultPlanSettings });
    expect(c.x).to.deep.equal([0, 1, 2, 3]);
    expect(c.weekStarts).to.deep.equal([monday(0), monday(1), monday(2), monday(3)]);
    // Running time, walk breaks left out: 90 min of week 0's 100 moving.
    expect(c.minutes).to.deep.equal([90, null, 30, 15]);
    expect(c.distance).to.deep.equal([9, null, 5, 1.609344]);
    expect(c.bands).to.deep.equal([6, 7]);
    expect(c.bandCadence).to.deep.equal([
      [164, null, 168, 171.5],
      [170, null, null, 174],
    ]);
    // 0 % is a week of running outside the zone; no zone time at all is a gap.
    expect(c.targetPercent).to.deep.equal([25, null, 0, null]);
    expect(c.planTarget).to.deep.equal([null, null, null, null]);
    expect(hasPlanLine(c)).to.equal(false);
  });

  it('gives distance in miles for a runner who uses miles', () => {
    const c = weeksChartColumns(rows, { bands: [], unit: 'mi', plan: defaultPlanSettings });
    expect(c.distance[3]).to.be.closeTo(1, 1e-12);
    expect(c.bandCadence).to.deep.equal([]);
  });

  it('marks the plan target in force at the end of each week, from its first accepted step', () => {
    const plan = {
      ...defaultPlanSettings,
      accepted: [
        { targetFrom: 166, targetTo: 176, atMs: monday(1) + 2 * DAY },
        { targetFrom: 170, targetTo: 180, atMs: monday(3) + 6 * DAY },
      ],
    };
    const c = weeksChartColumns(rows, { bands: [6], unit: 'km', plan });
    expect(c.planTarget).to.deep.equal([null, 166, 166, 170]);
    expect(hasPlanLine(c)).to.equal(true);
    expect(weeksChartData('cadence', c)).to.deep.equal([c.x, c.bandCadence[0], c.planTarget]);
  });

  it('puts the right columns in each chart', () => {
    const c = weeksChartColumns(rows, { bands: [6, 7], unit: 'km', plan: defaultPlanSettings });
    expect(weeksChartData('volume', c)).to.deep.equal([[0, 1, 2, 3], [90, null, 30, 15], [9, null, 5, 1.609344]]);
    expect(weeksChartData('share', c)).to.deep.equal([[0, 1, 2, 3], [25, null, 0, null]]);
    expect(weeksChartData('cadence', c)).to.deep.equal([[0, 1, 2, 3], [164, null, 168, 171.5], [170, null, null, 174]]);
  });
});

describe('weeks chart options', () => {
  const columns = weeksChartColumns(rows, { bands: [6, 7], unit: 'km', plan: defaultPlanSettings });
  const config = (more: Partial<WeeksChartConfig> = {}): WeeksChartConfig => ({
    kind: 'volume',
    columns,
    width: 390,
    height: 180,
    unit: 'km',
    colors: fallbackWeeksChartColors,
    bandLabels: ['slow', 'fast'],
    zones: () => defaultCadenceZones,
    proposal: null,
    syncKey: 'weeks-test',
    onWeek: () => undefined,
    ...more,
  });

  it('draws time and distance as side-by-side bars on their own axes', () => {
    const o = weeksChartOptions(config());
    expect(o.series.map((s) => s.label)).to.deep.equal(['Week', 'Running time', 'Distance (km)']);
    expect(o.series.map((s) => s.scale)).to.deep.equal([undefined, 't', 'd']);
    expect(typeof o.series[1]!.paths).to.equal('function');
    expect(o.axes!.map((a) => a.scale)).to.deep.equal([undefined, 't', 'd']);
    expect(o.axes![2]!.side).to.equal(1);
    expect(o.cursor!.sync!.key).to.equal('weeks-test');
  });

  it('labels weeks by their Monday, at whole weeks only, running time in minutes or hours, and percent at round values', () => {
    const o = weeksChartOptions(config());
    const values = o.axes![0]!.values as (u: uPlot, splits: number[]) => string[];
    expect(values(null as unknown as uPlot, [0, 0.5, 2, 9])).to.deep.equal([weekAxisLabel(monday(0)), '', weekAxisLabel(monday(2)), '']);
    expect(weekAxisLabel(monday(2))).to.match(/17/);
    const time = o.axes![1]!.values as (u: uPlot, splits: number[], axis: number, space: number, step: number) => string[];
    expect(time(null as unknown as uPlot, [0, 15, 30, 45], 1, 30, 15)).to.deep.equal(['0', '15 min', '30 min', '45 min']);
    expect(time(null as unknown as uPlot, [0, 60, 120], 1, 30, 60)).to.deep.equal(['0', '1 h', '2 h']);
    const share = weeksChartOptions(config({ kind: 'share' }));
    expect(share.scales!.y!.range).to.deep.equal([0, 100]);
    expect((share.axes![1]!.values as (u: uPlot, s: number[]) => string[])(null as unknown as uPlot, [0, 50, 100])).to.deep.equal(['0%', '50%', '100%']);
  });

  it('draws one line per pace band, differing by dash too, over the shaded target zone; the plan line only with a plan', () => {
    const o = weeksChartOptions(config({ kind: 'cadence' }));
    expect(o.series.map((s) => s.label)).to.deep.equal(['Week', 'slow', 'fast']);
    expect(o.series[1]!.dash).to.equal(undefined);
    expect(o.series[2]!.dash).to.deep.equal([8, 4]);
    expect(o.series[1]!.stroke).to.not.equal(o.series[2]!.stroke);
    expect(o.plugins!.filter((p) => p.hooks.drawClear)).to.have.length(1);
    expect(o.plugins!.filter((p) => p.hooks.draw), 'no proposal, no proposal line').to.have.length(0);

    const plan = { ...defaultPlanSettings, accepted: [{ targetFrom: 166, targetTo: 176, atMs: monday(0) }] };
    const withPlan = weeksChartOptions(
      config({ kind: 'cadence', columns: weeksChartColumns(rows, { bands: [6, 7], unit: 'km', plan }), proposal: { targetFrom: 174, targetTo: 184 } }),
    );
    expect(withPlan.series.map((s) => s.label)).to.deep.equal(['Week', 'slow', 'fast', planLabel]);
    expect(withPlan.series[3]!.dash).to.deep.equal([6, 4]);
    expect(withPlan.plugins!.filter((p) => p.hooks.draw)).to.have.length(1);
  });

  it('ranges cadence over the lines, the target zone and a proposed step, in fives', () => {
    expect(cadenceRange([164, null, 171.5], defaultCadenceZones, null)).to.deep.equal([160, 185]);
    expect(cadenceRange([null], defaultCadenceZones, null)).to.deep.equal([165, 185]);
    expect(cadenceRange([150], defaultCadenceZones, { targetFrom: 176, targetTo: 186 })).to.deep.equal([145, 190]);
  });

  it('reports the week under the cursor, and null when it leaves', () => {
    const weeks: Array<number | null> = [];
    const o = weeksChartOptions(config({ onWeek: (i) => weeks.push(i) }));
    const hook = (o.hooks!.setCursor as Array<(u: uPlot) => void>)[0]!;
    hook({ cursor: { idx: 2 } } as unknown as uPlot);
    hook({ cursor: { idx: null } } as unknown as uPlot);
    expect(weeks).to.deep.equal([2, null]);
  });

  it('reads its colours from custom properties, with today\'s colours where one is not set', () => {
    const colors = weeksChartColors((name) => (name === '--zone-target' ? ' #00aa00 ' : name === '--series-second' ? 'red' : ''));
    expect(colors.target).to.equal('#00aa00');
    expect(colors.bands[1]).to.equal('red');
    expect(colors.bands[0]).to.equal(fallbackWeeksChartColors.bands[0]);
    expect(colors.time).to.equal(fallbackWeeksChartColors.time);
  });
});
