import { expect, fixture, html } from '@open-wc/testing';
import type uPlot from 'uplot';
import '../../src/components/stride-weeks-charts.js';
import type { StrideWeeksChart } from '../../src/components/stride-weeks-chart.js';
import type { StrideWeeksCharts } from '../../src/components/stride-weeks-charts.js';
import { formatShortDate } from '../../src/components/session-format.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import { type WeekRow, speedBandLabel } from '../../src/session/weekly-trends.js';
import { appTheme, useTheme } from '../support/app-theme.js';
import { monday, weekRow } from '../support/week-rows.js';

// Target zone 170–180 (the default). Week 1 has no runs.
const rows: WeekRow[] = [
  weekRow(0, { sessions: 2, distanceM: 9000, movingS: 5400, runningS: 4800, targetShare: 0.25, cadenceByBand: { 6: 164, 7: 170 } }),
  weekRow(1),
  weekRow(2, { sessions: 1, distanceM: 5000, movingS: 1800, runningS: 1800, targetShare: 0.5, cadenceByBand: { 6: 168, 7: null } }),
  weekRow(3, { sessions: 3, distanceM: 12000, movingS: 4500, runningS: 3600, targetShare: 0.8, cadenceByBand: { 6: 172, 7: 176 } }),
];

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

async function charts(width = 800, style = '') {
  // The fixture is the element itself: a plain wrapper would make fixture wait for an animation
  // frame, which a background tab never draws.
  const host = await fixture<StrideWeeksCharts>(
    html`<stride-weeks-charts style=${`width:${width}px;${style}`} .rows=${rows} .bands=${[6, 7]} unit="km" .plan=${defaultPlanSettings}></stride-weeks-charts>`,
  );
  // uPlot draws in a microtask after it is built (no animation frame: a background tab gets none).
  await nextTask();
  return host;
}
const chart = (host: StrideWeeksCharts, kind: string) => host.shadowRoot!.querySelector<StrideWeeksChart>(`stride-weeks-chart[kind=${kind}]`)!;
const readout = (host: StrideWeeksCharts, id: string) => host.shadowRoot!.querySelector(`#${id}`)!.textContent!.trim().replace(/\s+/g, ' ');
const pixel = (plot: uPlot, x: number, y: number, scale = 'y') =>
  Array.from(plot.ctx.getImageData(Math.round(plot.valToPos(x, 'x', true)), Math.round(plot.valToPos(y, scale, true)), 1, 1).data);

/** Moves the pointer over week `i` of a chart, as a runner's mouse would. */
function pointAt(plot: uPlot, i: number) {
  const over = plot.over;
  const rect = over.getBoundingClientRect();
  const init = { clientX: rect.left + plot.valToPos(i, 'x'), clientY: rect.top + rect.height / 2, bubbles: true };
  over.dispatchEvent(new MouseEvent('mouseenter', init));
  over.dispatchEvent(new MouseEvent('mousemove', init));
}

