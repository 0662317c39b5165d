// The service worker (built by build.mjs into dist/sw.js, production build only). It precaches
// every file of the build, listed with revisions at build time in place of STRIDE_PRECACHE,
// and answers every navigation with the app shell, so each route opens offline after one visit.
// A share (the manifest's share_target, a POST to /share) is kept in a cache of its own until a page
// imports it (src/app/launch-files.ts), and answered with a page of the app (naming any file it could not keep).
//
// A new version installs beside the running one and waits: it takes over only when the page asks
// (SKIP_WAITING, sent by src/app/app-updates.ts when the runner presses Reload with no run being
// recorded), or once every tab of the app is closed.
//
// It does what Workbox's precacheAndRoute, NavigationRoute, cleanupOutdatedCaches and clientsClaim
// did here, with the same cache and the same keys (so a version installed by Workbox hands over to
// this one without fetching again what it holds), in a tenth of the bytes: the service worker is
// part of the first load, and Workbox's 7 KB gzip were most of what put it over its budget.

import { SHARED_FILES_CACHE, SHARED_LANDING } from './share-cache.js';

/**
 * The files of the build, one a line: its URL, then, unless its name carries esbuild's hash, a
 * space and its revision (Workbox's precache manifest, written shorter; build.mjs fills it in).
 */
declare const STRIDE_PRECACHE: string;

// The few parts of ServiceWorkerGlobalScope used here (the WebWorker lib would clash with DOM's).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends Event {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
declare const self: {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
};

// Workbox's names: one cache for every version, each file keyed by its URL and revision, so a
// version waiting beside the running one adds its changed files without touching the running one's.
const cacheName = `workbox-precache-v2-${self.registration.scope}`;
const shell = new URL('/index.html', self.registration.scope).href;

/** Each precached URL (absolute) → its cache key (the URL with the revision as a parameter). */
const cacheKeys = new Map<string, string>();
for (const line of STRIDE_PRECACHE.split('\n')) {
  const [url, revision] = line.split(' ') as [string, string?];
  const absolute = new URL(url, self.registration.scope);
  const key = new URL(absolute);
  if (revision) key.searchParams.set('__WB_REVISION__', revision);
  cacheKeys.set(absolute.href, key.href);
}

/** The file as the server sends it now, ready to be cached; fails (and so fails the install) unless it is a 200. */
async function fetchForCache(url: string, revisioned: boolean): Promise<Response> {
  // A revisioned file (index.html, base.css, icons) may sit in the HTTP cache in an older version.
  const response = await fetch(new Request(url, { cache: revisioned ? 'reload' : 'default', credentials: 'same-origin' }));
  if (response.status !== 200) throw new Error(`precaching ${url} failed: ${response.status}`);
  // A redirected response cannot answer a navigation: cache a copy that does not say so.
  return response.redirected ? new Response(await response.blob(), { headers: response.headers }) : response;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      // One at a time, as Workbox does: a phone on a poor connection is not flooded with requests.
      for (const [url, key] of cacheKeys) {
        if (await cache.match(key)) continue; // an earlier version cached this very file
        await cache.put(key, await fetchForCache(url, key !== url));
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Only now are the running version's files no longer needed: it no longer answers any page.
      const cache = await caches.open(cacheName);
      const wanted = new Set(cacheKeys.values());
      for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
      // Caches of older Workbox precache formats for this scope.
      for (const name of await caches.keys()) {
        if (name !== cacheName && name.includes('-precache-') && name.includes(self.registration.scope)) await caches.delete(name);
      }
      // The first service worker controls the page that installed it (nothing older can be swapped there).
      await self.clients.claim();
    })(),
  );
});

/**
 * Keeps each shared file (with its name, which a cached response does not carry) and sends the
 * browser on to a page that imports them: 303, so a reload there does not post the share again.
 * A file it cannot keep (storage full) is named on that page's address with why, for the page to say.
 */
async function keepShared(request: Request): Promise<Response> {
  let files: FormDataEntryValue[] = [];
  try {
    files = (await request.formData()).getAll('files');
  } catch {
    // Not a form with files: the page says that nothing came.
  }
  let kept = 0;
  const lost = new URLSearchParams();
  for (const file of files) {
    if (typeof file === 'string') continue;
    try {
      const headers = { 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) };
      await (await caches.open(SHARED_FILES_CACHE)).put(`/shared-files/${Date.now()}-${kept}`, new Response(file, { headers }));
      kept++;
    } catch (error) {
      lost.append('lost', file.name);
      lost.append('why', (error as Error).name === 'QuotaExceededError' ? 'full' : String((error as Error).message ?? error));
    }
  }
  return Response.redirect(`${SHARED_LANDING}${kept}${lost.size ? `&${lost}` : ''}`, 303);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method === 'POST' && new URL(request.url).pathname === '/share') return event.respondWith(keepShared(request));
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  // Every navigation that is not to a file of the build gets the app shell: the router draws the route.
  const key = cacheKeys.get(url.href) ?? (request.mode === 'navigate' ? cacheKeys.get(shell) : undefined);
  if (!key) return; // not part of the build (source maps, the README's screenshots): the network's
  event.respondWith(
    (async () => (await (await caches.open(cacheName)).match(key)) ?? fetch(request))(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
