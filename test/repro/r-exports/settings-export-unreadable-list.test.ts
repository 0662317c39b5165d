// Settings → Your data → "Export all" when the list of runs cannot be read.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear, set } from 'idb-keyval';
import { createServices } from '../../../src/services/services.js';
import '../../../src/pages/stride-settings-page.js';
import type { StrideSettingsPage } from '../../../src/pages/stride-settings-page.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { SESSIONS_KEY } from '../../../src/store/session-keys.js';
import { saveSession } from '../../../src/store/session-store.js';
import { generatedSession } from '../../support/generated-sessions.js';

describe('repro r-exports: Export all with an unreadable list', () => {
  before(() => useSeparateDatabase('stride-test-repro-r-exports-settings'));
  beforeEach(() => clear(kvStore()));

  // The runs are stored (meta and samples), only the list of them is damaged, and History says so
  // ("The list of sessions is damaged…"). Settings, where the runner goes to get every run out,
  // instead says "There are no runs yet: record or import one" under disabled "Nothing to export"
  // buttons: a runner told their runs do not exist. Issue 21: "say what happened".
  it('does not tell a runner whose list is unreadable that there are no runs yet', async () => {
    await saveSession(generatedSession({ id: 'a', startedAt: Date.UTC(2026, 5, 1, 6), minutes: 3, cadenceBase: 170, speed: 3, name: 'Kept' }));
    await set(SESSIONS_KEY, { damaged: true }, kvStore());
    const services = createServices();
    const page = await fixture<StrideSettingsPage>(html`<stride-settings-page .services=${services}></stride-settings-page>`);
    await waitUntil(() => services.history.loaded, 'the list was read');
    await page.updateComplete;
    expect(services.history.problem, 'the list is known to be damaged').to.not.equal(null);
    const section = page.shadowRoot!.querySelector<HTMLElement>('#export-all')!.textContent!;
    expect(section).to.not.contain('There are no runs yet');
  });
});