describe('stride-weeks-charts', () => {
  before(() => appTheme);

  it("draws in the theme's colours, and again in the new ones when the theme changes", async () => {
    const host = await charts();
    try {
      expect(chart(host, 'cadence').colors.bands[0]).to.equal('#f8fafc');
      await useTheme('light');
      await nextTask();
      await nextTask();
      expect(chart(host, 'cadence').colors.bands[0]).to.equal('#0f172a');
      expect(chart(host, 'volume').colors.text).to.equal('#475569');
      // Built again with them: the key under the chart shows the new colour too.
      expect(chart(host, 'cadence').shadowRoot!.querySelector('.key line')!.getAttribute('stroke')).to.equal('#0f172a');
    } finally {
      await useTheme('dark');
    }
  });

  it('labels a short week\'s distance without repeating a label (0.0 0.1 km, not 0 0 0.1 0.1 km)', async () => {
    const small = [weekRow(0), weekRow(1, { sessions: 2, distanceM: 100, movingS: 2280, runningS: 2280 })];
    const host = await fixture<StrideWeeksCharts>(
      html`<stride-weeks-charts style="width:800px" .rows=${small} .bands=${[6, 7]} unit="km" .plan=${defaultPlanSettings}></stride-weeks-charts>`,
    );
    await nextTask();
    type DrawnAxis = { _values: string[] | null };
    const labels = (chart(host, 'volume').plot!.axes as unknown as DrawnAxis[])[2]!._values!;
    expect(labels.length).to.be.greaterThan(1);
    expect(new Set(labels).size, labels.join(' ')).to.equal(labels.length);
    expect(labels[0]).to.equal('0.0 km');
  });

  it('draws three charts on canvases: volume, share in target, cadence at matched pace', async () => {
    const host = await charts();
    const kinds = [...host.shadowRoot!.querySelectorAll<StrideWeeksChart>('stride-weeks-chart')].map((c) => c.kind);
    expect(kinds).to.deep.equal(['volume', 'share', 'cadence']);
    for (const kind of kinds) {
      const el = chart(host, kind);
      expect(el.shadowRoot!.querySelectorAll('canvas').length, kind).to.equal(1);
      expect(el.shadowRoot!.querySelector('[role=img]')!.getAttribute('aria-label')).to.not.equal('');
    }
    expect(chart(host, 'cadence').plot!.series.map((s) => s.label)).to.deep.equal(['Week', speedBandLabel(6, 'km'), speedBandLabel(7, 'km')]);
    await expect(host).to.be.accessible();
  });

  it('leaves a week without runs empty, not a bar at zero, and draws the weeks with runs', async () => {
    const host = await charts();
    const volume = chart(host, 'volume').plot!;
    const opaque = (p: number[]) => p[3]! > 0;
    // Just above the baseline (3 min), a little either side of the week's tick, where its two bars stand.
    const barsAt = (i: number) => [i - 0.05, i + 0.05].map((x) => opaque(pixel(volume, x, 3, 't')));
    expect(barsAt(0), 'both bars of week 0').to.deep.equal([true, true]);
    expect(barsAt(1), 'nothing in the empty week').to.deep.equal([false, false]);
    const share = chart(host, 'share').plot!;
    expect(opaque(pixel(share, 1, 1)), 'no share bar in the empty week').to.equal(false);
    expect(opaque(pixel(share, 3, 70)), 'an 80 % bar reaches 70 %').to.equal(true);
    expect(opaque(pixel(share, 0, 30)), 'a 25 % bar stops below 30 %').to.equal(false);
  });

  it('shades the target zone in the colour of the --zone-target property', async () => {
    const host = await charts(800, '--zone-target: rgb(255, 0, 255)');
    const cadence = chart(host, 'cadence').plot!;
    // Between weeks 0 and 1 at 178 no line passes: only the band.
    const [r, g, b, a] = pixel(cadence, 1.5, 178);
    expect(a, 'painted').to.be.greaterThan(0);
    expect(r! > 30 && b! > 30 && g! < 10, `magenta-ish band, got ${[r, g, b, a]}`).to.equal(true);
    const [, , , outside] = pixel(cadence, 1.5, cadence.scales.y!.min! + 1);
    expect(outside, 'nothing below the zone').to.equal(0);
  });

  it('shows the latest week in words, and the week pointed at as the pointer moves', async () => {
    const host = await charts();
    expect(readout(host, 'volume-readout')).to.equal(`Latest week with runs, week of ${formatShortDate(monday(3))}: 3 runs, 1:00:00 running, 12.00 km`);
    pointAt(chart(host, 'volume').plot!, 0);
    await host.updateComplete;
    expect(readout(host, 'volume-readout')).to.equal(`week of ${formatShortDate(monday(0))}: 2 runs, 1:20:00 running, 9.00 km`);
    expect(readout(host, 'share-readout'), 'the other charts follow').to.equal(`week of ${formatShortDate(monday(0))}: 25% of running time in the target zone`);
    expect(readout(host, 'cadence-readout')).to.equal(
      `week of ${formatShortDate(monday(0))}: ${speedBandLabel(6, 'km')}: 164; ${speedBandLabel(7, 'km')}: 170 (steps/min)`,
    );
    pointAt(chart(host, 'share').plot!, 1);
    await host.updateComplete;
    expect(readout(host, 'volume-readout')).to.equal(`week of ${formatShortDate(monday(1))}: no runs`);
    chart(host, 'share').plot!.over.dispatchEvent(new MouseEvent('mouseleave', { bubbles: false }));
    await host.updateComplete;
    expect(readout(host, 'volume-readout')).to.match(/^Latest week with runs/);
  });

  it('fits a 390 px wide screen: every chart inside its box, nothing scrolls sideways', async () => {
    const host = await charts(390);
    expect(host.scrollWidth).to.be.at.most(host.clientWidth);
    for (const kind of ['volume', 'share', 'cadence']) {
      const el = chart(host, kind);
      const box = el.shadowRoot!.querySelector('.uplot')!.getBoundingClientRect();
      expect(box.width, kind).to.be.at.most(390);
      expect(box.width, kind).to.be.at.least(300);
      expect(el.plot!.width, kind).to.be.at.most(390);
    }
  });

  it('leaves out the cadence chart when no pace band can be compared', async () => {
    const el = await fixture<StrideWeeksCharts>(html`<stride-weeks-charts .rows=${rows} .bands=${[]}></stride-weeks-charts>`);
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll<StrideWeeksChart>('stride-weeks-chart')].map((c) => c.kind)).to.deep.equal(['volume', 'share']);
  });
});
