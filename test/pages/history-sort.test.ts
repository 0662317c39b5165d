// History's name sort and the titles it shows, on lists the size History promises to keep quick.
import { expect } from '@open-wc/testing';
import { sortSessions } from '../../src/pages/history-sort.js';
import { legacyRunTitle, runTitle } from '../../src/session/date-format.js';
import { sessionTitle } from '../../src/session/session-title.js';
import { summary } from '../support/session-summaries.js';

/** How many dates Intl formats while `work` runs (every formatter's `format` is read from the prototype). */
function intlFormatsDuring(work: () => void): number {
  const proto = Intl.DateTimeFormat.prototype;
  const format = Object.getOwnPropertyDescriptor(proto, 'format')!;
  const formatToParts = proto.formatToParts;
  let count = 0;
  Object.defineProperty(proto, 'format', {
    ...format,
    get(this: Intl.DateTimeFormat) {
      count++;
      return format.get!.call(this);
    },
  });
  proto.formatToParts = function (this: Intl.DateTimeFormat, ...args) {
    count++;
    return formatToParts.apply(this, args);
  };
  try {
    work();
  } finally {
    Object.defineProperty(proto, 'format', format);
    proto.formatToParts = formatToParts;
  }
  return count;
}

describe('History sort and titles', () => {
  it('sorts unnamed runs by name in the order they started, named ones by name with numbers as numbers', () => {
    // Their titles differ only in the date: character by character 'Dec 10' came before 'Dec 7' and
    // 10:15 AM before 2:45 AM; in en-GB '7 Dec' after '10 Nov'.
    const nov10 = summary(new Date(2026, 10, 10, 18, 0).getTime(), { id: 'nov10', name: '' });
    const dec7early = summary(new Date(2026, 11, 7, 2, 45).getTime(), { id: 'dec7early', name: '' });
    const dec7late = summary(new Date(2026, 11, 7, 10, 15).getTime(), { id: 'dec7late', name: legacyRunTitle(new Date(2026, 11, 7, 10, 15).getTime()) });
    const dec10 = summary(new Date(2026, 11, 10, 2, 45).getTime(), { id: 'dec10', name: '' });
    const hills2 = summary(new Date(2026, 0, 1).getTime(), { id: 'hills2', name: 'hills 2' });
    const hills10 = summary(new Date(2026, 0, 2).getTime(), { id: 'hills10', name: 'Hills 10' });
    const tempo = summary(new Date(2026, 0, 3).getTime(), { id: 'tempo', name: 'Tempo' });
    const all = [tempo, dec10, hills10, dec7late, nov10, hills2, dec7early];
    const ids = (descending: boolean) => sortSessions(all, { key: 'name', descending }).map((s) => s.id);
    const aToZ = ['hills2', 'hills10', 'nov10', 'dec7early', 'dec7late', 'dec10', 'tempo'];
    expect(ids(false)).to.deep.equal(aToZ);
    expect(ids(true)).to.deep.equal([...aToZ].reverse());
    expect(sessionTitle(dec7late)).to.equal(runTitle(dec7late.startedAt));
  });

  it('titles and sorts 520 runs named by a released version formatting no date but each title’s own', () => {
    // History promises 520 runs under 150 ms for its whole first paint (test/bench/history-benchmarks.ts).
    // Recognising an old name used to format the start in 14 locales for every zone whose clock held the
    // name's numbers: 480 ms for 520 such runs. Counting Intl's formats measures that work without a clock.
    const runs = Array.from({ length: 520 }, (_, i) => {
      const startedAt = Date.UTC(2025, 0, 6, 7) + i * 1.4 * 86_400_000;
      const name =
        i % 2 === 0
          ? legacyRunTitle(startedAt)
          : `Run ${new Intl.DateTimeFormat('ja-JP', { dateStyle: 'medium', timeStyle: 'short' }).format(startedAt)}`;
      return summary(startedAt, { id: `r${i}`, name });
    });
    const formats = intlFormatsDuring(() => {
      const sorted = sortSessions(runs, { key: 'name', descending: false });
      sorted.forEach((r) => sessionTitle(r));
    });
    expect(formats, 'one date formatted per title made from a start, none to recognise or sort').to.equal(260);
  });
});
