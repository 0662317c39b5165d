// The running-time axis of the Weeks chart as uPlot draws it, over generated weeks: whatever a
// runner ran (a 14 s try-out, a 20 h month), it has ticks that read, not a lone "0 h".
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import uPlot from 'uplot';
import { fallbackWeeksChartColors } from '../../src/charts/weeks-chart-colors.js';
import { weeksChartColumns } from '../../src/charts/weeks-chart-data.js';
import { weeksChartData, weeksChartOptions } from '../../src/charts/weeks-chart-options.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { weekRow } from '../support/week-rows.js';
import { invariantRuns } from '../support/invariant-runs.js';

/** uPlot keeps the labels it drew on the axis (`_values`); nothing else says what the canvas shows. */
type DrawnAxis = uPlot.Axis & { _values?: string[] | null; _splits?: number[] | null };

async function drawnTimeAxis(movingS: Array<number | null>, width: number) {
  const rows = movingS.map((s, i) => weekRow(i, s === null ? {} : { sessions: 1, movingS: s, runningS: s, distanceM: s * 3 }));
  const columns = weeksChartColumns(rows, { bands: [], unit: 'km', plan: defaultPlanSettings });
  const options = weeksChartOptions({
    kind: 'volume', columns, width, height: 180, unit: 'km', colors: fallbackWeeksChartColors, bandLabels: [],
    zones: () => defaultCadenceZones, proposal: null, syncKey: 'axis-test', onWeek: () => undefined,
  });
  const host = document.createElement('div');
  document.body.append(host);
  const plot = new uPlot(options, weeksChartData('volume', columns), host);
  // uPlot draws on a microtask after it is made.
  await new Promise((resolve) => setTimeout(resolve));
  const axis = plot.axes[1] as DrawnAxis;
  const drawn = { labels: [...(axis._values ?? [])], splits: [...(axis._splits ?? [])], max: plot.scales[axis.scale!]!.max! };
  plot.destroy();
  host.remove();
  return drawn;
}

describe('weeks chart: the running-time axis', () => {
  it('has two or more distinct ticks in minutes or hours over the bars, whatever the weeks held', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 72_000 })), { nil: null }), { minLength: 1, maxLength: 26 }),
        fc.constantFrom(358, 600, 1200),
        async (movingS, width) => {
          const { labels, splits, max } = await drawnTimeAxis(movingS, width);
          expect(labels.length, labels.join(' | ')).to.be.at.least(2);
          expect(new Set(labels).size, labels.join(' | ')).to.equal(labels.length);
          for (const label of labels) expect(label).to.match(/^(0|\d+(\.\d+)? (min|h))$/);
          expect(splits[0]).to.equal(0);
          // The tallest bar fits under the top of the axis.
          expect(max * 60).to.be.at.least(Math.max(0, ...movingS.map((s) => s ?? 0)));
        },
      ),
      { numRuns: invariantRuns(100) },
    );
  });

  it('a week of one 14 s run reads in minutes', async () => {
    const { labels } = await drawnTimeAxis([null, null, 14], 358);
    expect(labels[0]).to.equal('0');
    expect(labels.slice(1).every((l) => l.endsWith(' min'))).to.equal(true);
  });
});
