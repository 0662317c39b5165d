import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import { connectionStateLabels } from '../../src/components/stride-connection-panel.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import { zoneLabels } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';

useSeparateDatabase('stride-test-live-page-layout');

/**
 * Each word of a tile's value that sits on more than one line, or runs past the tile's edge: a
 * Range over the word has one client rect per line it is drawn on.
 */
function brokenWords(tile: StrideMetricTile): string[] {
  const number = tile.shadowRoot!.querySelector('.number')!;
  const walker = document.createTreeWalker(number, NodeFilter.SHOW_TEXT);
  const edge = tile.getBoundingClientRect().right;
  const broken: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (const match of text.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const lines = new Set(rects.map((r) => Math.round(r.top)));
      if (lines.size !== 1 || rects.some((r) => r.right > edge + 0.5)) broken.push(match[0]);
    }
  }
  return broken;
}

/** The lines a tile's label row (name and unit) takes: one, unless a word wrapped. */
function labelLines(tile: StrideMetricTile): number {
  const label = tile.shadowRoot!.querySelector('.label')!;
  const range = document.createRange();
  range.selectNodeContents(label);
  return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
}

describe('stride-live-page layout', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  after(() => setViewport({ width: 800, height: 600 }));

  it('keeps every word of the footpod and zone tiles on one line, from 360 to 1920 px wide', async () => {
    const services = createServices();
    const page = await fixture<StrideLivePage>(html`<stride-live-page .services=${services}></stride-live-page>`);
    const tile = (id: string) => page.shadowRoot!.querySelector<StrideMetricTile>(`#${id}`)!;
    const widths = [390, 1280];
    for (let width = 360; width <= 1920; width += 80) widths.push(width);
    const problems: string[] = [];
    for (const width of widths) {
      await setViewport({ width, height: 800 });
      for (const [id, words] of [['connection', Object.values(connectionStateLabels)], ['zone', Object.values(zoneLabels)]] as const) {
        for (const value of words) {
          tile(id).value = value;
          await tile(id).updateComplete;
          const broken = brokenWords(tile(id));
          if (broken.length > 0) problems.push(`${width} px, ${id} "${value}": ${broken.join(', ')}`);
        }
      }
      expect(document.documentElement.scrollWidth, `page at ${width} px`).to.be.at.most(width);
    }
    expect(problems).to.deep.equal([]);
  });

  it("keeps every tile's label and unit on one line, before Start and while recording, from 360 to 1920 px wide", async () => {
    const services = createServices();
    const page = await fixture<StrideLivePage>(html`<stride-live-page .services=${services}></stride-live-page>`);
    const tiles = [...page.shadowRoot!.querySelectorAll<StrideMetricTile>('stride-metric-tile')];
    const elapsed = page.shadowRoot!.querySelector<StrideMetricTile>('#elapsed')!;
    const problems: string[] = [];
    for (let width = 360; width <= 1920; width += 80) {
      await setViewport({ width, height: 800 });
      for (const name of ['Connected', 'Moving time']) {
        elapsed.label = name;
        await elapsed.updateComplete;
        for (const tile of tiles) if (labelLines(tile) !== 1) problems.push(`${width} px: ${tile.label} ${tile.unit}`);
      }
    }
    expect([...new Set(problems)]).to.deep.equal([]);
  });
});
