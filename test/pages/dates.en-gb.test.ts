// Every page shows the same run's start in one format, the browser's locale's: en-GB here.
import { expect } from '@open-wc/testing';
import { setLocale, setTimeZone } from '../support/time-zone.js';
import type { ShownDates } from './dates-on-every-page.js';
import { expectOneFormat } from './dates-one-format.js';

describe('dates on every page in en-GB', () => {
  let shown: ShownDates;
  before(async () => {
    await setTimeZone('Europe/London');
    await setLocale('en-GB');
    shown = await (await import('./dates-on-every-page.js')).datesOnEveryPage('en-GB');
  });
  after(async () => {
    await setLocale(null);
    await setTimeZone(null);
  });

  it('reads "7 Dec 2026, 02:45" for a run, recorded or imported, on History, its page, Compare and the recovery prompt', () => {
    expectOneFormat(shown, '7 Dec 2026, 02:45', '7 Dec 2026, 02:57');
    expect(shown.history[0]!.title).to.equal('Run 7 Dec 2026, 02:45');
  });
});
