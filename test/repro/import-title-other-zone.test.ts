import { expect } from '@open-wc/testing';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { importedSession } from '../../src/export/imported-session.js';
import { runTitle } from '../../src/session/date-format.js';
import { sessionTitle } from '../../src/session/session-title.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { fixtureSession } from '../export/session-fixture.js';

// An unnamed run with notes is exported with <Notes> starting "Run <start>" in the exporting
// browser's locale AND zone (runTitle, Intl with the default zone). The same runner imports that
// file on a device whose clock is in another zone (a laptop at home after a run abroad, a phone
// whose zone moved with DST travel): the title is still the app's own made title, so the run must
// be stored unnamed (and re-titled by its start here); instead only this browser's zone or the
// legacy en-GB form are recognised, so the foreign-zone title is frozen in as the runner's name:
// History shows "Run Dec 7, 2026, 2:45 AM" for a run that started 07:45 here, and sorts it by name.
describe('importing our own TCX of an unnamed run written in another zone', () => {
  it('stores it unnamed', () => {
    const session = fixtureSession();
    session.meta = { ...session.meta, name: '', notes: 'Felt heavy' };
    const here = Intl.DateTimeFormat().resolvedOptions();
    const zone = ['America/New_York', 'Asia/Tokyo'].find(
      (z) => new Intl.DateTimeFormat(here.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: z }).format(session.meta.startedAt)
        !== new Intl.DateTimeFormat(here.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(session.meta.startedAt),
    )!;
    // What the exporting device (same locale as here, zone `zone`) wrote as the title line.
    const theirs = `Run ${new Intl.DateTimeFormat(here.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(session.meta.startedAt)}`;
    const text = encodeTcx(session).replace(runTitle(session.meta.startedAt), theirs);
    expect(text, `locale ${here.locale}, zone ${here.timeZone} → ${zone}`).to.contain(theirs);
    const stored = importedSession(decodeTcx(text), defaultCadenceZones, { id: 'from-phone' });
    expect({ name: stored.meta.name, title: sessionTitle(stored.meta) }).to.deep.equal({ name: '', title: runTitle(session.meta.startedAt) });
  });
});
