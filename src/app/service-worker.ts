// The service worker (built by build.mjs into dist/sw.js, production build only). Workbox
// precaches every file of the build, listed with revisions at build time in place of
// self.__WB_MANIFEST, and answers every navigation with the app shell, so each route opens
// offline after one visit. A new version installs beside the running one and waits: it takes
// over only when the page asks (SKIP_WAITING, sent by src/app/app-updates.ts when the runner
// presses Reload with no run being recorded), or once every tab of the app is closed.

import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

// The few parts of ServiceWorkerGlobalScope used here (the WebWorker lib would clash with DOM's).
declare const self: {
  __WB_MANIFEST: PrecacheEntry[];
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html')));
// The first service worker controls the page that installed it (nothing older can be swapped there).
clientsClaim();

self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
