// The production build as an installed, offline app, checked in headless Chromium against two real
// builds (A, and B which differs by a comment in every script, so every hashed name changes):
// 1. After one visit the service worker controls the page and has cached the whole build (not the
//    source maps); the manifest parses with its icons and shortcuts.
// 2. With the network off (DevTools offline mode, and the server stopped as well, since a service
//    worker's own fetches are not always covered by the page's emulation) every route reloads and
//    works: a recording with the simulated pod, history, a session with CSV and FIT downloads,
//    an import on Settings, compare, weeks, the treadmill screen; every response came from the
//    service worker and nothing failed.
// 3. Across an update: a run left unfinished in A (page closed mid-run) is offered again after B is
//    deployed, both before and after the runner reloads into B, and resumes there.
// 4. While that run records, a newer version (A again) is announced but not loaded: no Reload
//    button, no reload, the same code, and no Reload in a second, idle tab either. Once the run is
//    stopped, Reload brings the new version.
// 5. `npm run dev` on the same address is not made stale: its build registers no service worker,
//    and its sw.js removes the installed one, so the next load runs the watched build.
import { mkdtemp, readFile, readdir, rm, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import puppeteer from 'puppeteer-core';
import { buildApp, serve, watch } from '../../build.mjs';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';
import { checklist, openWatched, sleep, storedMeta, text, waitForDeep } from './browser-helpers.mjs';

const started = performance.now();
const { check, failures } = checklist();
const work = await mkdtemp(join(tmpdir(), 'stridewise-offline-'));
const served = join(work, 'served');
const dirA = join(work, 'a');
const dirB = join(work, 'b');
const dirDev = join(work, 'dev');
const port = 20000 + Math.floor(Math.random() * 20000);
const origin = `http://127.0.0.1:${port}`;

console.log('Installed and offline (two production builds):');
const entryOf = async (dir) => (await readFile(join(dir, 'index.html'), 'utf8')).match(/src="(\/app-[A-Z0-9]+\.js)"/)[1];
// B is needed only from step 3 on: it builds while A is checked.
const buildingB = buildApp({ dir: dirB, banner: { js: '/* build B of the offline test */' } }).then(() => entryOf(dirB));
const [browser] = await Promise.all([
  puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs }),
  buildApp({ dir: dirA }),
]);
const entryA = await entryOf(dirA);

/** Puts a build where the server serves from, as a deploy would. */
async function deploy(dir) {
  await rm(served, { recursive: true, force: true });
  await cp(dir, served, { recursive: true });
}

let server = null;
const startServing = (dir = served) =>
  new Promise((resolve) => {
    server = serve(port, dir, resolve);
  });
const stopServing = () =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(resolve);
  });

/** Every file of a build, as the URL paths a full precache must hold. */
async function buildFiles(dir) {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  return files.filter((f) => f.isFile()).map((f) => '/' + relative(dir, join(f.parentPath ?? f.path, f.name)).split('\\').join('/'));
}

const app = (page, script) => page.evaluate(script);
const scriptOf = (page) => page.evaluate(() => new URL(document.querySelector('script[type="module"]').src).pathname);
const recordingState = (page) => app(page, () => document.querySelector('stride-app').services.recording.state);
/** The paths of everything in the page's caches (every version's precache). */
const cachedPaths = async (page) =>
  new Set(
    (
      await app(page, async () => {
        const urls = [];
        for (const key of await caches.keys()) for (const request of await (await caches.open(key)).keys()) urls.push(request.url);
        return urls;
      })
    ).map((url) => new URL(url).pathname),
  );
const bannerText = (page) => app(page, () => document.querySelector('stride-app')?.shadowRoot?.querySelector('stride-update-banner')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '');

async function startRecording(page) {
  await waitForDeep(page, '>>> #simulate');
  await page.click('>>> #simulate');
  await waitForDeep(page, '>>> stride-recording-controls >>> #start:not([disabled])');
  await page.click('>>> stride-recording-controls >>> #start');
  await page.waitForFunction(() => document.querySelector('stride-app').services.recording.recorder?.id, { timeout: 10_000 });
  return app(page, () => document.querySelector('stride-app').services.recording.recorder.id);
}

async function stopRecording(page, id) {
  await page.click('>>> stride-recording-controls >>> #stop');
  const deadline = Date.now() + 10_000;
  while ((await storedMeta(page, id))?.status !== 'complete' && Date.now() < deadline) await sleep(100);
}

