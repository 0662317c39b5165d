import { expect } from '@open-wc/testing';
import { describeUsage, formatBytes, requestPersistentStorage, storageUsage } from '../../src/store/storage-status.js';

/** Replaces navigator.storage for one test, as a browser without (or with a broken) Storage API. */
async function withStorage<T>(storage: unknown, work: () => Promise<T>): Promise<T> {
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  try {
    return await work();
  } finally {
    delete (navigator as unknown as Record<string, unknown>)['storage'];
  }
}

describe('storage status', () => {
  it('asks Chromium to persist and gets a yes or a no', async () => {
    const granted = await requestPersistentStorage();
    expect(granted).to.be.a('boolean');
    expect(granted).to.equal(await navigator.storage.persisted());
  });

  it('says false, never throws, without the Storage API or when it fails', async () => {
    expect(await withStorage(undefined, requestPersistentStorage)).to.equal(false);
    const broken = { persisted: () => Promise.resolve(false), persist: () => Promise.reject(new Error('nope')) };
    expect(await withStorage(broken, requestPersistentStorage)).to.equal(false);
    const already = { persisted: () => Promise.resolve(true), persist: () => Promise.reject(new Error('not asked')) };
    expect(await withStorage(already, requestPersistentStorage)).to.equal(true);
  });

  it('reads real usage and quota from Chromium', async () => {
    const usage = await storageUsage();
    expect(usage).to.not.equal(null);
    expect(usage!.usedBytes).to.be.at.least(0);
    expect(usage!.quotaBytes).to.be.above(usage!.usedBytes);
    expect(usage!.persisted).to.equal(await navigator.storage.persisted());
  });

  it('gives null when the browser does not say', async () => {
    expect(await withStorage(undefined, storageUsage)).to.equal(null);
    expect(await withStorage({ estimate: () => Promise.reject(new Error('x')) }, storageUsage)).to.equal(null);
    expect(await withStorage({ estimate: () => Promise.resolve({}) }, storageUsage)).to.equal(null);
  });

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
});
