import { expect } from '@open-wc/testing';
import { importedFileName, sessionTitle } from '../../src/components/session-format.js';
import { isDefaultRunName, legacyRunTitle, runTitle } from '../../src/session/date-format.js';

const t = new Date(2026, 11, 7, 2, 45).getTime();

describe('session-format: titles', () => {
  it('reads a name an older version gave (fixed English, an import’s file in brackets) as today’s, in the one format', () => {
    expect(legacyRunTitle(t)).to.equal('Run 7 Dec 2026, 02:45');
    expect(sessionTitle({ name: 'Run 7 Dec 2026, 02:45', startedAt: t })).to.equal(runTitle(t));
    expect(sessionTitle({ name: 'Walk 7 Dec 2026, 02:45', startedAt: t, sport: 'walk' })).to.equal(runTitle(t, 'walk'));
    expect(sessionTitle({ name: 'Run 7 Dec 2026, 02:45 (Morning Run.fit)', startedAt: t, origin: 'import' })).to.equal(runTitle(t));
    expect(sessionTitle({ name: '', startedAt: t })).to.equal(runTitle(t));
  });
  it('reads the fixed English name a shipped version stored in another real time zone as the default', () => {
    // 7 Dec 2026, 02:45 UTC: 21:45 the day before in New York (UTC-5), 08:30 in Kathmandu (UTC+5:45).
    const at = Date.UTC(2026, 11, 7, 2, 45, 30);
    for (const name of ['Run 6 Dec 2026, 21:45', 'Run 7 Dec 2026, 08:30', 'Run 7 Dec 2026, 02:45']) {
      expect(isDefaultRunName(name, at), name).to.equal(true);
      expect(sessionTitle({ name, startedAt: at }), name).to.equal(runTitle(at));
    }
    expect(sessionTitle({ name: 'Walk 6 Dec 2026, 21:45 (Evening Walk (1).gpx)', startedAt: at, sport: 'walk', origin: 'import' })).to.equal(runTitle(at, 'walk'));
    expect(runTitle(at, 'walk').startsWith('Walk ')).to.equal(true);
    expect(isDefaultRunName('Run 6 Dec 2026, 21:46', at), 'a minute off its start').to.equal(false);
    expect(isDefaultRunName('Walk 6 Dec 2026, 21:45', at), 'a walk’s name on a run').to.equal(false);
    expect(isDefaultRunName('Run 31 Nov 2026, 21:45', Date.UTC(2026, 11, 2, 2, 45)), 'a day no calendar has').to.equal(false);
  });
  it('keeps a "Run <date>, <time>" the runner typed that is the start in no real time zone', () => {
    // Before, any quarter hour from UTC-12 to UTC+14 counted as the start's zone, so a runner's
    // "Run 7 Dec 2026, 09:00" on a run that started 02:45 UTC (+6:15, no zone's offset) was renamed back to the start.
    const at = Date.UTC(2026, 11, 7, 2, 45);
    for (const name of ['Run 7 Dec 2026, 09:00', 'Run 7 Dec 2026, 03:00', 'Run 6 Dec 2026, 13:30']) {
      expect(isDefaultRunName(name, at), name).to.equal(false);
      expect(sessionTitle({ name, startedAt: at }), name).to.equal(name);
    }
  });
  it('shows a name in another locale’s format as stored: no released version wrote one, so it may be the runner’s', () => {
    // Released versions named runs only 'Run 7 Dec 2026, 02:45' (recorder.ts defaultSessionName up to
    // 7c669a6). Locale-formatted names were written only by unreleased code of the change that made titles
    // follow the locale, so no runner's store holds one from the app; such a name is one a runner typed or pasted.
    const at = Date.UTC(2026, 11, 7, 2, 45);
    for (const locale of ['en-US', 'de-DE', 'ru-RU', 'ja-JP', 'zh-CN', 'ko-KR', 'cs-CZ', 'tr-TR']) {
      const name = `Run ${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(at)}`;
      expect(isDefaultRunName(name, at), name).to.equal(false);
      expect(sessionTitle({ name, startedAt: at }), name).to.equal(name);
    }
  });
  it('keeps a name of the runner’s own, even one that holds a date', () => {
    expect(sessionTitle({ name: 'Hills', startedAt: t })).to.equal('Hills');
    expect(sessionTitle({ name: 'Run 8 Dec 2026, 02:45', startedAt: t }), 'another day than its start').to.equal('Run 8 Dec 2026, 02:45');
    expect(sessionTitle({ name: 'Run 7 Dec 2026, 02:45 and more', startedAt: t })).to.equal('Run 7 Dec 2026, 02:45 and more');
  });
  it('keeps brackets the runner added to a recorded run’s name: only an import’s name held its file', () => {
    for (const origin of ['bluetooth', 'simulator'] as const) {
      expect(sessionTitle({ name: 'Run 7 Dec 2026, 02:45 (tempo)', startedAt: t, origin }), origin).to.equal('Run 7 Dec 2026, 02:45 (tempo)');
    }
    expect(sessionTitle({ name: 'Run 7 Dec 2026, 02:45 (tempo)', startedAt: t })).to.equal('Run 7 Dec 2026, 02:45 (tempo)');
  });
  it('finds an imported run’s file in its details, or in an older import’s name', () => {
    const imported = { startedAt: t, origin: 'import' as const };
    expect(importedFileName({ ...imported, name: runTitle(t), importedFrom: 'watch.fit' })).to.equal('watch.fit');
    expect(importedFileName({ ...imported, name: 'Run 7 Dec 2026, 02:45 (Morning Run.fit)' })).to.equal('Morning Run.fit');
    expect(importedFileName({ ...imported, name: 'Hills' })).to.equal(null);
    expect(importedFileName({ startedAt: t, origin: 'bluetooth', name: 'Run 7 Dec 2026, 02:45 (x)' })).to.equal(null);
  });
});
