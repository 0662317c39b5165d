import { expect } from '@open-wc/testing';
import { requestPersistentStorage, storageUsage } from '../../src/store/storage-status.js';

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
});
