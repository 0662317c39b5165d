import { expect } from '@open-wc/testing';
import uPlot from 'uplot';
import { liveChartOptions } from '../../src/charts/live-chart-options.js';
import { distanceTickSteps, paceTickSteps, ticksEvery, timeTickSteps } from '../../src/charts/round-ticks.js';
import { sessionChartOptions } from '../../src/charts/session-chart-options.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

/** Draws a real uPlot with these options over x from `from` to `to` and returns each axis's ticks and labels. */
async function drawnAxes(options: uPlot.Options, from: number, to: number, y: [number, number] = [170, 175]) {
  const target = document.createElement('div');
  document.body.append(target);
  const xs = [from, (from + to) / 2, to];
  const ys = [y[0], (y[0] + y[1]) / 2, y[1]];
  const series = options.series.slice(1).map(() => ys);
  const plot = new uPlot(options, [xs, ...series], target);
  try {
    // uPlot sets its scales and draws in a microtask after construction.
    await new Promise((resolve) => setTimeout(resolve));
    type DrawnAxis = { _splits: number[]; _values: string[] };
    return (plot.axes as unknown as DrawnAxis[]).map((a) => ({ splits: a._splits, values: a._values }));
  } finally {
    plot.destroy();
    target.remove();
  }
}

const unique = (labels: string[]) => new Set(labels).size === labels.length;
const increasing = (values: number[]) => values.every((v, i) => i === 0 || v > values[i - 1]!);

