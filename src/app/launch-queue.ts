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

/** A browser that refuses this site its storage rejects every cache call: then no share can be waiting. */
const sharesWaiting = async (): Promise<boolean> =>
  'caches' in window && (await caches.has(SHARED_FILES_CACHE)) && (await (await caches.open(SHARED_FILES_CACHE)).keys()).length > 0;

/** `started`: whether the store can take runs (false: start-up refused it, e.g. written by a newer version). */
export function takeFilesFromOutside(services: AppServices, started: Promise<boolean>): void {
  const load = (work: (files: typeof import('./launch-files.js'), usable: boolean) => Promise<void>): Promise<void> =>
    started
      .then(async (usable) => work(await import('./launch-files.js'), usable))
      .catch((error: unknown) => services.data.announce(`The files could not be opened: ${error instanceof Error ? error.message : String(error)}`, false));
  window.launchQueue?.setConsumer(({ files }) => {
    if (files.length > 0) void load((opened, usable) => opened.openLaunchedFiles(services, files, usable));
  });
  // The page a share lands on says how many files came, and names those the service worker could
  // not keep (share-cache.ts); any start finds those a closed page left.
  const landing = new URLSearchParams(location.search);
  void started
    .then(async () => landing.has('shared') || (await sharesWaiting()))
    .then((waiting) => (waiting ? load((opened, usable) => opened.openSharedFiles(services, landing, usable)) : undefined))
    // Cache storage refused (the sharesWaiting rejection), or start-up itself failed: no share can be waiting.
    .catch(() => undefined);
}
