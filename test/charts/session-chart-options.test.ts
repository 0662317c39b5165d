import { expect } from '@open-wc/testing';
import uPlot from 'uplot';
import { sessionChartOptions, syncedZoomPlugin, xValueLabel } from '../../src/charts/session-chart-options.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { themes, useTheme } from '../support/app-theme.js';

/** A series' line colour as drawn now: the options hold a function that reads the theme. */
const strokeOf = (series: uPlot.Series | undefined) => (series!.stroke as () => string)();

const base = {
  width: 600,
  height: 200,
  unit: 'km' as const,
  zones: () => defaultCadenceZones,
  syncKey: 'test-sync',
  seriesLabels: ['Tuesday tempo'],
};

describe('session chart options', () => {
  after(() => useTheme('dark'));

  it('zooms by dragging along x only, and syncs the cursor by a shared key', () => {
    const options = sessionChartOptions({ ...base, kind: 'cadence', x: 'time' });
    expect(options.cursor!.drag).to.deep.include({ x: true, y: false, setScale: true });
    expect(options.cursor!.sync!.key).to.equal('test-sync');
    expect(options.cursor!.sync!.scales).to.deep.equal(['x', null]);
    // A horizontal line on the synced charts would stand at the pointer's height, which means nothing there.
    expect(options.cursor!.y).to.equal(false);
  });

  it('draws zone bands on cadence only', () => {
    const cadence = sessionChartOptions({ ...base, kind: 'cadence', x: 'time' });
    const stride = sessionChartOptions({ ...base, kind: 'stride', x: 'time' });
    const bands = (o: uPlot.Options) => o.plugins!.filter((p) => p.hooks.drawClear).length;
    expect(bands(cadence)).to.equal(1);
    expect(bands(stride)).to.equal(0);
    expect(stride.plugins!.some((p) => p.hooks.setScale)).to.equal(true);
  });

  it('has one series per session, named, the second dashed and of another colour in either theme', async () => {
    const options = sessionChartOptions({ ...base, kind: 'stride', x: 'distance', seriesLabels: ['Monday', 'Friday'] });
    expect(options.series.map((s) => s.label)).to.deep.equal(['Distance', 'Monday', 'Friday']);
    expect(options.series[1]!.dash).to.equal(undefined);
    expect(options.series[2]!.dash).to.deep.equal([6, 4]);
    for (const theme of themes) {
      await useTheme(theme);
      expect(strokeOf(options.series[1]), theme).to.not.equal(strokeOf(options.series[2]));
    }
  });

  it('draws pace with faster higher, and labels its axis as min:ss', () => {
    const options = sessionChartOptions({ ...base, kind: 'pace', x: 'time' });
    expect(options.scales!['y']!.dir).to.equal(-1);
    const values = options.axes![1]!.values as (u: unknown, splits: number[]) => string[];
    expect(values(null, [300, 330])).to.deep.equal(['5:00', '5:30']);
    const range = options.scales!['y']!.range as (u: unknown, min: number, max: number) => [number, number];
    expect(range(null, 290, 2000)).to.deep.equal([270, 900]);
  });

  it('draws the belt pace as a second, dashed line beside one session\'s pace, and never when comparing', async () => {
    const one = sessionChartOptions({ ...base, kind: 'pace', x: 'time', belt: true });
    expect(one.series.map((s) => s.label)).to.deep.equal(['Elapsed', 'Tuesday tempo', 'Treadmill belt']);
    expect(one.series[1]!.dash).to.equal(undefined);
    expect(one.series[2]!.dash).to.deep.equal([6, 4]);
    for (const theme of themes) {
      await useTheme(theme);
      expect(strokeOf(one.series[2]), theme).to.not.equal(strokeOf(one.series[1]));
    }
    expect(sessionChartOptions({ ...base, kind: 'pace', x: 'time', belt: true, seriesLabels: ['A', 'B'] }).series).to.have.length(3);
    expect(sessionChartOptions({ ...base, kind: 'cadence', x: 'time', belt: true }).series).to.have.length(2);
  });

  it('gives heart rate and incline their units and a range with room around the line', () => {
    const heart = sessionChartOptions({ ...base, kind: 'heart-rate', x: 'time' });
    const value = heart.series[1]!.value as (u: unknown, v: number | null) => string;
    expect(value(null, 151.6)).to.equal('152 bpm');
    const heartRange = heart.scales!['y']!.range as (u: unknown, min: number, max: number) => [number, number];
    expect(heartRange(null, 128, 171)).to.deep.equal([120, 180]);
    const incline = sessionChartOptions({ ...base, kind: 'incline', x: 'time' });
    expect((incline.series[1]!.value as (u: unknown, v: number | null) => string)(null, 1.5)).to.equal('1.5 %');
    const inclineRange = incline.scales!['y']!.range as (u: unknown, min: number, max: number) => [number, number];
    expect(inclineRange(null, 0, 0)).to.deep.equal([0, 3]);
    expect(inclineRange(null, 1.5, 8)).to.deep.equal([0, 9]);
    expect(inclineRange(null, -2.5, 1)).to.deep.equal([-4, 3]);
  });

  it('labels x as elapsed time or as distance in the runner\'s unit', () => {
    expect(xValueLabel(3725, 'time', 'km')).to.equal('1:02:05');
    expect(xValueLabel(2500, 'distance', 'km')).to.equal('2.5 km');
    expect(xValueLabel(16093.44, 'distance', 'mi')).to.equal('10 mi');
  });

  it('zooming one chart zooms the others with the same key, and no others', async () => {
    const make = (key: string) => {
      const target = document.createElement('div');
      document.body.append(target);
      const plot = new uPlot({
        width: 300, height: 100, scales: { x: { time: false } }, series: [{}, {}],
        cursor: { sync: { key } }, plugins: [syncedZoomPlugin(key)],
      }, [[0, 10, 20, 30], [1, 2, 3, 4]], target);
      return { plot, target };
    };
    const a = make('zoom-a');
    const b = make('zoom-a');
    const other = make('zoom-b');
    try {
      // uPlot sets its scales in a microtask after construction.
      await new Promise((resolve) => setTimeout(resolve));
      a.plot.setScale('x', { min: 5, max: 15 });
      await new Promise((resolve) => setTimeout(resolve));
      expect([b.plot.scales.x!.min, b.plot.scales.x!.max]).to.deep.equal([5, 15]);
      expect([other.plot.scales.x!.min, other.plot.scales.x!.max]).to.deep.equal([0, 30]);
      b.plot.setScale('x', { min: 0, max: 30 });
      await new Promise((resolve) => setTimeout(resolve));
      expect([a.plot.scales.x!.min, a.plot.scales.x!.max]).to.deep.equal([0, 30]);
    } finally {
      for (const { plot, target } of [a, b, other]) {
        plot.destroy();
        target.remove();
      }
    }
  });
});
