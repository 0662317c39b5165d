// History's selection for a zip on a 390 px phone (the card layout) and a desktop, both themes:
// the bar's buttons and every card's "Select" tick box are on the screen, 44 px targets, nothing
// scrolled sideways, and the tick box does not cover the run's name.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-history-page.js';
import type { StrideHistoryPage } from '../../src/pages/stride-history-page.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { themes, useTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';
import { insideWindow, isShown, sidewaysOverflow } from '../support/table-cards.js';

const start = new Date(2025, 2, 3, 7, 30).getTime();
const seeded = [
  generatedSession({ id: 'long', startedAt: start, minutes: 5, cadenceBase: 166, speed: 2.9, name: 'Sunday long run along the river, out and back again' }),
  generatedSession({ id: 'short', startedAt: start + 86_400_000, minutes: 4, cadenceBase: 182, speed: 4.1, name: 'Intervals' }),
];

const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('History selection layout', () => {
  before(() => useSeparateDatabase('stride-test-history-export-layout'));
  beforeEach(async () => {
    await clear(kvStore());
    for (const session of seeded) await saveSession(session);
  });
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [390, 1280]) {
    for (const theme of themes) {
      it(`at ${width} px (${theme}) the bar and each run's Select box are on screen, 44 px, clear of the name`, async () => {
        await useTheme(theme);
        await setViewport({ width, height: width === 390 ? 844 : 800 });
        const services = createServices();
        const page = await fixture<StrideHistoryPage>(html`<stride-history-page .services=${services}></stride-history-page>`);
        await waitUntil(() => services.history.loaded, 'the list was read');
        await page.updateComplete;
        page.shadowRoot!.querySelector<HTMLButtonElement>('#select-runs')!.click();
        await waitUntil(() => page.shadowRoot!.querySelector('stride-runs-export-bar')?.shadowRoot?.querySelector('#cancel'), 'the bar');
        const bar = page.shadowRoot!.querySelector('stride-runs-export-bar')!;
        expect(sidewaysOverflow(page.shadowRoot!), 'wider than their box').to.deep.equal([]);
        expect(sidewaysOverflow(bar.shadowRoot!), 'wider than their box, in the bar').to.deep.equal([]);
        expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
        for (const button of bar.shadowRoot!.querySelectorAll('button')) {
          expect(isShown(button) && insideWindow(button), button.id).to.equal(true);
          expect(button.getBoundingClientRect().height, button.id).to.be.at.least(44);
        }
        for (const row of page.shadowRoot!.querySelectorAll('tbody tr')) {
          const box = row.querySelector<HTMLInputElement>('input.choose')!;
          const label = box.closest('label')!;
          expect(isShown(box) && insideWindow(box), row.getAttribute('data-id')!).to.equal(true);
          const target = label.getBoundingClientRect();
          expect(Math.min(target.width, target.height), 'the whole label is the target').to.be.at.least(44);
          const name = row.querySelector('a.title')!.getBoundingClientRect();
          expect(overlap(box.getBoundingClientRect(), name), 'the box covers the name').to.equal(false);
        }
      });
    }
  }
});
