import { expect } from '@open-wc/testing';
import { invariantRuns } from '../support/invariant-runs.js';
import { fuzzRsc } from './rsc-fuzz-checks.js';

// A footpod can send anything: every parser returns a well-formed value or throws RscParseError,
// exactly when the packet is too short for its own flags (test/ble/rsc-fuzz-checks.ts). The test
// run checks 10 000 packets, `npm run bench -- invariants` 100 000 and `npm run bench -- ble-fuzz` a million.
const RUNS = invariantRuns(10_000);

describe('RSC parsers on random bytes', () => {
  it(`${RUNS.toLocaleString('en')} random packets of 0-24 bytes: a well-formed value or RscParseError`, async function () {
    this.timeout(60_000);
    await Promise.resolve();
    const report = fuzzRsc(RUNS);
    expect(report.failure).to.equal(null);
    expect(report.runs).to.equal(RUNS);
    // The generator must keep reaching every length and the rare response branch.
    expect(Math.min(...report.lengths), `packets by length: ${report.lengths.join(' ')}`).to.be.greaterThan(RUNS / 100);
    expect(report.locationLists).to.be.greaterThan(RUNS / 500);
  });
});
