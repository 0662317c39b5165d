// Resizing needs frames drawn (ResizeObserver reports at rendering), so this runs in front.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-weeks-charts.js';
import type { StrideWeeksChart } from '../../src/components/stride-weeks-chart.js';
import type { StrideWeeksCharts } from '../../src/components/stride-weeks-charts.js';
import type { WeekRow } from '../../src/session/weekly-trends.js';

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
});
