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
  it('reads a name an older version made in another locale or time zone as no name of the runner’s', () => {
    const at = Date.UTC(2026, 11, 7, 2, 45);
    const enUs = (timeZone: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
    const deDe = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(at);
    for (const name of [`Run ${enUs('America/New_York')}`, `Run ${enUs('Europe/London')}`, `Run ${deDe}`]) {
      expect(isDefaultRunName(name, at), name).to.equal(true);
      expect(sessionTitle({ name, startedAt: at }), name).to.equal(runTitle(at));
    }
    expect(isDefaultRunName(`Run ${enUs('America/New_York')}`, at + 60_000), 'a minute off its start').to.equal(false);
    expect(isDefaultRunName(`Walk ${enUs('America/New_York')}`, at), 'a walk’s name on a run').to.equal(false);
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
