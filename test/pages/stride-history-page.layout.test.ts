// History on a phone and on a desktop, in both themes: each run a card with every value labelled
// below 75rem (the table's tracks), nothing scrolled sideways; the table as it was on a desktop.
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
import { insideWindow, isShown, sidewaysOverflow, wideTableFaults } from '../support/table-cards.js';

const start = new Date(2025, 2, 3, 7, 30).getTime();
const seeded = [
  generatedSession({ id: 'long', startedAt: start, minutes: 95, cadenceBase: 166, speed: 2.9, name: 'Sunday long run along the river, out and back' }),
  generatedSession({ id: 'short', startedAt: start + 86_400_000, minutes: 12, cadenceBase: 182, speed: 4.1, name: 'Intervals' }),
  generatedSession({ id: 'unnamed', startedAt: start + 2 * 86_400_000, minutes: 8, cadenceBase: 171, speed: 3.0 }),
];

async function historyPage(): Promise<StrideHistoryPage> {
  const services = createServices();
  const page = await fixture<StrideHistoryPage>(html`<stride-history-page .services=${services}></stride-history-page>`);
  await waitUntil(() => services.history.loaded, 'the list was read');
  await page.updateComplete;
  return page;
}

/** What each column's header says, sort arrow left out. */
const headers = (page: StrideHistoryPage) =>
  [...page.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.replace(/[↑↓]/g, '').trim().replace(/\s+/g, ' '));

describe('stride-history-page layout', () => {
  before(() => useSeparateDatabase('stride-test-history-page-layout'));
  beforeEach(async () => {
    await clear(kvStore());
    for (const session of seeded) await saveSession(session);
  });
  after(() => setViewport({ width: 800, height: 600 }));

  for (const theme of themes) {
    it(`shows each run as a card on a 390 px phone, every value labelled and nothing scrolled sideways (${theme})`, async () => {
      await useTheme(theme);
      await setViewport({ width: 390, height: 844 });
      const page = await historyPage();
      expect(sidewaysOverflow(page.shadowRoot!), 'wider than their box').to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
      const columns = headers(page);
      const rows = [...page.shadowRoot!.querySelectorAll('tbody tr')];
      expect(rows).to.have.length(3);
      for (const row of rows) {
        const cells = [...row.querySelectorAll('td')];
        for (const [i, cell] of cells.entries()) {
          // Every control and value is on the screen, none cut off at its right edge.
          for (const shown of [...cell.querySelectorAll('button, input, a, time'), ...(cell.classList.contains('num') ? [cell] : [])]) {
            expect(isShown(shown) && insideWindow(shown), `${columns[i]} of ${row.getAttribute('data-id')}`).to.equal(true);
          }
          if (!cell.classList.contains('num') && !cell.classList.contains('date')) continue;
          const label = cell.querySelector('.card-label')!;
          expect(isShown(label) && insideWindow(label), `the label of ${columns[i]}`).to.equal(true);
          expect(label.textContent, 'says what the column header says').to.equal(columns[i]);
          expect(label.getAttribute('aria-hidden'), 'heard once, as the column header').to.equal('true');
        }
      }
      // The sort buttons stay, as a row of their own.
      for (const button of page.shadowRoot!.querySelectorAll<HTMLButtonElement>('th button')) {
        expect(isShown(button) && insideWindow(button), button.dataset['sort']).to.equal(true);
      }
      await expect(page).to.be.accessible();
    });

    it(`keeps the table on a 1280 px screen, one line per run and no card labels (${theme})`, async () => {
      await useTheme(theme);
      await setViewport({ width: 1280, height: 800 });
      const page = await historyPage();
      expect(page.shadowRoot!.querySelectorAll('.card-label').length, 'labels there for the cards').to.be.above(0);
      expect(wideTableFaults(page.shadowRoot!, 'tbody tr', 'td')).to.deep.equal([]);
      const head = page.shadowRoot!.querySelector('thead th.num')!.getBoundingClientRect();
      const value = page.shadowRoot!.querySelector('tbody td.num')!.getBoundingClientRect();
      expect(value.left, 'a column under its header').to.equal(head.left);
      await expect(page).to.be.accessible();
    });
  }
});
