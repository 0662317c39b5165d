import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { syntheticSession } from '../store/fixtures.js';
import { CASE_LIMIT_MS, runImportFuzz } from './import-fuzz-checks.js';

useSeparateDatabase('stride-test-import-fuzz');

// The bench runs ten thousand (`npm run bench -- import-fuzz`); this is the default run's share.
const CASES = Number(new URLSearchParams(location.search).get('importFuzzCases') ?? 25);

describe('importing damaged FIT and TCX files', () => {
  before(async () => {
    await clear(kvStore());
    await saveSession(syntheticSession({ id: 'kept', seconds: 150, startedAt: Date.UTC(2026, 0, 5) }));
  });

  it(`refuses or reads each of ${CASES} mutated files in words, under ${CASE_LIMIT_MS} ms, and leaves the store as it was`, async function () {
    this.timeout(60_000);
    const report = await runImportFuzz(CASES, 0x1f17);
    expect(report.failures.slice(0, 5)).to.deep.equal([]);
    expect(report.cases).to.equal(CASES);
    // Both outcomes were reached: the mutations are neither all fatal nor all harmless.
    expect(report.refused).to.be.greaterThan(CASES / 4);
    expect(report.accepted).to.be.greaterThan(0);
  });
});
