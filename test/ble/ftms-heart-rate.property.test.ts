import { expect } from '@open-wc/testing';
import { invariantRuns } from '../support/invariant-runs.js';
import { checkHeartRatePacket, checkTreadmillPacket, fuzz, heartRatePackets, treadmillPackets } from './fuzz-checks.js';

// A treadmill or strap can send anything. Each parser must return exactly what the reference
// reading says or throw its own parse error, and throw exactly when the packet is shorter than its
// flags promise (see fuzz-checks.ts). The million-packet run per parser is `test/bench/ble-fuzz.ts`;
// here a smaller run keeps the default test run short (`npm run bench -- invariants` runs ten times it).
const RUNS = invariantRuns(10_000);

describe('Treadmill Data and Heart Rate Measurement parsers on random bytes', () => {
  it(`${RUNS.toLocaleString('en')} random treadmill packets: the reference value, or FtmsParseError exactly when short`, async function () {
    this.timeout(60_000);
    // With DevTools attached every Error records the async stack; after an await it is nearly empty.
    await Promise.resolve();
    const report = fuzz(treadmillPackets, checkTreadmillPacket, RUNS, 0x2acd);
    expect(report.failure).to.equal(null);
    expect(report.runs).to.equal(RUNS);
    // The generator must keep reaching both sides of the length boundary.
    expect(report.accepted, 'accepted').to.be.greaterThan(RUNS / 10);
    expect(report.rejected, 'rejected').to.be.greaterThan(RUNS / 10);
  });

  it(`${RUNS.toLocaleString('en')} random heart-rate packets: the reference value, or HeartRateParseError exactly when shorter than its fixed fields`, async function () {
    this.timeout(60_000);
    await Promise.resolve();
    const report = fuzz(heartRatePackets, checkHeartRatePacket, RUNS, 0x2a37);
    expect(report.failure).to.equal(null);
    expect(report.runs).to.equal(RUNS);
    expect(report.accepted, 'accepted').to.be.greaterThan(RUNS / 10);
    expect(report.rejected, 'rejected').to.be.greaterThan(RUNS / 10);
  });
});
