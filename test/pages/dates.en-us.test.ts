// Every page shows the same run's start in one format, the browser's locale's: en-US here.
import { expect } from '@open-wc/testing';
import { setLocale, setTimeZone } from '../support/time-zone.js';
import type { ShownDates } from './dates-on-every-page.js';
import { expectOneFormat } from './dates-one-format.js';

describe('dates on every page in en-US', () => {
  let shown: ShownDates;
  before(async () => {
    await setTimeZone('Europe/London');
    await setLocale('en-US');
    shown = await (await import('./dates-on-every-page.js')).datesOnEveryPage('en-US');
  });
  after(async () => {
    await setLocale(null);
    await setTimeZone(null);
  });

  it('reads "Dec 7, 2026, 2:45 AM" for a run, recorded or imported, on History, its page, Compare and the recovery prompt', () => {
    expectOneFormat(shown, 'Dec 7, 2026, 2:45 AM', 'Dec 7, 2026, 2:57 AM');
    expect(shown.history[0]!.title).to.equal('Run Dec 7, 2026, 2:45 AM');
  });
});
