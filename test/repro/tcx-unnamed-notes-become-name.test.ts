// "Imported runs are named like recorded ones": an unnamed run stores name '' and is titled
// "Run <start>" when shown. Its TCX writes <Notes> as "name, blank line, notes" (tcx.ts notesOf),
// so with no name the Notes start with two newlines, and any reader that "takes the first line as
// the name" (tcx-decode.ts firstLine skips blank lines) takes the runner's notes as its name.
// Exporting an unnamed run with the note "Felt heavy, left calf tight" and importing the file
// names the run "Felt heavy, left calf tight" in History instead of "Run <start>".
import { expect } from '@open-wc/testing';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { runTitle } from '../../src/session/date-format.js';
import { sessionTitle } from '../../src/session/session-title.js';
import { fixtureSession } from '../export/session-fixture.js';

describe('TCX of an unnamed run with notes', () => {
  it('does not hand the notes to a reader as the run’s name', () => {
    const session = fixtureSession();
    session.meta = { ...session.meta, name: '', notes: 'Felt heavy, left calf tight' };
    // What every screen shows for it.
    expect(sessionTitle(session.meta)).to.equal(runTitle(session.meta.startedAt));
    const back = decodeTcx(encodeTcx(session));
    // Expected: no name in the file (as for an unnamed run with no notes) or the shown title; never the notes.
    expect(back.name, 'name a reader takes from the exported file').to.not.equal('Felt heavy, left calf tight');
  });
});
