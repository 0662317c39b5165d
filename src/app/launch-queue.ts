// Files from outside, in the first load: the launch queue's consumer is set at start (the browser
// keeps a launch until one is set, and gives it each later launch into this window, since the
// manifest's launch_handler focuses an open window rather than navigating it), and files a share
// left with the service worker are looked for at every start. The work loads only when files come.
import type { AppServices } from '../services/services.js';
import { SHARED_FILES_CACHE } from './share-cache.js';

// The File Handling API's launch queue (Chromium; not yet in TypeScript's DOM types).
declare global {
  interface Window {
    launchQueue?: { setConsumer(consumer: (params: { readonly files: readonly FileSystemHandle[] }) => void): void };
  }
}

/** `started`: the store is ready to take runs (start-up's migration done). */
export function takeFilesFromOutside(services: AppServices, started: Promise<unknown>): void {
  const load = (work: (files: typeof import('./launch-files.js')) => Promise<void>): Promise<void> =>
    started
      .then(() => import('./launch-files.js'))
      .then(work)
      .catch((error: unknown) => services.data.announce(`The files could not be opened: ${error instanceof Error ? error.message : String(error)}`, false));
  window.launchQueue?.setConsumer(({ files }) => {
    if (files.length > 0) void load((opened) => opened.openLaunchedFiles(services, files));
  });
  // The page a share lands on says how many files came (share-cache.ts); any start finds those a closed page left.
  const announced = new URLSearchParams(location.search).get('shared');
  void started.then(async () => {
    const waiting = 'caches' in window && (await caches.has(SHARED_FILES_CACHE)) && (await (await caches.open(SHARED_FILES_CACHE)).keys()).length > 0;
    if (announced !== null || waiting) await load((opened) => opened.openSharedFiles(services, announced === null ? null : Number(announced)));
  });
}
