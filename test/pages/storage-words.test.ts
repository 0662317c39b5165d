import { expect } from '@open-wc/testing';
import { describePersistence, describeUsage, formatBytes } from '../../src/pages/storage-words.js';

describe('storage words', () => {
  it('describes usage in a line a runner reads', () => {
    expect(describeUsage({ usedBytes: 12_345_678, quotaBytes: 2_100_000_000, persisted: true })).to.equal(
      '12.3 MB of 2.1 GB used · kept by the browser',
    );
    expect(describeUsage({ usedBytes: 512, quotaBytes: 300_000_000_000, persisted: false })).to.equal(
      '512 bytes of 300 GB used · may be cleared by the browser when space runs low',
    );
    expect(describeUsage(null)).to.equal('This browser does not say how much storage is used.');
  });

  it('formats byte counts', () => {
    expect([0, 999, 1000, 99_949, 99_950, 999_949, 999_950, 1.5e12, Number.NaN].map(formatBytes)).to.deep.equal([
      '0 bytes', '999 bytes', '1.0 kB', '99.9 kB', '100 kB', '1000 kB', '1.0 MB', '1.5 TB', '0 bytes',
    ]);
  });

  it('says whether the browser keeps the runs, and what to do when it may not', () => {
    expect(describePersistence('granted')).to.match(/^Persistent storage: granted/);
    expect(describePersistence('refused')).to.match(/^Persistent storage: not granted.*backup/);
    expect(describePersistence('not-asked')).to.match(/not granted so far.*asks the browser when you record a run/);
  });
});
