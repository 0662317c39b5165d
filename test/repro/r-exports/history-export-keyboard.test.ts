// Keyboard use of History's export bar (issue 21: "a selection in History" as one zip).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import { createServices } from '../../../src/services/services.js';
import '../../../src/pages/stride-history-page.js';
import type { StrideHistoryPage } from '../../../src/pages/stride-history-page.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { saveSession } from '../../../src/store/session-store.js';
import { catchDownloads } from '../../support/catch-downloads.js';
import { generatedSession } from '../../support/generated-sessions.js';

const start = new Date(2025, 4, 6, 7, 30).getTime();

describe('repro r-exports: History export bar by keyboard', () => {
  before(() => useSeparateDatabase('stride-test-repro-r-exports-keys'));
  beforeEach(async () => {
    await clear(kvStore());
    await saveSession(generatedSession({ id: 'a', startedAt: start, minutes: 3, cadenceBase: 170, speed: 3, name: 'A' }));
    await saveSession(generatedSession({ id: 'b', startedAt: start + 86_400_000, minutes: 3, cadenceBase: 170, speed: 3, name: 'B' }));
  });

  // The export buttons (and Select all) are disabled while the zip is written, so the button the
  // runner pressed Enter on loses focus: focus falls to the document's body, and a keyboard or
  // screen-reader user has to Tab from the top of the page to get back to the bar (to export the
  // other format, or Cancel). Focus should stay in the bar.
  it('focus stays in the export bar after exporting by keyboard', async () => {
    const services = createServices();
    const page = await fixture<StrideHistoryPage>(html`<stride-history-page .services=${services}></stride-history-page>`);
    await waitUntil(() => services.history.loaded, 'the list was read');
    await page.updateComplete;
    page.shadowRoot!.querySelector<HTMLButtonElement>('#select-runs')!.click();
    await waitUntil(() => page.shadowRoot!.querySelector('stride-runs-export-bar')?.shadowRoot?.querySelector('#select-all'));
    const bar = page.shadowRoot!.querySelector('stride-runs-export-bar')!;
    bar.shadowRoot!.querySelector<HTMLButtonElement>('#select-all')!.click();
    await page.updateComplete;
    await bar.updateComplete;
    bar.shadowRoot!.querySelector<HTMLButtonElement>('#export-fit-zip')!.focus();
    const caught = catchDownloads();
    try {
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => services.data.runsExport?.message, 'the zip was written', { timeout: 10_000 });
      await page.updateComplete;
      await bar.updateComplete;
      expect(caught.downloads.length).to.equal(1);
    } finally {
      caught.restore();
    }
    expect(document.activeElement === document.body, 'focus fell to the body').to.equal(false);
    expect(bar.shadowRoot!.activeElement !== null, 'focus is in the bar').to.equal(true);
  });
});
