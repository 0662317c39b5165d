import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/stride-session-chart.js';
import type { StrideSessionChart } from '../../src/components/stride-session-chart.js';
import { chartDataWithGaps } from '../../src/charts/chart-data.js';
import { columnsFrom } from '../../src/session/recorded-columns.js';
import { SAMPLE_RUNNING } from '../../src/session/recorded-session.js';
import { formatDuration } from '../../src/session/units.js';
import { lineDrawnAt } from '../support/line-drawn.js';
import { appTheme, themes, useTheme } from '../support/app-theme.js';
import { chartRun, columnsOf, withOutliers } from '../support/generated-chart-runs.js';

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
      // Below the line at 175, in the target zone's (green) band of the axis fitted to it (165-185).
      const py = Math.round(plot.valToPos(172, 'y', true));
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

  describe('axis limits and the cursor readout', () => {
    const drawn = () => new Promise((resolve) => setTimeout(resolve));
    /** A watch run at 166 steps/min and 3 m/s with the bad records of an imported file. */
    const importedRun = () =>
      withOutliers(chartRun({ stretches: [{ seconds: 1200, cadence: 166, speedMps: 3, noise: 2 }], walkS: 60, seed: 7 }), [
        { kind: 'cadence-zero', at: 0.1 }, { kind: 'cadence-250', at: 0.2 }, { kind: 'stride-12m', at: 0.3 },
        { kind: 'standing-pace', at: 0.4 }, { kind: 'speed-spike', at: 0.5 },
      ]);
    /** Moves the mouse over the plot to x value `x`, as a runner's pointer does. */
    const hover = (el: StrideSessionChart, x: number) => {
      const plot = el.plot!;
      const over = plot.over;
      const rect = over.getBoundingClientRect();
      const left = plot.valToPos(x, 'x');
      over.dispatchEvent(new MouseEvent('mousemove', { clientX: rect.left + left, clientY: rect.top + rect.height / 2, bubbles: true }));
    };
    const readout = (el: StrideSessionChart) => el.shadowRoot!.querySelector<HTMLElement>('.readout')!;
    const atCursor = (el: StrideSessionChart) => el.plot!.data[0][el.plot!.cursor.idx!]!;
    const text = (el: StrideSessionChart) => readout(el).textContent!.replace(/\s+/g, ' ').trim();
    after(() => Promise.all([setViewport({ width: 800, height: 600 }), useTheme('dark')]));

    for (const kind of ['cadence', 'stride', 'pace'] as const) {
      it(`fits the ${kind} axis to the running rows and keeps it while zooming; bad records are clipped at the edge`, async () => {
        const data = chartDataWithGaps(columnsOf(importedRun()), [], 'time');
        const el = await fixture<StrideSessionChart>(html`<stride-session-chart style="width:600px" kind=${kind} .series=${[data]}></stride-session-chart>`);
        await drawn();
        const fitted = { cadence: [155, 185], stride: [0.8, 1.3], pace: [300, 390] }[kind];
        const y = () => [el.plot!.scales.y!.min, el.plot!.scales.y!.max];
        expect(y()).to.deep.equal(fitted);
        el.plot!.setScale('x', { min: 600, max: 700 });
        await drawn();
        expect(y(), 'zoomed').to.deep.equal(fitted);
      });
    }

    it('keeps the target zone in view when the zones change', async () => {
      const data = chartDataWithGaps(columnsOf(chartRun({ stretches: [{ seconds: 600, cadence: 150, speedMps: 2.5, noise: 1 }], walkS: 0, seed: 3 })), [], 'time');
      const el = await fixture<StrideSessionChart>(html`<stride-session-chart style="width:600px" .series=${[data]}></stride-session-chart>`);
      await drawn();
      expect(el.plot!.scales.y!.max).to.equal(185);
      el.zones = { buildingFrom: 170, targetFrom: 180, targetTo: 190 };
      await el.updateComplete;
      await drawn();
      expect(el.plot!.scales.y!.max).to.equal(195);
    });

    for (const width of [1280, 390]) {
      for (const theme of themes) {
        it(`reads time, distance and cadence at the cursor above the plot, never over it (${width} px, ${theme})`, async () => {
          await setViewport({ width, height: 800 });
          await useTheme(theme);
          const data = chartDataWithGaps(run(600), [], 'time');
          const el = await fixture<StrideSessionChart>(html`<stride-session-chart .series=${[data]} .labels=${['Monday']}></stride-session-chart>`);
          await drawn();
          expect(text(el)).to.contain('Point at the chart');
          const plotTop = el.plot!.over.getBoundingClientRect().top;
          hover(el, 300);
          await el.updateComplete;
          // The row under the pointer, within a pixel of 5:00; run() covers 3 m/s from 0 s; distances cut to the hundredth, as times are.
          const t = atCursor(el);
          expect(t).to.be.closeTo(300, 3);
          expect(text(el)).to.equal(`Time ${formatDuration(t)} Distance ${(Math.floor((3 * t) / 10) / 100).toFixed(2)} km Cadence 175 steps/min`);
          const legend = readout(el).getBoundingClientRect();
          const plot = el.plot!.over.getBoundingClientRect();
          expect(legend.bottom, 'readout above the plot').to.be.at.most(plot.top);
          expect(plot.top, 'the plot stays put under the pointer').to.equal(plotTop);
          expect(legend.right, 'inside the window').to.be.at.most(document.documentElement.clientWidth);
          // The app's Content Security Policy blocks style attributes (uPlot's own, set through the CSSOM, pass).
          expect(readout(el).hasAttribute('style'), 'no inline style').to.equal(false);
          el.plot!.over.dispatchEvent(new MouseEvent('mouseleave', { bubbles: false }));
          await el.updateComplete;
          expect(text(el)).to.contain('Point at the chart');
        });
      }
    }

    it('keeps room on a phone for the readout of the belt beside the pod an hour in, so the plot never moves', async () => {
      await setViewport({ width: 390, height: 800 });
      const samples = run(3900);
      samples.treadmillSpeedMps.fill(2.5);
      const data = chartDataWithGaps(samples, [], 'time');
      // The run page's padding: 1rem each side.
      const el = await fixture<StrideSessionChart>(html`<stride-session-chart style="margin:0 1rem" kind="pace" unit="mi" belt .series=${[data]}></stride-session-chart>`);
      await drawn();
      const plotTop = el.plot!.over.getBoundingClientRect().top;
      hover(el, 3725);
      await el.updateComplete;
      expect(text(el)).to.match(/^Time 1:02:\d\d Distance 6\.9\d mi Footpod 8:56 \/mi Belt 10:43 \/mi$/);
      expect(el.plot!.over.getBoundingClientRect().top, 'the plot stays put').to.equal(plotTop);
      expect(readout(el).getBoundingClientRect().right, 'inside the window').to.be.at.most(document.documentElement.clientWidth);
    });

    it('reads pace as m:ss in the runner\'s unit, stride to the centimetre, and the belt beside the pod', async () => {
      const samples = run(600);
      samples.treadmillSpeedMps.fill(2.5);
      const data = chartDataWithGaps(samples, [], 'time');
      const pace = await fixture<StrideSessionChart>(html`<stride-session-chart style="width:600px" kind="pace" unit="mi" belt .series=${[data]}></stride-session-chart>`);
      await drawn();
      hover(pace, 120);
      await pace.updateComplete;
      // 3 m/s is 8:56 /mi; the belt's 2.5 m/s is 10:43 /mi (10:43.7, cut to the second as times are).
      expect(text(pace)).to.equal(`Time ${formatDuration(atCursor(pace))} Distance 0.22 mi Footpod 8:56 /mi Belt 10:43 /mi`);
      const stride = await fixture<StrideSessionChart>(html`<stride-session-chart style="width:600px" kind="stride" .series=${[data]}></stride-session-chart>`);
      await drawn();
      hover(stride, 120);
      await stride.updateComplete;
      expect(text(stride)).to.equal(`Time ${formatDuration(atCursor(stride))} Distance 0.35 km Stride 1.03 m`);
    });

    it('reads both compared runs, each at its own nearest row, and nothing past the end of the shorter', async () => {
      const long = chartDataWithGaps(run(600), [], 'time');
      const short = chartDataWithGaps(columnsOf(chartRun({ stretches: [{ seconds: 300, cadence: 160, speedMps: 2.5, noise: 0 }], walkS: 0, seed: 1 }).slice(0, 300)), [], 'time');
      const el = await fixture<StrideSessionChart>(html`<stride-session-chart style="width:600px" .series=${[long, short]} .labels=${['Long', 'Short']}></stride-session-chart>`);
      await drawn();
      hover(el, 200);
      await el.updateComplete;
      const lines = [...readout(el).querySelectorAll('p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
      const at = formatDuration(atCursor(el));
      expect(lines).to.deep.equal([`Solid Time ${at} Distance 0.59 km Cadence 175 steps/min`, `Dashed Time ${at} Distance 0.50 km Cadence 160 steps/min`]);
      hover(el, 450);
      await el.updateComplete;
      const later = [...readout(el).querySelectorAll('p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
      expect(later[1]).to.equal('Dashed Time – Distance – Cadence –');
      expect(readout(el).getBoundingClientRect().bottom).to.be.at.most(el.plot!.over.getBoundingClientRect().top);
    });
  });
});