describe('round ticks', () => {
  it('lists time steps of whole seconds, round minutes and hours only', () => {
    expect(timeTickSteps).to.deep.equal([1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]);
    expect(paceTickSteps).to.deep.equal([30, 60, 120, 300]);
    expect(distanceTickSteps('km')).to.deep.equal([100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000]);
    expect(distanceTickSteps('mi').slice(0, 4)).to.deep.equal([160.9344, 321.8688, 804.672, 1609.344]);
  });

  it('puts ticks on whole multiples of the step, ends included, none below the floor', () => {
    expect(ticksEvery(300, 0, 1500)).to.deep.equal([0, 300, 600, 900, 1200, 1500]);
    expect(ticksEvery(60, 1201.5, 1500)).to.deep.equal([1260, 1320, 1380, 1440, 1500]);
    expect(ticksEvery(1, -1, 2, 0)).to.deep.equal([0, 1, 2]);
    expect(ticksEvery(30, 270, 420)).to.deep.equal([270, 300, 330, 360, 390, 420]);
    expect(ticksEvery(600, 0, 3599.9999999999)).to.deep.equal([0, 600, 1200, 1800, 2400, 3000, 3600]);
    expect(ticksEvery(0, 0, 10)).to.deep.equal([]);
  });

  describe('the live chart\'s time axis', () => {
    const options = () => liveChartOptions({ kind: 'cadence', width: 1200, height: 200, zones: () => defaultCadenceZones });
    const cases: Array<[number, number, number[], string[]]> = [
      [0, 2, [0, 1, 2], ['0:00', '0:01', '0:02']],
      [0, 5, [0, 1, 2, 3, 4, 5], ['0:00', '0:01', '0:02', '0:03', '0:04', '0:05']],
      [0, 60, [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60], ['0:00', '0:05', '0:10', '0:15', '0:20', '0:25', '0:30', '0:35', '0:40', '0:45', '0:50', '0:55', '1:00']],
      [0, 3 * 3600, Array.from({ length: 19 }, (_, i) => i * 600),
        ['0:00', '10:00', '20:00', '30:00', '40:00', '50:00', '1:00:00', '1:10:00', '1:20:00', '1:30:00', '1:40:00', '1:50:00',
          '2:00:00', '2:10:00', '2:20:00', '2:30:00', '2:40:00', '2:50:00', '3:00:00']],
    ];
    for (const [from, to, splits, values] of cases) {
      it(`ticks ${from}–${to} s at round steps with unique, increasing labels`, async () => {
        const [x] = await drawnAxes(options(), from, to);
        expect(x!.splits).to.deep.equal(splits);
        expect(x!.values).to.deep.equal(values);
        expect(unique(x!.values)).to.equal(true);
        expect(increasing(x!.splits)).to.equal(true);
      });
    }

    it('never repeats a label in the first second of a run, nor on a narrow phone', async () => {
      const narrow = liveChartOptions({ kind: 'stride', width: 340, height: 200, zones: () => defaultCadenceZones });
      for (const to of [0.4, 1, 2, 5, 60, 300, 3 * 3600]) {
        for (const o of [options(), narrow]) {
          const [x] = await drawnAxes(o, 0, to, [1, 1.2]);
          expect(unique(x!.values), `0–${to} s: ${x!.values.join(' ')}`).to.equal(true);
          expect(x!.splits.every((s) => Number.isInteger(s) && s >= 0)).to.equal(true);
        }
      }
    });
  });

  describe('the session charts', () => {
    const base = { width: 1200, height: 200, unit: 'km' as const, zones: () => defaultCadenceZones, syncKey: 'round-ticks', seriesLabels: ['Run'] };

    it('tick a 70 minute run at round minutes, not every 200 s', async () => {
      const [x] = await drawnAxes(sessionChartOptions({ ...base, kind: 'stride', x: 'time' }), 0, 4200, [1, 1.2]);
      expect(x!.splits).to.deep.equal([0, 300, 600, 900, 1200, 1500, 1800, 2100, 2400, 2700, 3000, 3300, 3600, 3900, 4200]);
      expect(x!.values.slice(0, 4)).to.deep.equal(['0:00', '5:00', '10:00', '15:00']);
      const [narrow] = await drawnAxes(sessionChartOptions({ ...base, width: 340, kind: 'stride', x: 'time' }), 0, 4200, [1, 1.2]);
      expect(narrow!.splits).to.deep.equal([0, 1800, 3600]);
      expect(narrow!.values).to.deep.equal(['0:00', '30:00', '1:00:00']);
    });

    it('tick pace at whole or half minutes', async () => {
      // Paces from 5:00 to 6:40 /km: the range is 4:30 to 7:00, ticked every half minute when
      // the chart is tall enough, every minute when not.
      const [, pace] = await drawnAxes(sessionChartOptions({ ...base, height: 300, kind: 'pace', x: 'time' }), 0, 4200, [300, 400]);
      expect(pace!.splits).to.deep.equal([270, 300, 330, 360, 390, 420]);
      expect(pace!.values).to.deep.equal(['4:30', '5:00', '5:30', '6:00', '6:30', '7:00']);
      const [, short] = await drawnAxes(sessionChartOptions({ ...base, kind: 'pace', x: 'time' }), 0, 4200, [300, 400]);
      expect(short!.splits).to.deep.equal([300, 360, 420]);
      expect(short!.values).to.deep.equal(['5:00', '6:00', '7:00']);
      // A wide range on a short chart: whole minutes or more.
      const [, tall] = await drawnAxes(sessionChartOptions({ ...base, height: 120, kind: 'pace', x: 'time' }), 0, 4200, [240, 880]);
      expect(tall!.splits.every((s) => s % 60 === 0)).to.equal(true);
      expect(tall!.splits.length).to.be.greaterThan(1);
    });

    it('tick distance at round tenths or wholes of the runner\'s unit, each label once', async () => {
      const [x] = await drawnAxes(sessionChartOptions({ ...base, kind: 'stride', x: 'distance' }), 0, 12270, [1, 1.2]);
      expect(x!.splits).to.deep.equal([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 11000, 12000]);
      expect(x!.values.slice(0, 3)).to.deep.equal(['0 km', '1 km', '2 km']);
      const [zoomed] = await drawnAxes(sessionChartOptions({ ...base, kind: 'stride', x: 'distance' }), 10000, 11000, [1, 1.2]);
      expect(zoomed!.values).to.deep.equal(['10.0 km', '10.1 km', '10.2 km', '10.3 km', '10.4 km', '10.5 km', '10.6 km', '10.7 km', '10.8 km', '10.9 km', '11.0 km']);
      const [miles] = await drawnAxes(sessionChartOptions({ ...base, unit: 'mi', kind: 'stride', x: 'distance' }), 0, 3 * 1609.344, [1, 1.2]);
      expect(unique(miles!.values)).to.equal(true);
      expect(miles!.values[0]).to.equal('0.0 mi');
      expect(miles!.values.at(-1)).to.equal('3.0 mi');
    });
  });
});
