// A restore checks every field of a run's details, the program's mark too: a mark naming a test
// that does not exist is dropped and the run goes in as an ordinary run, so History never shows a
// program tag with no words in it (issue 18: "History and Weeks mark program sessions and test runs").
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear, setMany } from 'idb-keyval';
import { createBackup, restoreBackup } from '../../src/store/backup.js';
import { SCHEMA_VERSION, kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession, saveSession } from '../../src/store/session-store.js';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-history-page.js';
import type { StrideHistoryPage } from '../../src/pages/stride-history-page.js';
import type { ProgramMark } from '../../src/session/recorded-session.js';
import { syntheticSession } from './fixtures.js';

useSeparateDatabase('stride-test-backup-program-mark');

describe('a damaged program mark in a backup', () => {
  it('is dropped on restore: the run goes in, with no program tag in History', async () => {
    await clear(kvStore());
    await setMany([['schema', SCHEMA_VERSION]], kvStore());
    const run = syntheticSession({ id: 'run', seconds: 130, startedAt: Date.UTC(2026, 10, 2) });
    const mark = { kind: 'test', test: 'retention', n: null, block: 1, mainFromT: 0, mainToT: 120 } as unknown as ProgramMark;
    await saveSession(run);
    const backup = JSON.parse(await (await createBackup()).text());
    // The damaged mark as a backup made elsewhere (or edited) would carry it.
    backup.sessions[0].meta.program = mark;
    // A backup of format 1 (before checksums) is still restored.
    const { checksum: _, ...unsigned } = backup;
    await clear(kvStore());
    await setMany([['schema', SCHEMA_VERSION]], kvStore());
    await restoreBackup(new Blob([JSON.stringify({ ...unsigned, version: 1 })]));
    const services = createServices();
    const page = await fixture<StrideHistoryPage>(html`<stride-history-page .services=${services}></stride-history-page>`);
    await waitUntil(() => services.history.loaded, 'the list was read');
    await page.updateComplete;
    const tag = page.shadowRoot!.querySelector('tr[data-id="run"] .tag.program');
    expect(page.shadowRoot!.querySelector('tr[data-id="run"]'), 'the run').to.not.equal(null);
    expect(tag).to.equal(null);
    expect(services.history.sessions.find((s) => s.id === 'run')!.program).to.equal(undefined);
    // The stored details too: a run opened, or backed up again, carries no damaged mark.
    expect((await loadSession('run'))!.meta.program).to.equal(undefined);
  });
});
