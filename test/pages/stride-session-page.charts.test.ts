import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import type uPlot from 'uplot';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-session-page.js';
import type { StrideSessionPage } from '../../src/pages/stride-session-page.js';
import type { StrideSessionChart } from '../../src/components/stride-session-chart.js';
import { themeColor } from '../../src/charts/theme-colors.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';

/** Ten minutes with laps pressed at 3:20 and 6:40, a strap and a treadmill's incline: five charts. */
const session = generatedSession({ id: 'laps', startedAt: new Date(2025, 4, 6, 18, 0).getTime(), minutes: 10, cadenceBase: 172, speed: 3, laps: [200, 400] });
session.samples.heartRate.fill(150);
session.samples.inclinePercent.fill(1);

async function sessionPage(id: string) {
  const page = await fixture<StrideSessionPage>(html`<stride-session-page style="width:900px" .services=${createServices()} .sessionId=${id}></stride-session-page>`);
  await waitUntil(() => page.opened !== null, 'the session was opened');
  await page.updateComplete;
  await Promise.all(page.charts.map((chart) => chart.updateComplete));
  await new Promise((resolve) => setTimeout(resolve));
  return page;
}

const rgbOf = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/**
 * Whether a vertical line of `hex` is painted at x value `x`: three pixel columns (a 1 px line
 * between two pixels shares itself between them) in the upper part of the plot, away from the lines.
 */
function verticalLineAt(plot: uPlot, x: number, hex: string): boolean {
  const [r0, g0, b0] = rgbOf(hex);
  const px = Math.round(plot.valToPos(x, 'x', true));
  const { top, height } = plot.bbox;
  const py = Math.round(top + height * 0.2);
  const pixels = plot.ctx.getImageData(px - 1, py, 3, 5).data;
  let hits = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b, a] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
    if (a > 90 && Math.abs(r - r0!) < 40 && Math.abs(g - g0!) < 40 && Math.abs(b - b0!) < 40) hits++;
  }
  return hits >= 4;
}

/** Pixels of `hex` in the band of the label at the top of the plot, from `from` to `to` CSS px right of x's line. */
function labelPixels(plot: uPlot, x: number, hex: string, from: number, to: number): number {
  const [r0, g0, b0] = rgbOf(hex);
  const px = Math.round(plot.valToPos(x, 'x', true));
  const ratio = devicePixelRatio;
  const left = px + Math.round(Math.min(from, to) * ratio);
  const pixels = plot.ctx.getImageData(left, plot.bbox.top + Math.round(2 * ratio), Math.round(Math.abs(to - from) * ratio), Math.round(10 * ratio)).data;
  let hits = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3]! > 90 && Math.abs(pixels[i]! - r0!) < 40 && Math.abs(pixels[i + 1]! - g0!) < 40 && Math.abs(pixels[i + 2]! - b0!) < 40) hits++;
  }
  return hits;
}

describe('stride-session-page charts', () => {
  before(async () => {
    useSeparateDatabase('stride-test-session-page-charts');
    await appTheme;
  });
  beforeEach(async () => {
    await clear(kvStore());
    await saveSession(session);
  });

  it('marks the laps on every chart of the run, over time and over distance', async () => {
    const page = await sessionPage('laps');
    const charts = page.charts;
    expect(charts.map((c) => c.kind)).to.deep.equal(['cadence', 'stride', 'pace', 'heart-rate', 'incline']);
    const lapColour = themeColor('--chart-axis');
    for (const chart of charts) {
      expect(chart.laps, chart.kind).to.deep.equal([200, 400]);
      expect(verticalLineAt(chart.plot!, 200, lapColour), `${chart.kind}: lap 2 at 3:20`).to.equal(true);
      expect(verticalLineAt(chart.plot!, 400, lapColour), `${chart.kind}: lap 3 at 6:40`).to.equal(true);
      expect(verticalLineAt(chart.plot!, 300, lapColour), `${chart.kind}: no line at 5:00`).to.equal(false);
      // "Lap 2" is written just right of its line, not across the line before it.
      expect(labelPixels(chart.plot!, 200, lapColour, 3, 40), `${chart.kind}: label right of lap 2`).to.be.above(10);
      expect(labelPixels(chart.plot!, 200, lapColour, -40, -3), `${chart.kind}: nothing left of lap 2`).to.equal(0);
    }
    page.shadowRoot!.querySelector<HTMLButtonElement>('#along-distance')!.click();
    await page.updateComplete;
    await Promise.all(page.charts.map((chart) => chart.updateComplete));
    await new Promise((resolve) => setTimeout(resolve));
    for (const chart of page.charts) {
      expect(chart.laps, chart.kind).to.deep.equal([600, 1200]);
      expect(verticalLineAt(chart.plot!, 600, lapColour), `${chart.kind}: lap 2 at 0.6 km`).to.equal(true);
    }
  });

  it('reads every chart at the cursor moved over one of them', async () => {
    const page = await sessionPage('laps');
    const cadence = page.charts[0]!;
    const over = cadence.plot!.over;
    const rect = over.getBoundingClientRect();
    over.dispatchEvent(new MouseEvent('mousemove', { clientX: rect.left + cadence.plot!.valToPos(300, 'x'), clientY: rect.top + 20, bubbles: true }));
    await Promise.all(page.charts.map((chart) => chart.updateComplete));
    const readouts = page.charts.map((chart: StrideSessionChart) => chart.shadowRoot!.querySelector('.readout')!.textContent!.replace(/\s+/g, ' ').trim());
    const time = /^Time (\d+:\d\d)/.exec(readouts[0]!)![1];
    expect(readouts).to.deep.equal([
      `Time ${time} Distance 0.90 km Cadence ${readouts[0]!.match(/Cadence (\d+)/)![1]} steps/min`,
      `Time ${time} Distance 0.90 km Stride ${readouts[1]!.match(/Stride (\d\.\d\d)/)![1]} m`,
      `Time ${time} Distance 0.90 km Pace 5:33 /km`,
      `Time ${time} Distance 0.90 km Heart rate 150 bpm`,
      `Time ${time} Distance 0.90 km Incline 1.0 %`,
    ]);
    await expect(page).to.be.accessible();
  });
});
