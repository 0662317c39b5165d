// Settings' progress bar comes from the data service: while a big file is imported it says how far
// (climbing, to 100 % as it is stored), and it says nothing once the import is done.

import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { bigWatchRun } from '../bench/import-big-files.js';

useSeparateDatabase('stride-test-data-service-import-progress');

describe('the data service while a big file is imported', () => {
  before(() => clear(kvStore()));

  it('tells the file and its climbing percent with each change, and nothing once it is stored', async function () {
    this.timeout(60_000);
    const { data } = createServices();
    const seen: string[] = [];
    data.addEventListener('change', () => {
      if (data.importProgress) seen.push(`${data.importProgress.fileName} ${data.importProgress.percent}`);
    });
    await data.importFiles([new File([bigWatchRun(6_000, 4, ['tcx']).tcx], 'long.tcx')]);
    expect(data.importProgress).to.equal(null);
    expect(data.outcomes.map((o) => o.ok)).to.deep.equal([true]);
    expect(seen[0]).to.equal('long.tcx 0');
    expect(seen.at(-1)).to.equal('long.tcx 100');
    expect(seen.length).to.be.greaterThan(5);
  });
});
