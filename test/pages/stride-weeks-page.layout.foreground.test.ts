// The Weeks page's tables measured in Chromium at a phone's and a desktop's width, in both themes:
// nothing scrolls sideways; on a phone each week is a card with every value labelled, at 1280 px
// a table whose headers and last column are whole. Needs a page in front: the tables below the
// charts are laid out (content-visibility) only once scrolled to, which is decided when frames
// are drawn, and a background tab gets none.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clear, set } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-weeks-page.js';
import type { StrideWeeksPage } from '../../src/pages/stride-weeks-page.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { SESSIONS_KEY } from '../../src/store/session-store.js';
import { themes, useTheme } from '../support/app-theme.js';
import { summary } from '../support/session-summaries.js';

const now = new Date(2025, 2, 19, 12, 0).getTime();
const at = (month: number, day: number) => new Date(2025, month, day, 7).getTime();
// A year-old run first, so every one of the 12 weeks shows; runs in three weeks at three paces.
const runs = [
  summary(at(2, 18) - 350 * 86_400_000, { id: 'old', bands: [[6, 1800, 160]] }),
  summary(at(1, 25), { id: 'feb', bands: [[5, 900, 158], [6, 900, 164], [8, 300, 176]] }),
  summary(at(2, 11), { id: 'mar 11', bands: [[5, 900, 160], [6, 900, 168], [8, 300, 178]] }),
  summary(at(2, 18), { id: 'mar 18', bands: [[5, 600, 161], [6, 900, 165]] }),
];
const frames = (n: number) => new Promise<void>((resolve) => {
  const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
  step(n);
});

/** Every element under `root`, through the shadow roots of the elements in it. */
function everyElement(root: ShadowRoot | Document): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? everyElement(el.shadowRoot) : [])]);
}

describe('stride-weeks-page layout', () => {
  before(async () => {
    useSeparateDatabase('stride-test-weeks-page-layout');
  });
  beforeEach(() => clear(kvStore()));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [390, 1280]) {
    for (const theme of themes) {
      it(`at ${width} px in the ${theme} theme: no region scrolls sideways, ${width < 700 ? 'each week a card with every value labelled' : 'tables with whole headers and a readable last column'}`, async () => {
        await setViewport({ width, height: 800 });
        await useTheme(theme);
        await set(SESSIONS_KEY, runs, kvStore());
        const services = createServices();
        const page = await fixture<StrideWeeksPage>(html`<stride-weeks-page .services=${services} .now=${now}></stride-weeks-page>`);
        await waitUntil(() => services.history.loaded, 'the index was read');
        await page.updateComplete;
        const root = page.shadowRoot!;
        for (const id of ['totals', 'matched']) {
          root.querySelector(`#${id}`)!.scrollIntoView();
          await frames(2);
        }
        const doc = document.documentElement;
        expect(doc.scrollWidth, 'the document').to.be.at.most(doc.clientWidth);
        const right = page.getBoundingClientRect().right;
        for (const el of everyElement(root)) {
          const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className}` : ''}`;
          // (The tables' headers on a phone are hidden in a 1 px box by design, for screen readers.)
          const hidden = width < 700 && el.closest('thead') !== null;
          if (!hidden) expect(el.scrollWidth, `${name} scrolls sideways`).to.be.at.most(el.clientWidth + 1);
          // Shadow content of the charts is laid out in their own boxes; the page's own must stay inside it.
          if (el.getRootNode() === root) expect(el.getBoundingClientRect().right, `${name} sticks out`).to.be.at.most(right + 0.5);
        }

        for (const id of ['totals', 'matched']) {
          const table = root.querySelector<HTMLTableElement>(`#${id}`)!;
          const labels = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim().replace(/\s+/g, ' '));
          const weeks = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr[data-week]')];
          expect(weeks.length, id).to.equal(3);
          if (width < 700) {
            for (const tr of weeks) {
              expect(getComputedStyle(tr).display, `${id}: a card, not a table row`).to.not.equal('table-row');
              const box = tr.getBoundingClientRect();
              [...tr.querySelectorAll('td')].forEach((td, i) => {
                // Each value carries its column's name, drawn beside it inside the card.
                expect(getComputedStyle(td, '::before').content, `${id} cell ${i}`).to.equal(JSON.stringify(labels[i + 1]));
                const cell = td.getBoundingClientRect();
                expect(cell.left >= box.left - 0.5 && cell.right <= box.right + 0.5 && cell.height > 0, `${id} cell ${i} in its card`).to.equal(true);
              });
            }
          } else {
            expect(getComputedStyle(weeks[0]!).display).to.equal('table-row');
            const tableRight = table.getBoundingClientRect().right;
            for (const th of table.querySelectorAll<HTMLElement>('thead th')) {
              expect(th.getBoundingClientRect().right, `${id}: "${th.textContent}" whole`).to.be.at.most(tableRight + 0.5);
              expect(th.scrollWidth, `${id}: "${th.textContent}" not cut`).to.be.at.most(th.clientWidth + 1);
            }
            // The last column's words are on screen, not off to the right.
            for (const cell of table.querySelectorAll<HTMLElement>('td.trend')) {
              const box = cell.getBoundingClientRect();
              expect(box.width > 0 && box.right <= right + 0.5 && cell.scrollWidth <= cell.clientWidth + 1, `${id} trend cell`).to.equal(true);
            }
          }
        }
        await expect(page).to.be.accessible();
      });
    }
  }
});
