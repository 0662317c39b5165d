// Issue 17 / commit 202045e promise: names older versions stored for a run's start, "in the
// recording browser's locale ... any locale, any zone", read as the default title. Only 13 fixed
// locales plus today's are tried, so a run recorded in a Russian, Japanese, Chinese, Korean,
// Czech or Turkish browser keeps its old-locale name beside today's dates once the browser (or
// the restored backup's machine) is in English.
import { expect } from '@open-wc/testing';
import { isDefaultRunName, runTitle } from '../../src/session/date-format.js';
import { sessionTitle } from '../../src/session/session-title.js';

describe('legacy run names stored in other locales', () => {
  it('reads an old name stored by a browser in ru-RU / ja-JP / zh-CN / ko-KR / cs-CZ / tr-TR as the default title', () => {
    const start = Date.UTC(2026, 11, 7, 2, 45);
    const wrong: string[] = [];
    for (const locale of ['ru-RU', 'ja-JP', 'zh-CN', 'ko-KR', 'cs-CZ', 'tr-TR']) {
      // What an older version stored: 'Run ' + formatDateTime in the recording browser's locale (same options as date-format.ts).
      const stored = `Run ${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(start)}`;
      const shown = sessionTitle({ name: stored, startedAt: start, sport: 'run', origin: 'recorded' });
      if (!isDefaultRunName(stored, start) || shown !== runTitle(start)) wrong.push(`${locale}: stored '${stored}' shown '${shown}'`);
    }
    expect(wrong, `expected every one to read '${runTitle(start)}'`).to.deep.equal([]);
  });
});
