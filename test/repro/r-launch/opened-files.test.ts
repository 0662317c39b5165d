// Review of issue 21's "files in": watch files opened with the installed app (launchQueue) and shared
// to it (the service worker's share cache), each imported through DataService.importFiles.
// Each test drives the app's own code (takeFilesFromOutside, openLaunchedFiles, openSharedFiles) as
// the browser does: a launch queue handing file handles, a share cache filled as service-worker.ts fills it.

import { expect } from '@open-wc/testing';
import { clear, del, entries, get, set } from 'idb-keyval';
import { openLaunchedFiles, openSharedFiles } from '../../../src/app/launch-files.js';
import { takeFilesFromOutside } from '../../../src/app/launch-queue.js';
import { SHARED_FILES_CACHE } from '../../../src/app/share-cache.js';
import { startUp } from '../../../src/app/start-up.js';
import { encodeTcx } from '../../../src/export/tcx.js';
import { createServices } from '../../../src/services/services.js';
import { SCHEMA_KEY, SCHEMA_VERSION, kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { SESSIONS_KEY } from '../../../src/store/session-keys.js';
import { bigWatchRun } from '../../bench/import-big-files.js';
import { fixtureSession } from '../../export/session-fixture.js';

useSeparateDatabase('stride-test-r-launch-opened-files');

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
const sharedLeft = async (): Promise<string[]> =>
  Promise.all((await (await caches.open(SHARED_FILES_CACHE)).keys()).map(async (key) => decodeURIComponent((await caches.match(key))!.headers.get('x-file-name')!)));

const sessionKeys = async (): Promise<string[]> => (await entries(kvStore())).map(([key]) => String(key)).filter((key) => key.startsWith('session/'));

const noticeSaid = (services: ReturnType<typeof createServices>): Promise<string> =>
  new Promise((resolve) => {
    const heard = (): void => {
      if (!services.data.notice) return;
      services.data.removeEventListener('change', heard);
      resolve(services.data.notice);
    };
    services.data.addEventListener('change', heard);
  });

describe('files opened with the app or shared to it (issue 21 review)', () => {
  beforeEach(async () => {
    await clear(kvStore());
    await caches.delete(SHARED_FILES_CACHE);
  });
  after(async () => {
    await caches.delete(SHARED_FILES_CACHE);
    delete (window as { launchQueue?: unknown }).launchQueue;
  });

  // A runner whose browser holds data of a newer Stridewise (the page is an older version still
  // cached) is told "update the app ... Nothing was changed." and start-up leaves the store alone;
  // launch-queue.ts waits on `started` as "the store is ready to take runs (start-up's migration done)",
  // but startUp resolves when the migration refused too, so the opened file is written into a store
  // this version cannot read, beside the newer runs (index rewritten in the old format).
  it('does not write a file opened with the app into a store written by a newer version (start-up refused it)', async function () {
    this.timeout(20_000);
    await set(SCHEMA_KEY, SCHEMA_VERSION + 1, kvStore());
    await set(SESSIONS_KEY, [], kvStore());
    const services = createServices();
    let consumer: ((params: { files: readonly FileSystemHandle[] }) => void) | null = null;
    Object.defineProperty(window, 'launchQueue', { configurable: true, value: { setConsumer: (c: typeof consumer) => (consumer = c) } });
    const said = noticeSaid(services);
    takeFilesFromOutside(services, startUp(services));
    consumer!({ files: [handleOf(new File([encodeTcx(fixtureSession())], 'Morning run.tcx'))] });
    const notice = await said;
    expect(services.data.problem).to.match(/newer Stridewise/);
    expect(await sessionKeys(), `the store after "${notice}"`).to.deep.equal([]);
    expect(await get(SESSIONS_KEY, kvStore())).to.deep.equal([]);
    expect(notice).not.to.match(/Imported/);
  });

  // launch-files.ts: shared files are "read, imported, then removed (only then: a page closed
  // before that finds them again at the next start)". A file the store could not take (full
  // storage on a phone, a store error) is removed all the same: the run the runner shared is gone
  // from the app, and the next start (after space is freed) has nothing to import.
  it('keeps a shared file whose run the store could not save, for the next start', async function () {
    this.timeout(20_000);
    await keepShared([new File([encodeTcx(fixtureSession())], 'Shared run.tcx')]);
    const services = createServices();
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (typeof key === 'string' && key.startsWith('session/')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, value, key);
    };
    try {
      await openSharedFiles(services, 1);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(await sessionKeys()).to.deep.equal([]);
    expect(services.data.notice).to.match(/Shared run\.tcx/);
    expect(await sharedLeft(), 'the shared file, still waiting after its run was not saved').to.deep.equal(['Shared run.tcx']);
  });

  // Several files shared at once (a week of runs from a watch's companion app) are removed only
  // when the last is done. A big file takes seconds to read on a phone: a runner who closes the
  // app then finds every run already stored imported a second time at the next start (twice in
  // History, twice in the weeks' totals), since an ordinary import stores each under a new id.
  it('no longer keeps a shared file once its run is stored, while the next shared file is still being read', async function () {
    this.timeout(60_000);
    await keepShared([
      new File([encodeTcx(fixtureSession())], 'Tuesday.tcx'),
      new File([bigWatchRun(6_000, 4, ['tcx']).tcx], 'Long Sunday.tcx'),
    ]);
    const services = createServices();
    let waitingWhileReadingTheNext: Promise<string[]> | null = null;
    services.data.addEventListener('change', () => {
      if (services.data.importProgress?.fileName === 'Long Sunday.tcx') waitingWhileReadingTheNext ??= sharedLeft();
    });
    await openSharedFiles(services, 2);
    expect((await sessionKeys()).filter((key) => key.endsWith('/meta')), 'both runs stored').to.have.length(2);
    expect(waitingWhileReadingTheNext).not.to.equal(null);
    expect(await waitingWhileReadingTheNext!, 'still waiting in the share cache while the next file is read').to.deep.equal(['Long Sunday.tcx']);
  });

  // The shell has one notice. The store check (start-up, when idle) says once what it repaired,
  // e.g. a run taken off the list; a file opened with the app at that start (the import reads in
  // a worker, so the check runs meanwhile) replaces it, and the repair is never said again.
  it('keeps what the store check repaired on the shell when files opened with the app are told', async function () {
    this.timeout(20_000);
    await set(SCHEMA_KEY, SCHEMA_VERSION, kvStore());
    await set(SESSIONS_KEY, [{ ...fixtureSession().meta, id: 'gone', name: 'Tempo Thursday' }], kvStore());
    const services = createServices();
    await services.data.checkStore();
    expect(services.data.notice).to.match(/Tempo Thursday.* taken off the list/);
    await openLaunchedFiles(services, [handleOf(new File([encodeTcx(fixtureSession())], 'Morning run.tcx'))]);
    expect(services.data.notice).to.match(/Morning run\.tcx: Imported/);
    expect(services.data.notice, 'the store check\'s repair, still said').to.match(/Tempo Thursday.* taken off the list/);
    await del(SESSIONS_KEY, kvStore());
  });

  // The other order: the check's notice comes after the files were told (it waits for an idle
  // moment, up to a second), and the runner never learns what became of the file they opened,
  // here the refusal of a file that is not a run, with its reason.
  it('keeps what became of the opened files on the shell when the store check reports after them', async function () {
    this.timeout(20_000);
    await set(SCHEMA_KEY, SCHEMA_VERSION, kvStore());
    const services = createServices();
    await openLaunchedFiles(services, [handleOf(new File(['Easy 5 km, felt good'], 'Easy 5k.fit'))]);
    expect(services.data.notice).to.match(/Easy 5k\.fit: This file is neither FIT nor TCX/);
    await set(SESSIONS_KEY, [{ ...fixtureSession().meta, id: 'gone', name: 'Tempo Thursday' }], kvStore());
    await services.data.checkStore();
    expect(services.data.notice, 'the opened file\'s refusal, still said').to.match(/Easy 5k\.fit: This file is neither FIT nor TCX/);
    await del(SESSIONS_KEY, kvStore());
  });
});

describe('looking for shared files at start (issue 21 review)', () => {
  // A browser that refuses this site its storage (Chrome's "Block sites from saving data", some
  // private windows) rejects every CacheStorage call with a SecurityError. The look for shared
  // files at each start (launch-queue.ts) awaits caches.has with no catch, under a `void`: an
  // uncaught rejection reaches the console at every start (the contract: never let an exception
  // escape to the console), where the app should stay quiet or say it in words.
  it('lets no rejection escape when the browser refuses the cache storage at start', async function () {
    this.timeout(20_000);
    await clear(kvStore());
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
    } finally {
      CacheStorage.prototype.has = originalHas;
      removeEventListener('unhandledrejection', onRejection);
    }
    expect(escaped.map(String)).to.deep.equal([]);
  });
});
