// A file picked in Settings while a big one imports (the page stays live with the reading in a
// worker): it waits for the first, the outcomes tell every file of both imports, and the progress
// bar names only the file being read, never flicking between two, never a file already done.

import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { encodeTcx } from '../../src/export/tcx.js';
import { createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { listSessions } from '../../src/store/session-store.js';
import { bigWatchRun } from '../bench/import-big-files.js';
import { fixtureSession } from '../export/session-fixture.js';

useSeparateDatabase('stride-test-data-service-imports-at-once');

describe('files picked while a big one imports', () => {
  before(() => clear(kvStore()));

  it('are imported after it, every outcome told, the bar naming only the file being read', async function () {
    this.timeout(90_000);
    const { data } = createServices();
    const long = bigWatchRun(6_000, 4, ['tcx']).tcx;
    const bars: string[] = [];
    const doneWhileNamed: string[] = [];
    data.addEventListener('change', () => {
      const bar = data.importProgress;
      if (!bar) return;
      bars.push(`${bar.fileName} ${bar.percent}`);
      if (data.outcomes.some((o) => o.fileName === bar.fileName)) doneWhileNamed.push(`${bar.fileName} ${bar.percent}`);
    });
    const first = data.importFiles([new File([long], 'long-1.tcx')]);
    // The runner sees the bar, then picks two more files.
    await new Promise<void>((resolve) => {
      const onChange = (): void => {
        if (!data.importProgress) return;
        data.removeEventListener('change', onChange);
        resolve();
      };
      data.addEventListener('change', onChange);
    });
    const second = data.importFiles([new File([encodeTcx(fixtureSession())], 'short.tcx'), new File([long], 'long-2.tcx')]);
    await Promise.all([first, second]);

    expect((await listSessions()).length).to.equal(3);
    expect(data.outcomes.map((o) => `${o.fileName} ${o.ok}`)).to.deep.equal(['long-1.tcx true', 'short.tcx true', 'long-2.tcx true']);
    expect(data.importProgress).to.equal(null);
    expect(doneWhileNamed, 'a file named by the bar after it was done').to.deep.equal([]);
    // One file after the other: long-1's climb, then long-2's, never back.
    const names = bars.map((bar) => bar.split(' ')[0]);
    const switched = names.indexOf('long-2.tcx');
    expect(switched, bars.join(', ')).to.be.greaterThan(0);
    expect(names.slice(0, switched).every((name) => name === 'long-1.tcx') && names.slice(switched).every((name) => name === 'long-2.tcx'), bars.join(', ')).to.equal(true);
  });
});
