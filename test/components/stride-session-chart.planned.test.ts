// A workout's planned pace on a run's pace chart: drawn where each step ran, at its pace, under the
// measured lines; moved when the stretches change; said in the chart's name for screen readers.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-session-chart.js';
import type { StrideSessionChart } from '../../src/components/stride-session-chart.js';
import { chartDataWithGaps } from '../../src/charts/chart-data.js';
import type { PlannedStretch } from '../../src/charts/planned-pace.js';
import { columnsFrom } from '../../src/session/recorded-columns.js';
import { SAMPLE_RUNNING } from '../../src/session/recorded-session.js';
import { appTheme } from '../support/app-theme.js';

/** 10 minutes: 3 m/s (5:33/km) for five, then 2.5 m/s (6:40/km). */
function run() {
  let distance = 0;
  return columnsFrom([...Array(601).keys()].map((t) => {
    const speedMps = t < 300 ? 3 : 2.5;
    if (t > 0) distance += speedMps;
    return { t, speedMps, cadence: 172, strideLengthM: 1, distanceM: distance, flags: SAMPLE_RUNNING };
  }));
}

/** The pixels of a 5-pixel column at (x, y pace) as RGBA strings. */
function pixels(el: StrideSessionChart, x: number, paceS: number): string {
  const plot = el.plot!;
  const px = Math.round(plot.valToPos(x, 'x', true));
  const py = Math.round(plot.valToPos(paceS, 'y', true));
  return Array.from({ length: 5 }, (_, dy) => Array.from(plot.ctx.getImageData(px, py - 2 + dy, 1, 1).data).join(',')).join(' ');
}
const drawn = (el: StrideSessionChart, x: number, paceS: number) => pixels(el, x, paceS).split(' ').some((p) => Number(p.split(',')[3]) > 0);

describe('stride-session-chart: planned pace', () => {
  before(() => appTheme);

  it('draws each step at its pace where it ran, and moves it when the plan changes', async () => {
    const data = chartDataWithGaps(run(), [], 'time');
    const planned: PlannedStretch[] = [{ from: 0, to: 300, paceS: 345 }, { from: 300, to: 600, paceS: 392 }];
    const el = await fixture<StrideSessionChart>(html`<stride-session-chart style="width:600px" kind="pace" .series=${[data]} .planned=${planned}></stride-session-chart>`);
    await new Promise((resolve) => setTimeout(resolve));
    expect(drawn(el, 150, 345), 'first step at its pace').to.equal(true);
    expect(drawn(el, 450, 392), 'second step at its pace').to.equal(true);
    // Where a step did not run, its pace's row holds what the other step's place holds: nothing of the plan.
    expect(pixels(el, 150, 345)).to.not.equal(pixels(el, 450, 345));
    expect(el.shadowRoot!.querySelector('.plot')!.getAttribute('aria-label')).to.equal("Pace, with the workout's planned pace, over elapsed time");

    const before = pixels(el, 150, 345);
    el.planned = [{ from: 0, to: 600, paceS: 392 }];
    await el.updateComplete;
    expect(pixels(el, 150, 345)).to.not.equal(before);
    expect(drawn(el, 150, 392)).to.equal(true);
  });

  it('draws no plan on a chart that is not pace, nor for a run without a workout', async () => {
    const data = chartDataWithGaps(run(), [], 'time');
    const none = await fixture<StrideSessionChart>(html`<stride-session-chart style="width:600px" kind="pace" .series=${[data]}></stride-session-chart>`);
    await new Promise((resolve) => setTimeout(resolve));
    const withPlan = await fixture<StrideSessionChart>(html`<stride-session-chart style="width:600px" kind="pace" .series=${[data]}
      .planned=${[{ from: 0, to: 600, paceS: 345 }]}></stride-session-chart>`);
    await new Promise((resolve) => setTimeout(resolve));
    expect(pixels(none, 450, 345)).to.not.equal(pixels(withPlan, 450, 345));
    expect(none.shadowRoot!.querySelector('.plot')!.getAttribute('aria-label')).to.equal('Pace over elapsed time');
    const cadence = await fixture<StrideSessionChart>(html`<stride-session-chart style="width:600px" kind="cadence" .series=${[data]}
      .planned=${[{ from: 0, to: 600, paceS: 345 }]}></stride-session-chart>`);
    expect(cadence.shadowRoot!.querySelector('.plot')!.getAttribute('aria-label')).to.equal('Cadence, with zone bands over elapsed time');
  });
});
