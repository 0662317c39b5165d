import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/stride-live-chart.js';
import type { StrideLiveChart } from '../../src/components/stride-live-chart.js';
import { zoneColor } from '../../src/charts/zone-colors.js';
import { SampleColumns } from '../../src/session/sample-columns.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { lineDrawnAt } from '../support/line-drawn.js';
import { appTheme, useTheme } from '../support/app-theme.js';

function run(seconds: number): SampleColumns {
  const samples = new SampleColumns();
  for (let t = 0; t < seconds; t++) {
    samples.push({ t, speedMps: 3, cadence: 172 + (t % 3), strideLengthM: 1.05, distanceM: 3 * t });
  }
  return samples;
}

const hex = (color: string) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));

describe('stride-live-chart', () => {
  before(() => appTheme);
  after(() => useTheme('dark'));

  it('shows the last 5 minutes by default and the whole run when asked', async () => {
    const samples = run(3 * 3600);
    const el = await fixture<StrideLiveChart>(html`<stride-live-chart style="width:600px" .samples=${samples} .revision=${samples.length}></stride-live-chart>`);
    expect(el.plot!.data[0]!.length).to.equal(301);
    expect(el.plot!.data[0]![0]).to.equal(3 * 3600 - 1 - 300);
    el.windowS = 0;
    await waitUntil(() => el.plot!.data[0]![0] === 0 && el.plot!.data[0]!.length < 3 * 3600, 'the whole run, decimated');
    // The whole run, drawn from the lowest and highest sample per pixel-wide bucket.
    const [xs, ys] = el.plot!.data as [Float64Array, Float64Array];
    expect(xs[0]).to.equal(0);
    expect(xs[xs.length - 1]).to.be.within(3 * 3600 - 17, 3 * 3600 - 1);
    expect(xs.length).to.be.below(2 * el.plot!.bbox.width + 2);
    expect([Math.min(...ys), Math.max(...ys)]).to.deep.equal([172, 174]);
  });

  it('follows new samples when the revision changes', async () => {
    const samples = run(10);
    const el = await fixture<StrideLiveChart>(html`<stride-live-chart .samples=${samples} .revision=${samples.length}></stride-live-chart>`);
    samples.push({ t: 10, speedMps: 3, cadence: 190, strideLengthM: 1, distanceM: 30 });
    el.revision = samples.length;
    await el.updateComplete;
    expect(el.plot!.data[1]!.length).to.equal(11);
    expect(el.plot!.data[1]![10]).to.equal(190);
  });

  it('paints the target zone band behind the cadence line', async () => {
    const samples = run(60);
    const el = await fixture<StrideLiveChart>(html`<stride-live-chart style="width:600px" .samples=${samples} .revision=${samples.length} .zones=${defaultCadenceZones}></stride-live-chart>`);
    const plot = el.plot!;
    const canvas = plot.ctx.canvas;
    const x = Math.round(plot.bbox.left + 4);
    const pixel = (cadence: number) => Array.from(plot.ctx.getImageData(x, Math.round(plot.valToPos(cadence, 'y', true)), 1, 1).data);
    const target = pixel(177);
    const low = pixel(150);
    expect(canvas.width).to.be.greaterThan(0);
    // The band is translucent, so compare which channel dominates: green for target, blue for low.
    const [tr, tg, tb] = target;
    expect(tg!).to.be.greaterThan(tr!);
    expect(tg!).to.be.greaterThan(tb!);
    expect(low[2]!).to.be.greaterThan(low[0]!);
    expect(hex(zoneColor('target'))[1]).to.be.greaterThan(hex(zoneColor('target'))[0]!);
  });

  it('redraws its zone bands and lines in the new colours when the theme changes', async () => {
    await useTheme('dark');
    const samples = run(60);
    const el = await fixture<StrideLiveChart>(html`<stride-live-chart style="width:600px" .samples=${samples} .revision=${samples.length} .zones=${defaultCadenceZones}></stride-live-chart>`);
    const plot = el.plot!;
    const x = Math.round(plot.bbox.left + 4);
    const pixel = () => Array.from(plot.ctx.getImageData(x, Math.round(plot.valToPos(177, 'y', true)), 1, 1).data).join(',');
    const dark = pixel();
    await useTheme('light');
    await waitUntil(() => pixel() !== dark, 'band repainted in the light theme');
    await useTheme('dark');
    await waitUntil(() => pixel() === dark, 'and back');
  });

  it('leaves a gap where samples stopped (a dropped link) instead of drawing across it', async () => {
    const samples = new SampleColumns();
    for (const t of [...Array(60).keys(), ...Array.from({ length: 60 }, (_, i) => 120 + i)]) {
      samples.push({ t, speedMps: 3, cadence: 175, strideLengthM: 1.03, distanceM: 3 * t });
    }
    const el = await fixture<StrideLiveChart>(html`<stride-live-chart style="width:600px" .windowS=${0} .samples=${samples} .revision=${samples.length}></stride-live-chart>`);
    const plot = el.plot!;
    const isLine = (t: number) => lineDrawnAt(plot, t, 175);
    expect(isLine(30), 'line where there are samples').to.equal(true);
    expect(isLine(150), 'line after the gap').to.equal(true);
    expect(isLine(90), 'no line across the gap').to.equal(false);
  });

  it('still leaves the gap in a whole 3-hour run drawn from decimated points', async () => {
    const samples = new SampleColumns();
    for (let t = 0; t < 3 * 3600; t++) {
      if (t >= 5000 && t < 5600) continue;
      samples.push({ t, speedMps: 3, cadence: 175, strideLengthM: 1.03, distanceM: 3 * t });
    }
    const el = await fixture<StrideLiveChart>(html`<stride-live-chart style="width:600px" .windowS=${0} .samples=${samples} .revision=${samples.length}></stride-live-chart>`);
    el.revision = samples.length + 1; // a second update, now that the plot knows its width
    await waitUntil(() => el.plot!.data[0]!.length < samples.length / 4, 'decimated');
    const plot = el.plot!;
    const isLine = (t: number) => lineDrawnAt(plot, t, 175);
    expect(isLine(3000), 'line before the gap').to.equal(true);
    expect(isLine(5300), 'no line across the gap').to.equal(false);
    expect(isLine(8000), 'line after the gap').to.equal(true);
  });

  it('destroys the plot when removed from the page', async () => {
    const el = await fixture<StrideLiveChart>(html`<stride-live-chart></stride-live-chart>`);
    expect(el.plot).to.not.equal(null);
    el.remove();
    expect(el.plot).to.equal(null);
  });
});
