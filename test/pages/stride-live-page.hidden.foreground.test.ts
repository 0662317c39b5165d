// A hidden tab does only the recording's work: while the page is hidden a run's samples are
// recorded and stored but the live page, its tiles and its charts draw nothing; shown again, the
// page draws once, with the latest figures (none left stale). Real IndexedDB, real uPlot.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import type { StrideLiveChart } from '../../src/components/stride-live-chart.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { liveFigures } from '../../src/session/live-figures.js';
import { wholeSteps } from '../../src/session/shown-cadence.js';
import { formatDuration } from '../../src/session/units.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { clear, get } from 'idb-keyval';
import { metaKey } from '../../src/store/session-store.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-live-page-hidden');

// The pods here send only what a test emits: one ticking in real time added a sample now and then
// between the test's reading of the latest sample and its check, and a render the count did not expect.
// A foreground file: a chart scrolled into view draws on the IntersectionObserver, which needs frames.

/** Hides or shows this test's page as a tab switch does: the state, then the event. */
function setTabHidden(hidden: boolean): void {
  if (hidden) {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
  } else {
    delete (document as { visibilityState?: unknown }).visibilityState;
    delete (document as { hidden?: unknown }).hidden;
  }
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Counts each call of `object[name]` from now on. */
function countCalls<T extends object>(object: T, name: string): { count: number } {
  const counter = { count: 0 };
  const target = object as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = target[name]!;
  target[name] = function (this: unknown, ...args: unknown[]) {
    counter.count++;
    return original.apply(this, args);
  };
  return counter;
}

/** Lets every queued microtask and timer of an update run, so a render that was going to happen has. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('stride-live-page in a hidden tab', () => {
  let services: AppServices;
  let pod: SimulatedFootpod;
  let page: StrideLivePage;
  const tile = (id: string) => page.shadowRoot!.querySelector<StrideMetricTile>(`#${id}`)!;
  const chart = (id: string) => page.shadowRoot!.querySelector<StrideLiveChart>(`#${id}`)!;

  beforeEach(async () => {
    await clear(kvStore());
    pod = new SimulatedFootpod({ seed: 20, speedup: 1e-6 });
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
    await services.footpod.simulate();
    await services.recording.start();
    await waitUntil(() => services.recording.state === 'recording', 'recording');
    pod.emitSeconds(10);
    await customElements.whenDefined('stride-live-chart');
    await page.updateComplete;
    await waitUntil(() => chart('cadence-chart')?.plot && chart('stride-chart')?.plot, 'charts drawn');
  });
  afterEach(async () => {
    setTabHidden(false);
    await finishRun(services);
  });

  it('records and stores while hidden but draws nothing, then catches up in one draw with the latest figures', async () => {
    const renders = countCalls(page, 'render');
    const chartData = [chart('cadence-chart').plot!, chart('stride-chart').plot!].map((plot) => countCalls(plot, 'setData'));
    const tiles = ['cadence', 'pace', 'elapsed', 'distance', 'in-target', 'speed'].map((id) => countCalls(tile(id), 'render'));
    const before = services.recording.recorder!.sampleCount;

    setTabHidden(true);
    for (let i = 0; i < 30; i++) {
      pod.emitSeconds(1);
      await settle();
    }
    expect(services.recording.recorder!.sampleCount, 'the run went on recording').to.be.at.least(before + 30);
    const id = services.recording.recorder!.id;
    await waitUntil(async () => ((await get<{ sampleCount: number }>(metaKey(id), kvStore()))?.sampleCount ?? 0) >= before + 30, 'and storing');
    expect(renders.count, 'live page renders while hidden').to.equal(0);
    expect(chartData.map((c) => c.count), 'chart updates while hidden').to.deep.equal([0, 0]);
    expect(tiles.map((c) => c.count), 'tile renders while hidden').to.deep.equal([0, 0, 0, 0, 0, 0]);
    const session = services.footpod.session!;
    const lastT = session.samples.at('t', session.samples.length - 1);
    expect(chart('cadence-chart').plot!.data[0].at(-1), 'the chart still shows the moment the tab was hidden').to.be.below(lastT);

    setTabHidden(false);
    await page.updateComplete;
    await settle();
    expect(renders.count, 'one draw when shown again').to.equal(1);
    const figures = liveFigures(session, services.recording.recorder);
    const shown = session.displayed(services.settings.settings.smoothingS);
    expect(tile('cadence').value).to.equal(String(wholeSteps(shown.cadence)));
    expect(tile('elapsed').value).to.equal(formatDuration(figures.timeS));
    // A chart below the fold of the test's window skips its draws; a runner sees it scrolled into view.
    for (const id of ['cadence-chart', 'stride-chart']) {
      chart(id).scrollIntoView();
      await waitUntil(() => chart(id).plot!.data[0].at(-1) === lastT, `${id} ends at the latest sample once in view`);
    }
    window.scrollTo(0, 0);
  });

  it('draws as before while shown: each second of the run is drawn', async () => {
    const renders = countCalls(page, 'render');
    for (let i = 0; i < 5; i++) {
      pod.emitSeconds(1);
      await page.updateComplete;
    }
    expect(renders.count).to.equal(5);
  });
});

describe('stride-treadmill-page in a hidden tab', () => {
  let services: AppServices;
  let pod: SimulatedFootpod;
  let page: StrideTreadmillPage;
  const figure = (id: string) => page.shadowRoot!.querySelector(`#${id}`)!.textContent!.trim();

  beforeEach(async () => {
    await clear(kvStore());
    pod = new SimulatedFootpod({ seed: 7, speedup: 1e-6 });
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    await services.footpod.simulate();
    await services.recording.start();
    pod.emitSeconds(5);
    await page.updateComplete;
  });
  afterEach(async () => {
    setTabHidden(false);
    await finishRun(services);
  });

  it('draws nothing while hidden and shows the latest cadence once shown', async () => {
    const renders = countCalls(page, 'render');
    setTabHidden(true);
    for (let i = 0; i < 20; i++) {
      pod.emitSeconds(1);
      await settle();
    }
    expect(renders.count).to.equal(0);
    setTabHidden(false);
    await page.updateComplete;
    await settle();
    expect(renders.count).to.equal(1);
    const session = services.footpod.session!;
    expect(figure('cadence')).to.equal(String(wholeSteps(session.displayed(services.settings.settings.smoothingS).cadence)));
  });
});
