import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import { zoneLabels } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme, themes, useTheme } from '../support/app-theme.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-live-page-layout');

/**
 * Each word in `words` (a part of the tile) that sits on more than one line, or runs past the
 * tile's edge: a Range over the word has one client rect per line it is drawn on.
 */
function brokenWords(tile: StrideMetricTile, words: Element): string[] {
  const walker = document.createTreeWalker(words, NodeFilter.SHOW_TEXT);
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

/** The box of one part of a tile (.label, .value, .unit). */
const part = (tile: StrideMetricTile, selector: string): DOMRect => tile.shadowRoot!.querySelector(selector)!.getBoundingClientRect();

/** The box of the text itself, not of the block holding it. */
function textBox(element: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect();
}

/** Tiles grouped by the row of the grid they sit on (their tops), each row left to right. */
function rowsOf(tiles: StrideMetricTile[]): StrideMetricTile[][] {
  const rows = new Map<number, StrideMetricTile[]>();
  for (const tile of tiles) {
    const top = Math.round(tile.getBoundingClientRect().top);
    rows.set(top, [...(rows.get(top) ?? []), tile]);
  }
  return [...rows.values()];
}

describe('stride-live-page layout', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  after(async () => {
    await useTheme('dark');
    await setViewport({ width: 800, height: 600 });
  });

  it("keeps every word of the cadence's zone on one line, from 360 to 1920 px wide", async () => {
    const services = createServices();
    const page = await fixture<StrideLivePage>(html`<stride-live-page .services=${services}></stride-live-page>`);
    const cadence = page.shadowRoot!.querySelector<StrideMetricTile>('#cadence')!;
    const zone = page.shadowRoot!.querySelector<HTMLElement>('#zone')!;
    const widths = [390, 1280];
    for (let width = 360; width <= 1920; width += 80) widths.push(width);
    const problems: string[] = [];
    for (const width of widths) {
      await setViewport({ width, height: 800 });
      for (const word of Object.values(zoneLabels)) {
        zone.textContent = word;
        const broken = brokenWords(cadence, zone);
        if (broken.length > 0) problems.push(`${width} px, zone "${word}": ${broken.join(', ')}`);
      }
      expect(document.documentElement.scrollWidth, `page at ${width} px`).to.be.at.most(width);
    }
    expect(problems).to.deep.equal([]);
  });

  it('lines up the values of a row of tiles whatever their labels, and keeps each unit and value 8 px inside its tile, at 390 and 1280 px in both themes', async () => {
    const services = createServices({ simulator: () => new ScriptedFootpod('Test pod') });
    const page = await fixture<StrideLivePage>(html`<stride-live-page .services=${services}></stride-live-page>`);
    await services.footpod.simulate();
    (services.footpod.source as ScriptedFootpod).send(0, { cadence: 172, speedMps: 3.1, strideLengthM: 1.08 });
    const tiles = () => [...page.shadowRoot!.querySelectorAll<StrideMetricTile>('stride-metric-tile')];
    const problems: string[] = [];
    for (const theme of themes) {
      await useTheme(theme);
      for (const width of [390, 1280]) {
        await setViewport({ width, height: width === 390 ? 844 : 800 });
        // The widest values a run gives: a slow pace, a run over an hour.
        await page.updateComplete;
        page.shadowRoot!.querySelector<StrideMetricTile>('#pace')!.value = '12:45';
        page.shadowRoot!.querySelector<StrideMetricTile>('#elapsed')!.value = '1:02:45';
        page.shadowRoot!.querySelector<StrideMetricTile>('#in-target')!.value = '1:02:45';
        // As the page labels them, then with the first tile of each row given a label that wraps.
        for (const labels of ['as shown', 'a long label first'] as const) {
          const renamed: Array<[StrideMetricTile, string]> = [];
          if (labels === 'a long label first') {
            for (const row of rowsOf(tiles())) {
              renamed.push([row[0]!, row[0]!.label]);
              row[0]!.label = 'Stride length over the ground';
            }
          }
          await page.updateComplete;
          for (const tile of tiles()) await tile.updateComplete;
          for (const row of rowsOf(tiles())) {
            const tops = row.map((tile) => part(tile, '.value').top);
            if (Math.max(...tops) - Math.min(...tops) > 1) {
              problems.push(`${theme}, ${width} px, ${labels}: values of ${row.map((t) => t.id).join(', ')} start at ${tops.map(Math.round).join(', ')}`);
            }
          }
          for (const tile of tiles()) {
            const number = textBox(tile.shadowRoot!.querySelector('.number')!);
            if (tile.getBoundingClientRect().right - number.right < 8) problems.push(`${theme}, ${width} px: ${tile.id}'s "${tile.value}" leaves the tile`);
            const unit = part(tile, '.unit');
            if (unit.width === 0) continue;
            const inside = tile.getBoundingClientRect().right - unit.right;
            if (inside < 8) problems.push(`${theme}, ${width} px, ${labels}: ${tile.id}'s unit ${Math.round(inside)} px from the tile's edge`);
          }
          for (const [tile, label] of renamed) tile.label = label;
        }
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('paints each part of the page and each tile apart (isolated), so a figure that changes repaints its own part', async () => {
    const services = createServices();
    const page = await fixture<StrideLivePage>(html`<stride-live-page .services=${services}></stride-live-page>`);
    const parts = [...page.shadowRoot!.children].filter((el) => el.localName !== 'style');
    const tiles = [...page.shadowRoot!.querySelectorAll('stride-metric-tile')];
    expect(parts.length).to.be.above(5);
    expect(tiles.length).to.be.above(4);
    const shared = [...parts, ...tiles].filter((el) => getComputedStyle(el).isolation !== 'isolate').map((el) => el.id || el.className || el.localName);
    expect(shared).to.deep.equal([]);
  });
});
