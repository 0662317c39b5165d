// Collects every date a runner sees for the same two runs (one recorded, one imported from a
// watch's FIT file) on every page that shows one, as text. Imported only after the test page has
// been given its locale and time zone (dates.en-us.test.ts, dates.en-gb.test.ts): the app builds
// its formatters when its modules load, as a browser does once per language.

import { fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-history-page.js';
import '../../src/pages/stride-session-page.js';
import '../../src/pages/stride-compare-page.js';
import '../../src/components/stride-recovery-prompt.js';
import type { StrideHistoryPage } from '../../src/pages/stride-history-page.js';
import type { StrideSessionPage } from '../../src/pages/stride-session-page.js';
import type { StrideComparePage } from '../../src/pages/stride-compare-page.js';
import type { StrideRecoveryPrompt } from '../../src/components/stride-recovery-prompt.js';
import { importRunFiles } from '../../src/services/data-files.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { listSessions, saveSession } from '../../src/store/session-store.js';
import { generatedSession } from '../support/generated-sessions.js';
import { watchActivity } from '../support/watch-files.js';

/** 7 Dec 2026, 02:45 and 02:57 in London (UTC in December). */
export const RECORDED_AT = Date.UTC(2026, 11, 7, 2, 45);
export const IMPORTED_AT = Date.UTC(2026, 11, 7, 2, 57);

export interface ShownDates {
  history: { title: string; date: string }[];
  runPage: { title: string; meta: string }[];
  compareOptions: string[];
  recoveryPrompt: string;
  importOutcome: string;
}

/** Text as a runner reads it: a no-break space (inside a date, before "AM") is a space to the eye. */
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/[\s\u202f]+/g, ' ').trim();

export async function datesOnEveryPage(locale: string): Promise<ShownDates> {
  useSeparateDatabase(`stride-test-dates-${locale}`);
  await clear(kvStore());
  // Named as the recorder names a run (recorder.ts), as the screenshot tool's simulated run is.
  await saveSession(generatedSession({ id: 'recorded', startedAt: RECORDED_AT, minutes: 10, cadenceBase: 172, speed: 3, name: '' }));
  const watch = watchActivity({ durationS: 600, sampling: 'smart', startedAt: IMPORTED_AT });
  const [outcome] = await importRunFiles([new File([watch.fit], 'Morning_Run_2026-12-07.fit')], defaultCadenceZones);
  const imported = (await listSessions()).find((s) => s.origin === 'import')!;

  const services = createServices();
  const history = await fixture<StrideHistoryPage>(html`<stride-history-page .services=${services}></stride-history-page>`);
  await waitUntil(() => services.history.loaded, 'the list was read');
  await history.updateComplete;
  const historyRows = ['recorded', imported.id].map((id) => {
    const row = history.shadowRoot!.querySelector(`[data-id="${id}"]`)!;
    return { title: text(row.querySelector('a.title')), date: text(row.querySelector('time')) };
  });

  const runPage: ShownDates['runPage'] = [];
  for (const id of ['recorded', imported.id]) {
    const page = await fixture<StrideSessionPage>(html`<stride-session-page .services=${createServices()} .sessionId=${id}></stride-session-page>`);
    await waitUntil(() => page.opened !== null, 'the run was opened');
    await page.updateComplete;
    runPage.push({ title: text(page.shadowRoot!.querySelector('h1')), meta: text(page.shadowRoot!.querySelector('header .meta')) });
  }

  const compareServices = createServices();
  const compare = await fixture<StrideComparePage>(
    html`<stride-compare-page .services=${compareServices} .sessionA=${'recorded'} .sessionB=${imported.id}></stride-compare-page>`,
  );
  await waitUntil(() => compare.openedA !== null && compare.openedB !== null && compareServices.history.loaded, 'both runs opened');
  await compare.updateComplete;
  const compareOptions = [...compare.shadowRoot!.querySelectorAll('option')].map((o) => text(o));

  const prompt = await fixture<StrideRecoveryPrompt>(html`<stride-recovery-prompt></stride-recovery-prompt>`);
  prompt.summary = (await listSessions()).find((s) => s.id === 'recorded')!;
  await prompt.updateComplete;

  return { history: historyRows, runPage, compareOptions, recoveryPrompt: text(prompt.shadowRoot!.querySelector('p')), importOutcome: outcome!.message.replace(/[\s\u202f]+/g, ' ') };
}
