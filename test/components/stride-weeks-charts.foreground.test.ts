// Resizing needs frames drawn (ResizeObserver reports at rendering), so this runs in front.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-weeks-charts.js';
import type { StrideWeeksChart } from '../../src/components/stride-weeks-chart.js';
import type { StrideWeeksCharts } from '../../src/components/stride-weeks-charts.js';
import type { WeekRow } from '../../src/session/weekly-trends.js';
import { appTheme } from '../support/app-theme.js';

const rows: WeekRow[] = [0, 1, 2].map((i) => ({
  weekStart: new Date(2025, 2, 3 + 7 * i).getTime(),
  sessions: 1,
  distanceM: 5000,
  movingS: 1800,
  runningS: 1800,
  avgCadence: 170,
  targetZoneS: 900,
  targetShare: 0.5,
  estimatedRuns: 0,
  cadenceByBand: { 6: 168 + i },
  towardTarget: null,
}));

const frames = (n: number) => new Promise<void>((resolve) => {
  const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
  step(n);
});

describe('stride-weeks-charts in front', () => {
  it('follows its container when it narrows to a phone and widens again', async () => {
    const host = await fixture<StrideWeeksCharts>(html`<stride-weeks-charts style="width:900px" .rows=${rows} .bands=${[6]}></stride-weeks-charts>`);
    await frames(2);
    const widths = () => [...host.shadowRoot!.querySelectorAll<StrideWeeksChart>('stride-weeks-chart')].map((c) => c.plot!.width);
    // Wide, time and share sit side by side and cadence spans both.
    expect(widths().every((w) => w > 400), `wide: ${widths()}`).to.equal(true);
    host.style.width = '390px';
    await frames(3);
    expect(widths().every((w) => w <= 390 && w >= 300), `narrow: ${widths()}`).to.equal(true);
    expect(host.scrollWidth).to.be.at.most(390);
    host.style.width = '900px';
    await frames(3);
    expect(widths().every((w) => w > 400), `wide again: ${widths()}`).to.equal(true);
  });

  it('draws a program test week as a line down the cadence chart at that week, and no line at the others', async () => {
    await appTheme;
    const tests = [{ x: 1, label: 'Baseline', tests: ['baseline' as const] }];
    const host = await fixture<StrideWeeksCharts>(html`<stride-weeks-charts style="width:900px" .rows=${rows} .bands=${[6]} .tests=${tests}></stride-weeks-charts>`);
    await frames(3);
    const chart = host.shadowRoot!.querySelector<StrideWeeksChart>('stride-weeks-chart[kind="cadence"]')!;
    const plot = chart.plot!;
    const axis = getComputedStyle(document.documentElement).getPropertyValue('--chart-axis').trim();
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = axis;
    probe.fillRect(0, 0, 1, 1);
    const [ar, ag, ab] = probe.getImageData(0, 0, 1, 1).data;
    /** Pixels in the axis colour down a 3-pixel column at week `x`, just under the plot's top (over the zone band, under the lines). */
    const marked = (x: number) => {
      const px = Math.round(plot.valToPos(x, 'x', true));
      const top = Math.round(plot.bbox.top);
      const data = plot.ctx.getImageData(px - 1, top, 3, Math.round(plot.bbox.height)).data;
      let hits = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - ar!) < 24 && Math.abs(data[i + 1]! - ag!) < 24 && Math.abs(data[i + 2]! - ab!) < 24) hits++;
      return hits;
    };
    expect(marked(1), 'the test week').to.be.greaterThan(20);
    expect(marked(0), 'a week without a test').to.be.lessThan(5);
    expect(marked(2), 'a week without a test').to.be.lessThan(5);
  });
});
