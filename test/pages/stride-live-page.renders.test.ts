// What one sample of a recorded run costs the live page: it renders once, and of its tiles only
// those whose text or accent changed; each chart draws once. A service that fires more often than
// its views need, or a tile that re-renders an unchanged value, shows here before it shows on a
// phone's battery (see `npm run bench -- cpu`).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import type { StrideLiveChart } from '../../src/components/stride-live-chart.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-live-page-renders');

/** Counts the updates of `element` from now on (lit calls update() once per render). */
function countUpdates(element: HTMLElement): { count: number } {
  const counter = { count: 0 };
  const host = element as unknown as { update(changed: Map<PropertyKey, unknown>): void };
  const update = host.update;
  host.update = function (this: unknown, changed) {
    counter.count++;
    update.call(this, changed);
  };
  return counter;
}

describe('stride-live-page, one sample at a time', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));

  it('renders the page once per sample, only the tiles whose text or accent changed, and each chart once', async () => {
    // Slowed so far that only emitSeconds sends: each step is one sample, nothing in between.
    const pod = new SimulatedFootpod({ seed: 8, speedup: 1e-6 });
    const services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
    const page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
    try {
      await services.footpod.simulate();
      await services.recording.start();
      expect(services.recording.state).to.equal('recording');
      pod.emitSeconds(30);
      // The power parser loads with the first reading; the readings queued meanwhile land together
      // when it comes, a render of their own that a loaded machine could let fall into a counted second.
      await waitUntil(() => services.footpod.session?.latestChannels.powerW != null, 'power read', { timeout: 10_000 });
      await customElements.whenDefined('stride-live-chart');
      await page.updateComplete;
      const tiles = [...page.shadowRoot!.querySelectorAll<StrideMetricTile>('stride-metric-tile')];
      const charts = [...page.shadowRoot!.querySelectorAll<StrideLiveChart>('stride-live-chart')];
      const settle = async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        await page.updateComplete;
        await Promise.all([...tiles, ...charts].map((el) => el.updateComplete));
      };
      await settle();
      expect(tiles.length).to.be.above(5);
      expect(charts.length).to.equal(2);
      const pageUpdates = countUpdates(page);
      const tileUpdates = new Map(tiles.map((tile) => [tile, countUpdates(tile)]));
      const chartUpdates = charts.map(countUpdates);
      const changed = new Set<StrideMetricTile>();
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          const root = record.target.getRootNode();
          changed.add((root instanceof ShadowRoot ? root.host : record.target) as StrideMetricTile);
        }
      });
      for (const tile of tiles) {
        observer.observe(tile.shadowRoot!, { subtree: true, childList: true, characterData: true });
        observer.observe(tile, { attributes: true, attributeFilter: ['style'] });
      }
      let tilesChanged = 0;
      for (let second = 0; second < 8; second++) {
        pageUpdates.count = 0;
        for (const counter of [...tileUpdates.values(), ...chartUpdates]) counter.count = 0;
        changed.clear();
        pod.emitSeconds(1);
        await settle();
        for (const record of observer.takeRecords()) changed.add((record.target.getRootNode() as ShadowRoot).host as StrideMetricTile);
        expect(pageUpdates.count, `second ${second}: page renders`).to.equal(1);
        expect(chartUpdates.map((c) => c.count), `second ${second}: chart updates`).to.deep.equal([1, 1]);
        const rendered = tiles.filter((tile) => tileUpdates.get(tile)!.count > 0);
        expect(rendered.map((tile) => tile.id), `second ${second}: tiles rendered`).to.deep.equal(tiles.filter((tile) => changed.has(tile)).map((tile) => tile.id));
        expect(rendered.every((tile) => tileUpdates.get(tile)!.count === 1), `second ${second}: each tile at most once`).to.equal(true);
        tilesChanged += rendered.length;
      }
      // The run's time changes every second: the check above is not passed by nothing rendering.
      expect(tilesChanged).to.be.at.least(8);
      observer.disconnect();
    } finally {
      await finishRun(services);
    }
  });
});
