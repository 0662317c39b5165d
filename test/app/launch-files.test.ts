// Files opened with the installed app (the launch queue's handles) and shared to it (the service
// worker's share cache, filled here as service-worker.ts fills it), each imported through
// DataService.importFiles: never into a store start-up refused, a shared file let go of only once its
// run is stored, and each as soon as it is.
import { expect } from '@open-wc/testing';
import { clear, del, entries, get, set } from 'idb-keyval';
import { openLaunchedFiles, openSharedFiles } from '../../src/app/launch-files.js';
import { takeFilesFromOutside } from '../../src/app/launch-queue.js';
import { SHARED_FILES_CACHE } from '../../src/app/share-cache.js';
import { startUp } from '../../src/app/start-up.js';
import { encodeTcx } from '../../src/export/tcx.js';
import { createServices } from '../../src/services/services.js';
import { SCHEMA_KEY, SCHEMA_VERSION, kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { SESSIONS_KEY } from '../../src/store/session-keys.js';
import { bigWatchRun } from '../bench/import-big-files.js';
import { fixtureSession } from '../export/session-fixture.js';

useSeparateDatabase('stride-test-launch-files');

/** As the launch queue hands them: a file handle (only what launch-files.ts reads of it). */
const handleOf = (file: File): FileSystemFileHandle => ({ kind: 'file', name: file.name, getFile: async () => file }) as unknown as FileSystemFileHandle;

/** As keepShared in service-worker.ts keeps each shared file. */
async function keepShared(files: readonly File[]): Promise<void> {
  const cache = await caches.open(SHARED_FILES_CACHE);
  let kept = 0;
  for (const file of files) {
    const headers = { 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) };
    await cache.put(`/shared-files/${Date.now()}-${kept++}`, new Response(file, { headers }));
  }
}
const sharedLeft = async (): Promise<string[]> => {
  const cache = await caches.open(SHARED_FILES_CACHE);
  return Promise.all((await cache.keys()).map(async (key) => decodeURIComponent((await cache.match(key))!.headers.get('x-file-name')!)));
};
const sessionKeys = async (): Promise<string[]> => (await entries(kvStore())).map(([key]) => String(key)).filter((key) => key.startsWith('session/'));
const said = (services: ReturnType<typeof createServices>): string[] => services.data.notices.map((notice) => notice.text);
const atStart = new URLSearchParams();

