import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { type SessionChartKind, chartDataWithGaps, chartValues } from '../../src/charts/chart-data.js';
import { chartYLimits, limitRules } from '../../src/charts/chart-y-limits.js';
import type { AxisLimits } from '../../src/charts/robust-limits.js';
import type { RecordedSample } from '../../src/session/recorded-session.js';
import { type CadenceZones, defaultCadenceZones } from '../../src/session/zones.js';
import { chartRun, chartRunPlans, columnsOf, outlierPlans, walkRun, walkRunPlans, withOutliers } from '../support/generated-chart-runs.js';
import { invariantRuns } from '../support/invariant-runs.js';

type Kind = Exclude<SessionChartKind, 'incline' | 'heart-rate'>;
const kinds: readonly Kind[] = ['cadence', 'stride', 'pace'];

const rows = (samples: readonly RecordedSample[]) => chartDataWithGaps(columnsOf(samples), [], 'time');
const limitsOf = (samples: readonly RecordedSample[], kind: Kind, zones: CadenceZones = defaultCadenceZones) =>
  chartYLimits([rows(samples)], kind, 'km', zones)!;

const zonesArb = fc
  .record({ buildingFrom: fc.integer({ min: 120, max: 180 }), gap: fc.integer({ min: 1, max: 20 }), width: fc.integer({ min: 2, max: 25 }) })
  .map(({ buildingFrom, gap, width }): CadenceZones => ({ buildingFrom, targetFrom: buildingFrom + gap, targetTo: buildingFrom + gap + width }));

const moved = (a: AxisLimits, b: AxisLimits) => Math.max(Math.abs(a.min - b.min), Math.abs(a.max - b.max));

