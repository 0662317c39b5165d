// Stored data from a damaged backup: a restore checks every field of a run's details ("has an
// unknown sport", "has damaged check-ins", ...) except the program's mark. A run whose mark names a
// test that does not exist goes in, and History shows a program tag with no words in it (and the
// Weeks chart labels the week "undefined"). Issue 18: "History and Weeks mark program sessions and
// test runs"; the runner must not read an empty or "undefined" mark.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear, setMany } from 'idb-keyval';
import { createBackup, restoreBackup } from '../../../src/store/backup.js';
import { SCHEMA_VERSION, kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { saveSession } from '../../../src/store/session-store.js';
import { createServices } from '../../../src/services/services.js';
import '../../../src/pages/stride-history-page.js';
import type { StrideHistoryPage } from '../../../src/pages/stride-history-page.js';
import type { ProgramMark } from '../../../src/session/recorded-session.js';
import { syntheticSession } from '../../store/fixtures.js';

useSeparateDatabase('stride-test-rev4-damaged-mark');

describe('rev4: a damaged program mark in a backup', () => {
  it('is refused or dropped on restore, so History never shows an empty program tag', async () => {
    await clear(kvStore());
    await setMany([['schema', SCHEMA_VERSION]], kvStore());
    const run = syntheticSession({ id: 'run', seconds: 130, startedAt: Date.UTC(2026, 10, 2) });
    const mark = { kind: 'test', test: 'retention', n: null, block: 1, mainFromT: 0, mainToT: 120 } as unknown as ProgramMark;
    await saveSession({ ...run, meta: { ...run.meta, program: mark } });
    const backup = JSON.parse(await (await createBackup()).text());
    // A backup of format 1 (before checksums) is still restored.
    const { checksum: _, ...unsigned } = backup;
    await clear(kvStore());
    await setMany([['schema', SCHEMA_VERSION]], kvStore());
    let refused = false;
    await restoreBackup(new Blob([JSON.stringify({ ...unsigned, version: 1 })])).catch(() => (refused = true));
    if (refused) return;
    const services = createServices();
    const page = await fixture<StrideHistoryPage>(html`<stride-history-page .services=${services}></stride-history-page>`);
    await waitUntil(() => services.history.loaded, 'the list was read');
    await page.updateComplete;
    const tag = page.shadowRoot!.querySelector('tr[data-id="run"] .tag.program');
    // Expected: no tag (mark dropped) or a tag with words; actual: <span class="tag program"></span>.
    if (tag) expect(tag.textContent!.trim(), 'the program tag').to.not.equal('');
  });
});
