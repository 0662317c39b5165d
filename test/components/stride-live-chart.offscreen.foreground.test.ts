import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/components/stride-live-chart.js';
import type { StrideLiveChart } from '../../src/components/stride-live-chart.js';
import { SampleColumns } from '../../src/session/sample-columns.js';

const sample = (t: number) => ({ t, speedMps: 3, cadence: 170 + (t % 5), strideLengthM: 1.05, distanceM: 3 * t });

/** Counts the chart's draws from uPlot's own draw hook. */
function countDraws(chart: StrideLiveChart): { n: number } {
  const count = { n: 0 };
  const hooks = (chart.plot!.hooks.draw ??= []);
  hooks.push(() => count.n++);
  return count;
}

/** Resolves once the browser has worked out that el is out of view, and the chart's own observer has had two frames to hear it. */
const seenOffScreen = async (el: Element) => {
  await new Promise<void>((resolve) => {
    const observer = new IntersectionObserver(([entry]) => {
      if (entry && !entry.isIntersecting) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(el);
  });
  await nextFrame();
  await nextFrame();
};

describe('stride-live-chart out of view', () => {
  it('skips its draws while off screen and draws once, with every sample, when scrolled into view', async () => {
    const samples = new SampleColumns();
    for (let t = 0; t < 10; t++) samples.push(sample(t));
    // Far below the fold, as the stride chart is at 1280×800.
    const el = await fixture<StrideLiveChart>(
      html`<stride-live-chart style="width:600px; margin-top:${window.innerHeight + 2000}px" .samples=${samples} .revision=${samples.length}></stride-live-chart>`,
    );
    await seenOffScreen(el);
    const draws = countDraws(el);
    for (let t = 10; t < 40; t++) {
      samples.push(sample(t));
      el.revision = samples.length;
      await el.updateComplete;
    }
    await nextFrame();
    expect(draws.n, 'no draw off screen').to.equal(0);
    expect(el.plot!.data[0]!.length, 'uPlot not handed the new samples off screen').to.equal(10);

    el.scrollIntoView();
    await waitUntil(() => draws.n > 0, 'drawn once in view');
    await nextFrame();
    await nextFrame();
    expect(draws.n).to.equal(1);
    expect(Array.from(el.plot!.data[0]!)).to.deep.equal(Array.from({ length: 40 }, (_, t) => t));

    // In view, each new sample draws at once.
    samples.push(sample(40));
    el.revision = samples.length;
    await el.updateComplete;
    expect(draws.n).to.equal(2);
    expect(el.plot!.data[1]![40]).to.equal(170);
    window.scrollTo(0, 0);
  });

  it('draws a chart just below the fold, so it is drawn before a scrolling runner sees it', async () => {
    const samples = new SampleColumns();
    for (let t = 0; t < 10; t++) samples.push(sample(t));
    const el = await fixture<StrideLiveChart>(
      html`<stride-live-chart style="width:600px; margin-top:${window.innerHeight + 40}px" .samples=${samples} .revision=${samples.length}></stride-live-chart>`,
    );
    await seenOffScreen(el);
    samples.push(sample(10));
    el.revision = samples.length;
    await el.updateComplete;
    expect(el.plot!.data[0]!.length).to.equal(11);
  });
});