describe('chart y limits of generated runs', () => {
  it('fits an imported run\'s cadence, stride and pace, not its bad records', () => {
    const plan = { stretches: [{ seconds: 1200, cadence: 166, speedMps: 3, noise: 2 }], walkS: 120, seed: 7 };
    const run = withOutliers(chartRun(plan), [
      { kind: 'cadence-zero', at: 0.1 }, { kind: 'cadence-250', at: 0.2 }, { kind: 'stride-12m', at: 0.3 },
      { kind: 'standing-pace', at: 0.4 }, { kind: 'speed-spike', at: 0.5 },
    ]);
    expect(limitsOf(run, 'cadence')).to.deep.equal({ min: 155, max: 185 });
    expect(limitsOf(run, 'stride')).to.deep.equal({ min: 0.8, max: 1.3 });
    // 3 m/s ± 2 % is 5:33 ± 0:07 /km; the axis runs 5:00 to 6:30, not 0:17 to 32:40.
    expect(limitsOf(run, 'pace')).to.deep.equal({ min: 300, max: 390 });
  });

  it('fits two compared runs together, so both lines share one scale', () => {
    const easy = rows(chartRun({ stretches: [{ seconds: 900, cadence: 160, speedMps: 2.6, noise: 1 }], walkS: 0, seed: 1 }));
    const fast = rows(chartRun({ stretches: [{ seconds: 900, cadence: 184, speedMps: 4, noise: 1 }], walkS: 0, seed: 2 }));
    const both = chartYLimits([easy, fast], 'cadence', 'km', defaultCadenceZones)!;
    expect(both.min).to.be.at.most(155);
    expect(both.max).to.be.at.least(185);
  });

  it('adding a handful of outliers never moves the limits by more than a tick', () => {
    fc.assert(
      fc.property(chartRunPlans, outlierPlans, fc.constantFrom(...kinds), (plan, bad, kind) => {
        const run = chartRun(plan);
        const clean = limitsOf(run, kind);
        const spoilt = limitsOf(withOutliers(run, bad), kind);
        expect(moved(clean, spoilt), `${kind}: ${JSON.stringify(clean)} → ${JSON.stringify(spoilt)}`).to.be.at.most(limitRules(kind, defaultCadenceZones).step + 1e-9);
      }),
      { numRuns: invariantRuns(60) },
    );
  });

  it('the limits hold at least 98 % of the running samples, outliers or not', () => {
    fc.assert(
      fc.property(chartRunPlans, fc.option(outlierPlans), fc.constantFrom(...kinds), (plan, bad, kind) => {
        const data = rows(bad ? withOutliers(chartRun(plan), bad) : chartRun(plan));
        const limits = chartYLimits([data], kind, 'km', defaultCadenceZones)!;
        const values = chartValues(data, kind, 'km').filter((v, i): v is number => data.running[i]! && v !== null);
        const held = values.filter((v) => v >= limits.min && v <= limits.max).length;
        expect(held, `${kind}: ${held} of ${values.length} in ${JSON.stringify(limits)}`).to.be.at.least(0.98 * values.length);
      }),
      { numRuns: invariantRuns(60) },
    );
  });

  it('a walk with a few seconds flagged running keeps at least 98 % of the walk in view', () => {
    fc.assert(
      fc.property(walkRunPlans, fc.constantFrom(...kinds), (plan, kind) => {
        const data = rows(walkRun(plan));
        const limits = chartYLimits([data], kind, 'km', defaultCadenceZones)!;
        const values = chartValues(data, kind, 'km').filter((v): v is number => v !== null);
        const held = values.filter((v) => v >= limits.min && v <= limits.max).length;
        expect(held, `${kind}: ${held} of ${values.length} in ${JSON.stringify(limits)}`).to.be.at.least(0.98 * values.length);
      }),
      { numRuns: invariantRuns(60) },
    );
  });

  it('a 30-minute walk with 5 seconds flagged running is fitted to the walk, as with none', () => {
    const walk = (runningS: number) =>
      rows(walkRun({ walkS: 1800, walkCadence: 118, walkSpeedMps: 1.5, runningShare: runningS / 1800, jogsAt: [1 / 3], jogCadence: 150, jogSpeedMps: 2.2, seed: 3 }));
    // 116-120 steps/min and 10:25-11:54 /km stay in view, not an axis of 145-185 fitted to 5 seconds.
    for (const kind of ['cadence', 'pace'] as const) {
      const limits = chartYLimits([walk(5)], kind, 'km', defaultCadenceZones)!;
      const values = chartValues(walk(5), kind, 'km').filter((v): v is number => v !== null);
      expect(values.filter((v) => v >= limits.min && v <= limits.max).length, `${kind}: ${JSON.stringify(limits)}`).to.be.at.least(0.98 * values.length);
    }
    expect(chartYLimits([walk(5)], 'cadence', 'km', defaultCadenceZones)!.min).to.be.at.most(110);
  });

  it('the cadence chart always shows the target zone, whatever the runner ran', () => {
    fc.assert(
      fc.property(chartRunPlans, fc.option(outlierPlans), zonesArb, (plan, bad, zones) => {
        const run = bad ? withOutliers(chartRun(plan), bad) : chartRun(plan);
        const limits = limitsOf(run, 'cadence', zones);
        expect(limits.min, JSON.stringify({ limits, zones })).to.be.at.most(zones.targetFrom);
        expect(limits.max, JSON.stringify({ limits, zones })).to.be.at.least(zones.targetTo);
      }),
      { numRuns: invariantRuns(60) },
    );
    fc.assert(
      fc.property(walkRunPlans, zonesArb, (plan, zones) => {
        const limits = limitsOf(walkRun(plan), 'cadence', zones);
        expect(limits.min, JSON.stringify({ limits, zones })).to.be.at.most(zones.targetFrom);
        expect(limits.max, JSON.stringify({ limits, zones })).to.be.at.least(zones.targetTo);
      }),
      { numRuns: invariantRuns(30) },
    );
  });

  it('never inverts or collapses, even for a run at one constant cadence, stride and speed', () => {
    const constantRun = fc
      .record({ cadence: fc.integer({ min: 1, max: 250 }), speedMps: fc.double({ min: 0.5, max: 8, noNaN: true }), seconds: fc.integer({ min: 1, max: 400 }) })
      .map(({ cadence, speedMps, seconds }) => chartRun({ stretches: [{ seconds, cadence, speedMps, noise: 0 }], walkS: 0, seed: 1 }));
    fc.assert(
      fc.property(fc.oneof(constantRun, chartRunPlans.map(chartRun), walkRunPlans.map(walkRun)), fc.constantFrom(...kinds), (run, kind) => {
        const limits = limitsOf(run, kind);
        const { minSpan } = limitRules(kind, defaultCadenceZones);
        expect(limits.max - limits.min, `${kind}: ${JSON.stringify(limits)}`).to.be.at.least(minSpan - 1e-9);
        expect(limits.min).to.be.at.least(0);
      }),
      { numRuns: invariantRuns(60) },
    );
  });

  it('has no limits for incline (its own range) or a chart with nothing to draw', () => {
    const data = rows(chartRun({ stretches: [{ seconds: 60, cadence: 170, speedMps: 3, noise: 0 }], walkS: 0, seed: 1 }));
    expect(chartYLimits([data], 'incline', 'km', defaultCadenceZones)).to.equal(null);
    expect(chartYLimits([data], 'heart-rate', 'km', defaultCadenceZones)).to.equal(null);
    expect(chartYLimits([], 'cadence', 'km', defaultCadenceZones)).to.equal(null);
  });
});
