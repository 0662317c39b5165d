// Review of issue 20: with the file read in a worker the page stays live while a big watch file
// imports (issue 20: "imports off the main thread ... with a progress bar"), so a runner can pick
// another file in Settings while the bar still climbs. Each pick is its own importFiles; the
// outcomes list (what Settings says became of each file) must still tell both.

import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { encodeTcx } from '../../../src/export/tcx.js';
import { createServices } from '../../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { listSessions } from '../../../src/store/session-store.js';
import { bigWatchRun } from '../../bench/import-big-files.js';
import { fixtureSession } from '../../export/session-fixture.js';

useSeparateDatabase('stride-test-repro-import-two-at-once');

describe('a second file picked while a big one imports', () => {
  before(() => clear(kvStore()));

  it('says what became of both files once both are stored', async function () {
    this.timeout(60_000);
    const { data } = createServices();
    const big = new File([bigWatchRun(6_000, 4, ['tcx']).tcx], 'long.tcx');
    const small = new File([encodeTcx(fixtureSession())], 'short.tcx');
    const first = data.importFiles([big]);
    // The runner sees the bar, then picks the second file.
    await new Promise<void>((resolve) => {
      const onChange = (): void => {
        if (!data.importProgress) return;
        data.removeEventListener('change', onChange);
        resolve();
      };
      data.addEventListener('change', onChange);
    });
    const second = data.importFiles([small]);
    await Promise.all([first, second]);
    // Both runs are stored...
    expect((await listSessions()).length).to.equal(2);
    // ...but Settings tells only one of them: the other import's outcome is overwritten.
    expect(data.outcomes.map((o) => `${o.fileName} ${o.ok}`).sort()).to.deep.equal(['long.tcx true', 'short.tcx true']);
    expect(data.importProgress).to.equal(null);
  });
});
