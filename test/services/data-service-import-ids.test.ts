// Files opened with the app or shared to it come in through DataService.importFiles, and the app
// then shows the run: each import resolves with its own files' outcomes, a stored run's with its id.

import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { encodeTcx } from '../../src/export/tcx.js';
import { createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { listSessions } from '../../src/store/session-store.js';
import { fixtureSession } from '../export/session-fixture.js';

useSeparateDatabase('stride-test-data-service-import-ids');

describe('an import says which run each file became', () => {
  before(() => clear(kvStore()));

  it('resolves with its own files\' outcomes, a stored run\'s carrying the id it is stored under', async function () {
    this.timeout(20_000);
    const { data } = createServices();
    const tcx = encodeTcx(fixtureSession());
    // Two imports at once: each hears only of its own files, though the outcomes on Settings join.
    const [first, second] = await Promise.all([
      data.importFiles([new File([tcx], 'a.tcx'), new File(['not a run'], 'notes.txt')]),
      data.importFiles([new File([tcx], 'b.tcx')]),
    ]);
    const stored = (await listSessions()).map((s) => s.id);
    expect(first.map((o) => `${o.fileName} ${o.ok}`)).to.deep.equal(['a.tcx true', 'notes.txt false']);
    expect(second.map((o) => o.fileName)).to.deep.equal(['b.tcx']);
    expect(stored).to.have.length(2);
    expect([first[0]!.id, second[0]!.id].sort()).to.deep.equal([...stored].sort());
    expect(first[1]!.id).to.equal(undefined);
    expect(data.outcomes.map((o) => o.fileName)).to.deep.equal(['a.tcx', 'notes.txt', 'b.tcx']);
  });
});
