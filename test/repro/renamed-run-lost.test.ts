// sessionTitle (session-format.ts) takes any name of the form "<legacy run title> (<anything>)" for
// an older import's "Run 7 Dec 2026, 02:45 (watch.fit)" and shows the default title instead,
// without asking whether the run was imported. In en-GB the legacy title IS today's default name,
// so a runner who renames a recorded run by adding to its name ("… (tempo)", "… (with Sam)") sees
// the rename saved and the title unchanged. Run in London, en-GB.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setLocale, setTimeZone } from '../support/time-zone.js';

/** 7 Dec 2026, 02:45 in London (UTC in December). */
const STARTED_AT = Date.UTC(2026, 11, 7, 2, 45);
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

describe('repro: a runner\'s own name read as an old import\'s file name', () => {
  before(async () => {
    await setTimeZone('Europe/London');
    await setLocale('en-GB');
  });
  after(async () => {
    await setLocale(null);
    await setTimeZone(null);
  });

  it('History and the run\'s page show the name the runner gave a recorded run', async () => {
    const { clear } = await import('idb-keyval');
    const { kvStore, useSeparateDatabase } = await import('../../src/store/kv.js');
    const { saveSession } = await import('../../src/store/session-store.js');
    const { generatedSession } = await import('../support/generated-sessions.js');
    const { createServices } = await import('../../src/services/services.js');
    const { defaultSessionName } = await import('../../src/session/recorder.js');
    await import('../../src/pages/stride-history-page.js');
    await import('../../src/pages/stride-session-page.js');
    useSeparateDatabase('stride-repro-renamed-run-lost');
    await clear(kvStore());
    // A run recorded today, named by the recorder as it names every run (origin 'simulator', not an import).
    const recorded = generatedSession({ id: 'recorded', startedAt: STARTED_AT, minutes: 10, cadenceBase: 172, speed: 3, name: defaultSessionName(STARTED_AT) });
    await saveSession(recorded);
    const services = createServices();
    const page = await fixture(html`<stride-history-page .services=${services}></stride-history-page>`);
    await waitUntil(() => services.history.loaded, 'the list was read');
    // The rename box starts with the stored name; the runner adds to it and presses Save.
    const given = `${recorded.meta.name} (tempo)`;
    expect(given.replace(/[\s\u202f\u00a0]+/g, ' ')).to.equal('Run 7 Dec 2026, 02:45 (tempo)');
    expect(await services.history.rename('recorded', given)).to.equal(true);
    await (page as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const title = text(page.shadowRoot!.querySelector('[data-id="recorded"] a.title'));

    const runPage = await fixture(html`<stride-session-page .services=${createServices()} .sessionId=${'recorded'}></stride-session-page>`);
    await waitUntil(() => (runPage as unknown as { opened: unknown }).opened !== null, 'the run was opened');
    await (runPage as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const heading = text(runPage.shadowRoot!.querySelector('h1'));
    const details = text(runPage.shadowRoot!.querySelector('header .meta'));

    // Expected: the saved name, "Run 7 Dec 2026, 02:45 (tempo)", on both; the recorded run names no file.
    // Actual: "Run 7 Dec 2026, 02:45" on both: the runner's "(tempo)" is dropped.
    expect({ title, heading }).to.deep.equal({ title: 'Run 7 Dec 2026, 02:45 (tempo)', heading: 'Run 7 Dec 2026, 02:45 (tempo)' });
    expect(details).not.to.contain('imported from');
  });
});
