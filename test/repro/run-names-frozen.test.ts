// A run's name is stored as text made in the locale and time zone of the browser that recorded it
// (recorder.ts: defaultSessionName = runTitle(startedAt), frozen into meta.name). The same browser
// later in another language, or the runner in another time zone, reads History's title in the old
// format, even on another day, beside the date column in today's. Run in London, en-GB.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setLocale, setTimeZone } from '../support/time-zone.js';

/** 7 Dec 2026, 02:45 UTC = 02:45 in London = 6 Dec 2026, 21:45 in New York (EST, UTC-5). */
const STARTED_AT = Date.UTC(2026, 11, 7, 2, 45);
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

describe('repro: a run name frozen in the locale/zone it was recorded in', () => {
  let rows: { id: string; title: string; date: string }[] = [];
  before(async () => {
    await setTimeZone('Europe/London');
    await setLocale('en-GB');
    const { clear } = await import('idb-keyval');
    const { kvStore, useSeparateDatabase } = await import('../../src/store/kv.js');
    const { saveSession } = await import('../../src/store/session-store.js');
    const { generatedSession } = await import('../support/generated-sessions.js');
    const { createServices } = await import('../../src/services/services.js');
    await import('../../src/pages/stride-history-page.js');
    useSeparateDatabase('stride-repro-run-names-frozen');
    await clear(kvStore());
    // What today's recorder stores in an en-US browser (runTitle with the browser's own formatter,
    // dateStyle medium, timeStyle short), made here independently with an explicit en-US formatter.
    const enUsNewYork = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/New_York' });
    const enUsLondon = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
    const base = { minutes: 10, cadenceBase: 172, speed: 3 };
    await saveSession(generatedSession({ ...base, id: 'en-us-same-zone', startedAt: STARTED_AT, name: `Run ${enUsLondon.format(STARTED_AT)}` }));
    await saveSession(generatedSession({ ...base, id: 'en-us-new-york', startedAt: STARTED_AT + 1000, name: `Run ${enUsNewYork.format(STARTED_AT + 1000)}` }));
    // What the older version (fixed 'Run D Mon YYYY, HH:MM', local time) stored for a run recorded in New York.
    await saveSession(generatedSession({ ...base, id: 'legacy-new-york', startedAt: STARTED_AT + 2000, name: 'Run 6 Dec 2026, 21:45' }));
    const services = createServices();
    const page = await fixture(html`<stride-history-page .services=${services}></stride-history-page>`);
    await waitUntil(() => services.history.loaded, 'the list was read');
    await (page as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    rows = ['en-us-same-zone', 'en-us-new-york', 'legacy-new-york'].map((id) => {
      const row = page.shadowRoot!.querySelector(`[data-id="${id}"]`)!;
      return { id, title: text(row.querySelector('a.title')), date: text(row.querySelector('time')) };
    });
  });
  after(async () => {
    await setLocale(null);
    await setTimeZone(null);
  });

  it('History: each unnamed run\'s title reads its date column\'s date, in the browser\'s locale and zone', () => {
    // Expected: each of these is a name the app gave (never the runner's), so it reads as today's
    // runTitle: "Run 7 Dec 2026, 02:45" beside the date "7 Dec 2026, 02:45".
    // Actual: "Run Dec 7, 2026, 2:45 AM" (en-US words in an en-GB app), "Run Dec 6, 2026, 9:45 PM" and
    // "Run 6 Dec 2026, 21:45" (the day before, 5 h off) beside "7 Dec 2026, 02:45".
    expect(rows.map((r) => `${r.id}: ${r.title}`)).to.deep.equal(rows.map((r) => `${r.id}: Run ${r.date}`));
  });
});
