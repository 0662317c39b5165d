// A run nobody named is titled by its start when shown, in today's locale and zone, whatever a
// released version stored for it; a name the runner typed reads as typed, brackets and all. Run in
// London, en-GB, with names stored in New York and one typed in an en-US date format.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setLocale, setTimeZone } from '../support/time-zone.js';

/** 7 Dec 2026, 02:45 UTC = 02:45 in London = 6 Dec 2026, 21:45 in New York (EST, UTC-5). */
const STARTED_AT = Date.UTC(2026, 11, 7, 2, 45);
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

describe('run titles (en-GB, London)', () => {
  before(async () => {
    await setTimeZone('Europe/London');
    await setLocale('en-GB');
  });
  after(async () => {
    await setLocale(null);
    await setTimeZone(null);
  });

  async function historyPage(database: string, save: (saveSession: typeof import('../../src/store/session-store.js').saveSession) => Promise<void>) {
    const { clear } = await import('idb-keyval');
    const { kvStore, useSeparateDatabase } = await import('../../src/store/kv.js');
    const { saveSession } = await import('../../src/store/session-store.js');
    const { createServices } = await import('../../src/services/services.js');
    await import('../../src/pages/stride-history-page.js');
    useSeparateDatabase(database);
    await clear(kvStore());
    await save(saveSession);
    const services = createServices();
    const page = await fixture(html`<stride-history-page .services=${services}></stride-history-page>`);
    await waitUntil(() => services.history.loaded, 'the list was read');
    await (page as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    return { page, services };
  }

  it("History titles each unnamed run by its date column's date, wherever a released version stored its name", async () => {
    const { generatedSession } = await import('../support/generated-sessions.js');
    // Released versions stored 'Run D Mon YYYY, HH:MM' in the recording browser's time (here: in London,
    // and in New York before the runner moved); now the recorder stores no name. A name in a locale's
    // format was never stored by a released version, so it reads as the runner typed it.
    const enUsNewYork = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/New_York' });
    const base = { minutes: 10, cadenceBase: 172, speed: 3 };
    const unnamed = [
      { id: 'legacy-london', startedAt: STARTED_AT, name: 'Run 7 Dec 2026, 02:45' },
      { id: 'legacy-new-york', startedAt: STARTED_AT + 1000, name: 'Run 6 Dec 2026, 21:45' },
      { id: 'unnamed', startedAt: STARTED_AT + 2000, name: '' },
    ];
    const typed = { id: 'en-us-typed', startedAt: STARTED_AT + 3000, name: `Run ${enUsNewYork.format(STARTED_AT + 3000)}` };
    const { page } = await historyPage('stride-test-run-titles-unnamed', async (saveSession) => {
      for (const run of [...unnamed, typed]) await saveSession(generatedSession({ ...base, ...run }));
    });
    const rowOf = (id: string) => page.shadowRoot!.querySelector(`[data-id="${id}"]`)!;
    const rows = unnamed.map(({ id }) => ({ id, title: text(rowOf(id).querySelector('a.title')), date: text(rowOf(id).querySelector('time')) }));
    expect(rows.map((r) => r.date)).to.deep.equal(unnamed.map(() => '7 Dec 2026, 02:45'));
    expect(rows.map((r) => `${r.id}: ${r.title}`)).to.deep.equal(rows.map((r) => `${r.id}: Run ${r.date}`));
    expect(text(rowOf(typed.id).querySelector('a.title'))).to.equal(text({ textContent: typed.name } as Element));
    // Renaming one starts from no name of the runner's, its title as the placeholder.
    const row = rowOf('legacy-new-york');
    row.querySelector<HTMLButtonElement>('button.rename')!.click();
    await (page as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const input = row.querySelector<HTMLInputElement>('input.name-input')!;
    expect({ value: input.value, placeholder: text({ textContent: input.placeholder } as Element) }).to.deep.equal({ value: '', placeholder: 'Run 7 Dec 2026, 02:45' });
  });

  it("History and the run's page show the name the runner gave a recorded run, brackets and all", async () => {
    const { generatedSession } = await import('../support/generated-sessions.js');
    const { createServices } = await import('../../src/services/services.js');
    const { runTitle } = await import('../../src/session/date-format.js');
    await import('../../src/pages/stride-session-page.js');
    // A recorded run (origin 'simulator', not an import) as an older recorder named it here.
    const recorded = generatedSession({ id: 'recorded', startedAt: STARTED_AT, minutes: 10, cadenceBase: 172, speed: 3, name: runTitle(STARTED_AT) });
    const { page, services } = await historyPage('stride-test-run-titles-renamed', (saveSession) => saveSession(recorded));
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
    expect({ title, heading }).to.deep.equal({ title: 'Run 7 Dec 2026, 02:45 (tempo)', heading: 'Run 7 Dec 2026, 02:45 (tempo)' });
    expect(details).not.to.contain('imported from');
  });
});