describe('files opened with the app or shared to it', () => {
  beforeEach(async () => {
    await clear(kvStore());
    await caches.delete(SHARED_FILES_CACHE);
  });
  after(async () => {
    await caches.delete(SHARED_FILES_CACHE);
    delete (window as { launchQueue?: unknown }).launchQueue;
  });

  // Data of a newer Stridewise (this page an older version still cached): start-up leaves the store
  // alone, and so must a file opened with the app, or it is written beside runs this version cannot read.
  it('writes no file opened with the app into a store start-up refused (newer data), and says why', async function () {
    this.timeout(20_000);
    await set(SCHEMA_KEY, SCHEMA_VERSION + 1, kvStore());
    await set(SESSIONS_KEY, [], kvStore());
    const services = createServices();
    let consumer: ((params: { files: readonly FileSystemHandle[] }) => void) | null = null;
    Object.defineProperty(window, 'launchQueue', { configurable: true, value: { setConsumer: (c: typeof consumer) => (consumer = c) } });
    const told = new Promise<void>((resolve) => services.data.addEventListener('change', () => services.data.notices.length > 0 && resolve()));
    takeFilesFromOutside(services, startUp(services));
    consumer!({ files: [handleOf(new File([encodeTcx(fixtureSession())], 'Morning run.tcx'))] });
    await told;
    expect(services.data.problem).to.match(/newer Stridewise/);
    expect(await sessionKeys(), 'nothing written into the refused store').to.deep.equal([]);
    expect(await get(SESSIONS_KEY, kvStore())).to.deep.equal([]);
    expect(said(services)).to.deep.equal(['Morning run.tcx: Not imported: the stored data cannot be used as it is (said above). Open the file again once that is put right.']);
  });

  it('keeps files shared to a store start-up refused, for a start where it can take them', async function () {
    this.timeout(20_000);
    await keepShared([new File([encodeTcx(fixtureSession())], 'Shared run.tcx')]);
    const services = createServices();
    await openSharedFiles(services, new URLSearchParams('shared=1'), false);
    expect(await sessionKeys(), 'nothing written into the refused store').to.deep.equal([]);
    expect(await sharedLeft()).to.deep.equal(['Shared run.tcx']);
    expect(said(services)[0]).to.match(/^Shared run\.tcx: Not imported: .* The file is kept and imported at a start where it can be\.$/);
  });

  // Full storage on a phone: the run the runner shared must not vanish from the app with the cache entry.
  it('keeps a shared file whose run the store could not save (storage full), says so, and imports it at the next start', async function () {
    this.timeout(20_000);
    await keepShared([new File([encodeTcx(fixtureSession())], 'Shared run.tcx')]);
    const services = createServices();
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (typeof key === 'string' && key.startsWith('session/')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, value, key);
    };
    try {
      await openSharedFiles(services, atStart);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(await sessionKeys()).to.deep.equal([]);
    expect(said(services)[0]).to.match(/^Shared run\.tcx: .*quota.* The file is kept and imported at the next start\.$/);
    expect(await sharedLeft()).to.deep.equal(['Shared run.tcx']);
    const next = createServices();
    await openSharedFiles(next, atStart);
    expect(said(next)).to.deep.equal(['Shared run.tcx: Imported “Tuesday treadmill”.']);
    expect(await sharedLeft()).to.deep.equal([]);
  });

  // A week of runs shared at once: a runner who closes the app while a big one is read must not
  // find the runs already stored imported a second time at the next start.
  it('lets go of each shared file as soon as its run is stored, while the next is still being read', async function () {
    this.timeout(60_000);
    await keepShared([new File([encodeTcx(fixtureSession())], 'Tuesday.tcx'), new File([bigWatchRun(6_000, 4, ['tcx']).tcx], 'Long Sunday.tcx')]);
    const services = createServices();
    let whileReadingTheNext: Promise<string[]> | null = null;
    services.data.addEventListener('change', () => {
      if (services.data.importProgress?.fileName === 'Long Sunday.tcx') whileReadingTheNext ??= sharedLeft();
    });
    await openSharedFiles(services, atStart);
    expect((await sessionKeys()).filter((key) => key.endsWith('/meta')), 'both runs stored').to.have.length(2);
    expect(await whileReadingTheNext, 'waiting in the share cache while the next file is read').to.deep.equal(['Long Sunday.tcx']);
    expect(await sharedLeft()).to.deep.equal([]);
  });

  it('names each file the service worker could not keep, with why (its landing address)', async function () {
    this.timeout(20_000);
    const services = createServices();
    await openSharedFiles(services, new URLSearchParams({ shared: '0', lost: 'Long Sunday run.fit', why: 'full' }));
    expect(said(services)).to.deep.equal(['Long Sunday run.fit: Not imported: this device had no room left to keep it. Free some space, then share it again.']);
  });

  // A browser that refuses the site its storage (Chrome's "Block sites from saving data") rejects
  // every cache call: the look for shared files at each start must not put that on the console.
  it('lets no rejection escape when the browser refuses the cache storage at start', async function () {
    this.timeout(20_000);
    const escaped: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent): void => {
      escaped.push(event.reason);
      event.preventDefault();
    };
    addEventListener('unhandledrejection', onRejection);
    const originalHas = CacheStorage.prototype.has;
    CacheStorage.prototype.has = () => Promise.reject(new DOMException('An attempt was made to break through the security policy of the user agent.', 'SecurityError'));
    try {
      const services = createServices();
      Object.defineProperty(window, 'launchQueue', { configurable: true, value: { setConsumer: () => undefined } });
      const started = startUp(services);
      takeFilesFromOutside(services, started);
      await started;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(said(services)).to.deep.equal([]);
    } finally {
      CacheStorage.prototype.has = originalHas;
      removeEventListener('unhandledrejection', onRejection);
    }
    expect(escaped.map(String)).to.deep.equal([]);
  });
});

// The store check (when idle after start) and the files opened at that start (read in a worker
// meanwhile) end in either order: what each says stays on the shell until dismissed.
describe('what opened files and the store check say, both kept', () => {
  const gone = { ...fixtureSession().meta, id: 'gone', name: 'Tempo Thursday' };
  beforeEach(async () => {
    await clear(kvStore());
    await set(SCHEMA_KEY, SCHEMA_VERSION, kvStore());
  });
  afterEach(() => del(SESSIONS_KEY, kvStore()));

  it('keeps the store check\'s repair when the opened files are told after it', async function () {
    this.timeout(20_000);
    await set(SESSIONS_KEY, [gone], kvStore());
    const services = createServices();
    await services.data.checkStore();
    await openLaunchedFiles(services, [handleOf(new File([encodeTcx(fixtureSession())], 'Morning run.tcx'))]);
    const [check, opened] = said(services);
    expect(check).to.match(/^Stored data was checked: .*Tempo Thursday.* taken off the list/);
    expect(opened).to.equal('Morning run.tcx: Imported “Tuesday treadmill”.');
    expect(services.data.notices.map((notice) => notice.news)).to.deep.equal([false, true]);
  });

  it('keeps what became of the opened files when the store check reports after them', async function () {
    this.timeout(20_000);
    const services = createServices();
    await openLaunchedFiles(services, [handleOf(new File(['Easy 5 km, felt good'], 'Easy 5k.fit'))]);
    await set(SESSIONS_KEY, [gone], kvStore());
    await services.data.checkStore();
    const [opened, check] = said(services);
    expect(opened).to.match(/^Easy 5k\.fit: This file is neither FIT nor TCX/);
    expect(check).to.match(/^Stored data was checked: .*Tempo Thursday/);
    services.data.dismissNotice(services.data.notices[0]!);
    expect(said(services)).to.deep.equal([check]);
  });
});
