import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-session-chart.js';
import type { StrideSessionChart } from '../../src/components/stride-session-chart.js';
import { chartDataWithGaps } from '../../src/charts/chart-data.js';
import { columnsFrom } from '../../src/session/recorded-columns.js';
import { SAMPLE_RUNNING } from '../../src/session/recorded-session.js';
import { lineDrawnAt } from '../support/line-drawn.js';
import { appTheme } from '../support/app-theme.js';

/** 1 Hz at 175 steps/min, 3 m/s, with the samples between `gapFrom` and `gapTo` missing. */
function run(seconds: number, gapFrom = Infinity, gapTo = Infinity) {
  const times = [...Array(seconds).keys()].filter((t) => t <= gapFrom || t >= gapTo);
  return columnsFrom(times.map((t) => ({ t, speedMps: 3, cadence: 175, strideLengthM: 1.03, distanceM: 3 * t, flags: SAMPLE_RUNNING })));
}

describe('stride-session-chart', () => {
  // The lines are drawn in the app's (dark theme's) colours, read from its stylesheet.
  before(() => appTheme);

  it('draws no line across a gap', async () => {
    const samples = run(180, 60, 120);
    const data = chartDataWithGaps(samples, [{ fromT: 60, toT: 120, reason: 'link-lost' }], 'time');
    const el = await fixture<StrideSessionChart>(html`<stride-session-chart style="width:600px" .series=${[data]}></stride-session-chart>`);
    // uPlot draws in a microtask after it is built (no animation frame: a background tab gets none).
    await new Promise((resolve) => setTimeout(resolve));
    const plot = el.plot!;
    const isLine = (t: number) => lineDrawnAt(plot, t, 175);
    expect(isLine(30), 'line where there are samples').to.equal(true);
    expect(isLine(150), 'line after the gap').to.equal(true);
    expect(isLine(90), 'no line across the gap').to.equal(false);
  });

  it('marks technique check-ins with a line at their x, and moves them when they change', async () => {
    const data = chartDataWithGaps(run(600), [], 'time');
    const el = await fixture<StrideSessionChart>(html`<stride-session-chart style="width:600px" .series=${[data]} .markers=${[300]}></stride-session-chart>`);
    await new Promise((resolve) => setTimeout(resolve));
    const amberAt = (x: number): boolean => {
      const plot = el.plot!;
      const px = Math.round(plot.valToPos(x, 'x', true));
      const py = Math.round(plot.valToPos(150, 'y', true));
      return Array.from({ length: 9 }, (_, dy) => Array.from(plot.ctx.getImageData(px, py - 4 + dy, 1, 1).data)).some(
        ([r, g, b]) => r! > 200 && g! > 150 && b! < 120,
      );
    };
    expect(amberAt(300), 'marker at 5:00').to.equal(true);
    expect(amberAt(450), 'nothing at 7:30').to.equal(false);
    el.markers = [450];
    await el.updateComplete;
    expect(amberAt(450), 'marker moved to 7:30').to.equal(true);
    expect(amberAt(300)).to.equal(false);
  });

  it('takes new rows with setData, and builds again only when its shape changes', async () => {
    const one = chartDataWithGaps(run(60), [], 'time');
    const el = await fixture<StrideSessionChart>(html`<stride-session-chart kind="stride" .series=${[one]} .labels=${['Monday']}></stride-session-chart>`);
    const first = el.plot!;
    el.series = [chartDataWithGaps(run(90), [], 'time')];
    el.labels = ['Monday'];
    await el.updateComplete;
    expect(el.plot, 'same chart').to.equal(first);
    expect(el.plot!.data[0]!.length).to.equal(90);

    el.series = [one, chartDataWithGaps(run(30), [], 'time')];
    el.labels = ['Monday', 'Friday'];
    await el.updateComplete;
    expect(el.plot).to.not.equal(first);
    expect(el.plot!.series.map((s) => s.label)).to.deep.equal(['Elapsed', 'Monday', 'Friday']);
    expect(el.plot!.data).to.have.length(3);

    el.x = 'distance';
    el.series = [chartDataWithGaps(run(60), [], 'distance')];
    await el.updateComplete;
    expect(el.plot!.series[0]!.label).to.equal('Distance');
    expect(el.plot!.data[0]![59]).to.equal(177);
    expect(el.shadowRoot!.querySelector('[role=img]')!.getAttribute('aria-label')).to.equal('Stride length over distance');
  });

  it('resets its zoom to the whole run', async () => {
    const el = await fixture<StrideSessionChart>(html`<stride-session-chart .series=${[chartDataWithGaps(run(120), [], 'time')]}></stride-session-chart>`);
    await new Promise((resolve) => setTimeout(resolve));
    el.plot!.setScale('x', { min: 10, max: 20 });
    await new Promise((resolve) => setTimeout(resolve));
    el.resetZoom();
    await new Promise((resolve) => setTimeout(resolve));
    expect([el.plot!.scales.x!.min, el.plot!.scales.x!.max]).to.deep.equal([0, 119]);
  });

  it('destroys the plot when removed, and builds it again when put back', async () => {
    const el = await fixture<StrideSessionChart>(html`<stride-session-chart></stride-session-chart>`);
    expect(el.plot).to.not.equal(null);
    const parent = el.parentElement!;
    el.remove();
    expect(el.plot).to.equal(null);
    parent.append(el);
    expect(el.plot).to.not.equal(null);
  });

  it('draws the belt pace as a dashed light line beside the pod pace, and drops it when asked', async () => {
    const samples = run(120);
    samples.treadmillSpeedMps.fill(2.5);
    const data = chartDataWithGaps(samples, [], 'time');
    const el = await fixture<StrideSessionChart>(
      html`<stride-session-chart style="width:600px" kind="pace" belt .series=${[data]} .labels=${['Monday']}></stride-session-chart>`,
    );
    await new Promise((resolve) => setTimeout(resolve));
    expect(el.plot!.series.map((s) => s.label)).to.deep.equal(['Elapsed', 'Monday', 'Treadmill belt']);
    // Pod at 3 m/s is 5:33 /km, drawn in blue; the belt at 2.5 m/s is 6:40 /km, drawn light.
    expect(lineDrawnAt(el.plot!, 60, 400), 'belt line at 6:40').to.equal(true);
    expect(lineDrawnAt(el.plot!, 60, 1000 / 3), 'no light line at the pod pace').to.equal(false);
    expect(el.shadowRoot!.querySelector('[role=img]')!.getAttribute('aria-label')).to.equal(
      "Pace of the footpod and of the treadmill's belt over elapsed time",
    );
    el.belt = false;
    await el.updateComplete;
    expect(el.plot!.series).to.have.length(2);
    expect(el.plot!.data).to.have.length(2);
  });
});
