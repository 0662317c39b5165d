// Needs a page in front: content-visibility decides what is rendered only when frames are
// drawn, and a background tab gets none. Files named *.foreground.test.ts run one at a time.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clear, set } from 'idb-keyval';
import { type AppServices, createServices } from '../../src/services/services.js';
import '../../src/pages/stride-history-page.js';
import type { StrideHistoryPage } from '../../src/pages/stride-history-page.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { SESSIONS_KEY } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';

const DAY = 24 * 3600 * 1000;
const start = new Date(2025, 2, 3, 7, 30).getTime();
const seeded = [generatedSession({ id: 'a', startedAt: start, minutes: 30, cadenceBase: 166, speed: 2.9, name: 'Long easy' })];

async function historyPage(services: AppServices = createServices()) {
  const page = await fixture<StrideHistoryPage>(html`<stride-history-page .services=${services}></stride-history-page>`);
  await waitUntil(() => services.history.loaded, 'the list was read');
  await page.updateComplete;
  return { page, services };
}

const rows = (page: StrideHistoryPage) => [...page.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const ids = (page: StrideHistoryPage) => rows(page).map((row) => row.dataset['id']);

describe('stride-history-page with a long list', () => {
  before(async () => {
    useSeparateDatabase('stride-test-history-page-long');
    await appTheme;
    // A desktop's width: narrower than the table's 75rem, each run is a card (stride-history-page.layout.test.ts).
    await setViewport({ width: 1280, height: 800 });
  });
  after(() => setViewport({ width: 800, height: 600 }));

  it('lays out long lists as rows on shared columns that skip rendering off screen, still a table to assistive tech', async () => {
    await clear(kvStore());
    const summary = summaryOf(seeded[0]!.meta);
    await set(SESSIONS_KEY, Array.from({ length: 80 }, (_, i) => ({ ...summary, id: `s${i}`, startedAt: start - i * DAY })), kvStore());
    const { page } = await historyPage();
    expect(ids(page)).to.have.length(80);
    // Explicit roles: the rows are grids, not display: table-row, which some browsers take as "not a table".
    expect(page.shadowRoot!.querySelector('table')!.getAttribute('role')).to.equal('table');
    const headers = [...page.shadowRoot!.querySelectorAll('thead th')];
    expect(headers.map((th) => th.getAttribute('role'))).to.deep.equal(Array(9).fill('columnheader'));
    for (const tr of rows(page)) {
      expect(tr.getAttribute('role')).to.equal('row');
      expect([...tr.children].map((td) => td.getAttribute('role'))).to.deep.equal(Array(9).fill('cell'));
    }
    // Each row is a grid of its own, so check its cells still sit under their headers.
    const firstRowCells = [...rows(page)[0]!.children];
    headers.forEach((th, i) => {
      const header = th.getBoundingClientRect();
      const cell = firstRowCells[i]!.getBoundingClientRect();
      expect([cell.left, cell.width], `column ${i + 1}`).to.deep.equal([header.left, header.width]);
    });

    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const rendered = (tr: HTMLTableRowElement) => tr.cells[0]!.checkVisibility({ contentVisibilityAuto: true });
    expect(rendered(rows(page)[0]!), 'the first row is rendered').to.equal(true);
    expect(rendered(rows(page).at(-1)!), 'a row far below the screen is skipped').to.equal(false);
    await expect(page).to.be.accessible();
  });

});
