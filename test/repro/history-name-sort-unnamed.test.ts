// Unnamed runs now store '' and History's Session column sorts them by their shown title
// (history-sort.ts: sessionTitle(...).toLocaleLowerCase() then plain localeCompare). The only
// text that differs between them is the date, compared character by character: "Run Dec 10, 2026"
// sorts A–Z before "Run Dec 7, 2026", and a 10:15 AM run before a 2:45 AM run of the same day.
// Expected (independently): an A–Z list of names that differ only in their numbers puts 7 before 10
// and 2:45 before 10:15, as any numeric-aware collation (localeCompare numeric: true) does.
import { expect } from '@open-wc/testing';
import { sortSessions } from '../../src/pages/history-sort.js';
import { sessionTitle } from '../../src/session/session-title.js';
import { summary } from '../support/session-summaries.js';

describe('History sorted by name, unnamed runs', () => {
  it('orders runs whose titles differ only in the day or the hour by number', () => {
    const dec7early = summary(new Date(2026, 11, 7, 2, 45).getTime(), { name: '' });
    const dec7late = summary(new Date(2026, 11, 7, 10, 15).getTime(), { name: '' });
    const dec10 = summary(new Date(2026, 11, 10, 2, 45).getTime(), { name: '' });
    const sorted = sortSessions([dec10, dec7late, dec7early], { key: 'name', descending: false }).map((s) => sessionTitle(s));
    expect(sorted).to.deep.equal([dec7early, dec7late, dec10].map((s) => sessionTitle(s)));
  });
});