await deploy(dirA);
await startServing();
const downloads = join(work, 'downloads');
const browserSession = await browser.target().createCDPSession();
await browserSession.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
const finishedDownloads = new Map();
const downloadNames = new Map();
browserSession.on('Browser.downloadWillBegin', (e) => downloadNames.set(e.guid, e.suggestedFilename));
browserSession.on('Browser.downloadProgress', (e) => e.state === 'completed' && finishedDownloads.set(downloadNames.get(e.guid), e));
async function download(page, button) {
  const before = finishedDownloads.size;
  await page.click(button);
  const deadline = Date.now() + 15_000;
  while (finishedDownloads.size === before && Date.now() < deadline) await sleep(100);
  return [...finishedDownloads.keys()][before] ?? null;
}

try {
  // 1. One visit installs it.
  const visit = await openWatched(browser, `${origin}/`);
  const { page } = visit;
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 15_000 });
  check(true, 'after one visit a service worker controls the page');
  const swResponse = await fetch(`${origin}/sw.js`);
  check(
    swResponse.headers.get('cache-control') === 'no-cache' && /javascript/.test(swResponse.headers.get('content-type') ?? ''),
    `sw.js is served as JavaScript with Cache-Control: no-cache (${swResponse.headers.get('content-type')}, ${swResponse.headers.get('cache-control')})`,
  );
  const cachedUrls = await app(page, async () => {
    const urls = [];
    for (const key of await caches.keys()) for (const request of await (await caches.open(key)).keys()) urls.push(request.url);
    return urls;
  });
  const cached = new Set(cachedUrls.map((url) => new URL(url).pathname));
  check(cachedUrls.every((url) => url.startsWith(`${origin}/`)), 'everything cached comes from the app\'s own origin');
  const sw = await swResponse.clone().text();
  check(!/importScripts|https?:\/\/(?!bit\.ly\/)/.test(sw), 'sw.js loads no other script and names no other host (Workbox\'s error texts link to bit.ly, which it never fetches)');
  const shouldCache = (await buildFiles(dirA)).filter((f) => !f.endsWith('.map') && f !== '/sw.js' && !f.startsWith('/screenshots/'));
  const missing = shouldCache.filter((f) => !cached.has(f));
  check(missing.length === 0 && shouldCache.length > 50, `the whole build is precached: ${shouldCache.length - missing.length} of ${shouldCache.length} files${missing.length ? `, missing ${missing.slice(0, 5).join(' ')}` : ''}`);
  check(![...cached].some((f) => f.endsWith('.map')), 'no source map is precached');
  const pageSession = await page.createCDPSession();
  const { errors, data } = await pageSession.send('Page.getAppManifest');
  const manifest = JSON.parse(data ?? '{}');
  const maskable = (manifest.icons ?? []).filter((i) => i.purpose === 'maskable').map((i) => i.sizes);
  check(
    errors.length === 0 &&
      manifest.name === 'Stridewise' &&
      manifest.display === 'standalone' &&
      maskable.includes('192x192') &&
      maskable.includes('512x512') &&
      manifest.shortcuts?.map((s) => s.url).join(' ') === '/history /weeks',
    `the manifest parses, with maskable icons at 192 and 512 px and shortcuts to /history and /weeks${errors.length ? `: ${JSON.stringify(errors)}` : ''}`,
  );
  for (const icon of manifest.icons ?? []) {
    const png = await readFile(join(dirA, icon.src));
    const size = icon.type === 'image/png' ? `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}` : icon.sizes;
    check(size === icon.sizes, `${icon.src} is ${icon.sizes} as the manifest says`);
  }
  check(visit.requests.every((url) => url.startsWith(origin)), 'no third-party requests');

  // 2. Network off: DevTools offline, and no server either.
  await page.setOfflineMode(true);
  await stopServing();
  const offline = { failed: [], notFromWorker: [] };
  page.on('requestfailed', (r) => offline.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => !r.fromServiceWorker() && !/^(data|blob):/.test(r.url()) && offline.notFromWorker.push(r.url()));
  const routesChecked = [];
  const reload = async (path, ready) => {
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await waitForDeep(page, ready);
    routesChecked.push(path);
  };

  await reload('/', '>>> #simulate');
  const first = await startRecording(page);
  await sleep(2500);
  await stopRecording(page, first);
  check((await storedMeta(page, first))?.status === 'complete', 'offline, / records a run with the simulated footpod and saves it');

  await reload('/history', `>>> stride-history-page >>> a[href="/history/${first}"]`);
  check(true, 'offline, /history lists the run');

  await reload(`/history/${first}`, '>>> stride-session-page >>> #export-csv');
  const csv = await download(page, '>>> stride-session-page >>> #export-csv');
  const fit = await download(page, '>>> stride-session-page >>> #export-fit');
  check(csv?.endsWith('.csv') && fit?.endsWith('.fit'), `offline, the session page opens and exports CSV and FIT (${csv}, ${fit})`);

  await reload('/settings', '>>> stride-settings-page >>> #import');
  const input = await page.$('>>> stride-settings-page >>> #import');
  await input.uploadFile(join(downloads, fit));
  await waitForDeep(page, '>>> stride-settings-page >>> #outcomes li', 15_000);
  const outcome = await text(page, '>>> stride-settings-page >>> #outcomes li');
  check(await page.$('>>> stride-settings-page >>> #outcomes li.ok'), `offline, Settings imports the FIT file (${outcome})`);

  await reload('/history', `>>> stride-history-page >>> a[href="/history/${first}"]`);
  const sessions = await page.$$eval('>>> stride-history-page >>> a[href^="/history/"]', (links) => links.map((a) => a.getAttribute('href').slice('/history/'.length)));
  const imported = sessions.find((id) => id !== first);
  check(imported !== undefined, 'offline, the imported run is listed');

  await reload(`/compare/${first}/${imported}`, '>>> stride-compare-page >>> #align-distance');
  check(true, 'offline, /compare opens both runs');

  await reload('/weeks', '>>> stride-weeks-page >>> h1');
  check((await text(page, '>>> stride-weeks-page >>> h1')) === 'Weeks', 'offline, /weeks opens');

  await reload('/treadmill', '>>> stride-treadmill-page >>> #leave');
  check(true, 'offline, /treadmill opens');

  check(offline.failed.length === 0, `offline, no request failed${offline.failed.length ? `: ${offline.failed.slice(0, 5).join(' | ')}` : ''}`);
  check(offline.notFromWorker.length === 0, `offline, every response came from the service worker${offline.notFromWorker.length ? `: ${offline.notFromWorker.slice(0, 5).join(' ')}` : ''}`);
  check(visit.problems.length === 0, `offline, no console errors${visit.problems.length ? `: ${visit.problems.join(' | ')}` : ''}`);
  console.log(`    routes reloaded offline: ${routesChecked.join(', ')}`);
  await page.setOfflineMode(false);
  await startServing();

  // 3. A run left unfinished in A survives the update to B.
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  const unfinished = await startRecording(page);
  await sleep(3000);
  await page.close();
  const entryB = await buildingB;
  check(entryA !== entryB, `the two builds differ (${entryA}, ${entryB})`);
  await deploy(dirB);
  const reopened = await openWatched(browser, `${origin}/`);
  await waitForDeep(reopened.page, '>>> stride-recovery-prompt >>> #resume-unfinished');
  const openedWith = await scriptOf(reopened.page);
  check(openedWith === entryA, 'reopened after the deploy, the page still runs the cached version A and offers the unfinished run');
  await waitForDeep(reopened.page, '>>> stride-update-banner >>> #reload', 15_000);
  check(/New version ready/.test(await bannerText(reopened.page)), `the new version is announced: "${await bannerText(reopened.page)}"`);
  const whileWaiting = await cachedPaths(reopened.page);
  check(whileWaiting.has(entryA) && whileWaiting.has(entryB), 'while B waits, the cache holds both versions: A still answers its page');
  await Promise.all([reopened.page.waitForNavigation({ waitUntil: 'load' }), reopened.page.click('>>> stride-update-banner >>> #reload')]);
  check((await scriptOf(reopened.page)) === entryB, 'Reload brings version B');
  const afterTakeover = await cachedPaths(reopened.page);
  check(afterTakeover.has(entryB) && !afterTakeover.has(entryA), 'once B has taken over, A\'s files are gone from the cache');
  await waitForDeep(reopened.page, '>>> stride-recovery-prompt >>> #resume-unfinished');
  check(true, 'version B offers the run left unfinished in version A');
  await reopened.page.click('>>> stride-recovery-prompt >>> #resume-unfinished');
  await reopened.page.click('>>> #simulate');
  await waitForDeep(reopened.page, '>>> stride-recording-controls >>> #resume:not([disabled])');
  await reopened.page.click('>>> stride-recording-controls >>> #resume');
  await reopened.page.waitForFunction(() => document.querySelector('stride-app').services.recording.state === 'recording', { timeout: 10_000 });
  const resumedId = await app(reopened.page, () => document.querySelector('stride-app').services.recording.recorder.id);
  check(resumedId === unfinished, 'the run resumes in version B as the same session');

  // 4. A newer version (A again) arrives during that run: announced, never loaded while it records.
  await deploy(dirA);
  await app(reopened.page, () => {
    window.stillTheSamePage = true;
    return navigator.serviceWorker.getRegistration().then((registration) => registration.update());
  });
  await reopened.page.waitForFunction(
    () => document.querySelector('stride-app').shadowRoot.querySelector('stride-update-banner')?.shadowRoot?.textContent?.includes('after this run'),
    { timeout: 15_000 },
  );
  check((await reopened.page.$('>>> stride-update-banner >>> #reload')) === null, `while recording the banner offers no Reload: "${await bannerText(reopened.page)}"`);
  const refused = await app(reopened.page, () => document.querySelector('stride-app').updates.reload());
  // A second tab, idle, must not offer Reload either: the new version would take over the recording tab too.
  const otherTab = await openWatched(browser, `${origin}/history`);
  await otherTab.page.waitForFunction(
    () => document.querySelector('stride-app').shadowRoot.querySelector('stride-update-banner')?.shadowRoot?.textContent?.includes('other tab'),
    { timeout: 15_000 },
  );
  check((await otherTab.page.$('>>> stride-update-banner >>> #reload')) === null, `an idle second tab offers no Reload during the run: "${await bannerText(otherTab.page)}"`);
  await reopened.page.bringToFront();
  const samePage = await app(reopened.page, () => window.stillTheSamePage === true);
  check(
    refused === false && samePage && (await scriptOf(reopened.page)) === entryB && (await recordingState(reopened.page)) === 'recording',
    'while recording nothing reloads or swaps: same page, version B, still recording (a Reload asked for is refused)',
  );
  await stopRecording(reopened.page, unfinished);
  const saved = await storedMeta(reopened.page, unfinished);
  check(saved?.status === 'complete' && saved.gaps.some((g) => g.reason === 'link-lost'), 'the run recovered across the update is saved complete, its gap kept');
  await waitForDeep(reopened.page, '>>> stride-update-banner >>> #reload');
  // A tab behind another draws nothing until it is looked at (src/components/event-controller.ts).
  await otherTab.page.bringToFront();
  await waitForDeep(otherTab.page, '>>> stride-update-banner >>> #reload');
  check(true, 'once the run is stopped the banner offers Reload, in both tabs');
  check(otherTab.problems.length === 0, `the second tab without console errors${otherTab.problems.length ? `: ${otherTab.problems.join(' | ')}` : ''}`);
  await otherTab.page.close();
  await reopened.page.bringToFront();
  await Promise.all([reopened.page.waitForNavigation({ waitUntil: 'load' }), reopened.page.click('>>> stride-update-banner >>> #reload')]);
  check((await scriptOf(reopened.page)) === entryA, 'Reload after the run brings the newer version');
  await reopened.page.goto(`${origin}/history`, { waitUntil: 'load' });
  await waitForDeep(reopened.page, `>>> stride-history-page >>> a[href="/history/${unfinished}"]`);
  check(true, 'the run is listed in the history of the newer version');
  check(reopened.problems.length === 0, `updates without console errors${reopened.problems.length ? `: ${reopened.problems.join(' | ')}` : ''}`);

  // 5. The watch build takes over the address the production build was installed on.
  await stopServing();
  const dev = await watch({ dir: dirDev });
  try {
    const entryDev = await entryOf(dirDev);
    await startServing(dirDev);
    await reopened.page.reload({ waitUntil: 'load' });
    const deadline = Date.now() + 15_000;
    let devRuns = false;
    while (!devRuns && Date.now() < deadline) {
      devRuns = await scriptOf(reopened.page).then((script) => script === entryDev, () => false);
      if (!devRuns) await sleep(100);
    }
    await waitForDeep(reopened.page, `>>> stride-history-page >>> a[href="/history/${unfinished}"]`);
    // The old worker finds the watch build's sw.js, which unregisters itself and reloads the tab: on
    // a loaded machine that takes seconds, so wait for it (15 s at most) rather than a fixed time.
    const leftOver = () =>
      app(reopened.page, async () => ({
        registrations: (await navigator.serviceWorker.getRegistrations()).length,
        controlled: navigator.serviceWorker.controller !== null,
        caches: (await caches.keys()).length,
      })).catch(() => null); // the page reloading as asked
    const gone = (state) => state !== null && state.registrations === 0 && !state.controlled && state.caches === 0;
    const cleanDeadline = Date.now() + 15_000;
    let left = await leftOver();
    while (!gone(left) && Date.now() < cleanDeadline) {
      await sleep(250);
      left = await leftOver();
    }
    await sleep(1500); // past the idle moment the production build would register at: still none
    left = await leftOver();
    check(
      devRuns && left.registrations === 0 && !left.controlled && left.caches === 0,
      `npm run dev on the same address: its build runs, with no service worker and no cache left (${JSON.stringify(left)})`,
    );
  } finally {
    await dev.dispose();
  }
} finally {
  await browser.close();
  if (server?.listening) await stopServing();
  await rm(work, { recursive: true, force: true });
}

console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
if (failures.length) {
  console.error(`\n${failures.length} offline check(s) failed.`);
  process.exit(1);
}
console.log('All offline checks passed.\n');
