// Watch files that come from outside, through the installed production build in headless Chromium:
// 1. Opened with the app (manifest file_handlers + launchQueue): the build is installed (DevTools'
//    PWA.install) and files are launched into it as the OS does when a runner opens them with
//    Stridewise (PWA.launchFilesInApp): with no window open, a window opens on the run imported from
//    the FIT file; into an open window recording a run, the file is imported and said, and the
//    recording page stays as it was (launch_handler focus-existing: same page, not reloaded); a
//    broken file beside a good one gets its message and History is shown.
// 2. Shared on a phone (manifest share_target): a page the service worker controls posts a real
//    multipart form to /share (a navigation POST, as Android's share sheet sends it); the service
//    worker keeps the file and answers with a page that imports it and shows the run; a file that
//    is not a run gets its message; one it could not keep (storage full) is named with why; a share whose page never read it (closed first) is imported at
//    the next start; once imported, nothing is left in the share's cache.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { buildApp, serve } from '../../build.mjs';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';
import { checklist, openWatched, sleep, storedMeta } from './browser-helpers.mjs';
import { fixtureFitBytes } from './fit-fixture.mjs';

const { check, failures } = checklist();
const work = await mkdtemp(join(tmpdir(), 'stridewise-launch-'));
const dir = join(work, 'dist');
const port = 20000 + Math.floor(Math.random() * 20000);
const origin = `http://127.0.0.1:${port}`;
const manifestId = `${origin}/`;

console.log('Watch files opened with the installed app and shared to it (production build):');
const [fit] = await Promise.all([fixtureFitBytes(), buildApp({ dir })]);
const files = { run: join(work, 'Morning run.fit'), broken: join(work, 'Broken.fit') };
await writeFile(files.run, fit);
await writeFile(files.broken, 'this is not a FIT file');
const server = await new Promise((resolve) => {
  const s = serve(port, dir, () => resolve(s));
});
// PWA.install and PWA.launchFilesInApp answer only over a pipe.
const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, pipe: true });

const shell = (page) =>
  page.evaluate(() => {
    const app = document.querySelector('stride-app');
    return {
      path: location.pathname + location.search,
      // The newest notice as shown, without its Dismiss button.
      notice: (() => {
        const shown = [...(app?.shadowRoot?.querySelectorAll('.notice') ?? [])].at(-1);
        return shown ? [...shown.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').replace(/\s+/g, ' ').trim() : null;
      })(),
      // Told as news (the accent's soft colour) when every file came in, as a problem when one did not.
      news: [...(app?.shadowRoot?.querySelectorAll('.notice') ?? [])].at(-1)?.classList.contains('news') ?? false,
      recording: app?.services?.recording.state ?? null,
      runs: app?.services?.history.sessions?.map((s) => s.id) ?? [],
    };
  });
/** Waits for the shell to show a notice (and `path`, if given); returns what it shows. */
async function shownAfter(page, path = null, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await shell(page).catch(() => null); // between two documents while navigating
    if (shown?.notice && (path === null || path.test(shown.path))) return shown;
    if (Date.now() > deadline) return shown ?? {};
    await sleep(100);
  }
}
const dismissAll = (page) => page.evaluate(() => document.querySelector('stride-app').shadowRoot.querySelectorAll('.notice button').forEach((b) => b.click()));
const appPages = async () => (await browser.pages()).filter((p) => p.url().startsWith(origin));
const sharedLeft = (page) => page.evaluate(async () => (await caches.has('stridewise-shared-files')) ? (await (await caches.open('stridewise-shared-files')).keys()).length : 0);
const runId = (path) => /^\/history\/([^/?]+)$/.exec(path ?? '')?.[1] ?? null;
const watch = (page) => {
  const problems = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warn') && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
};

try {
  const cdp = await browser.target().createCDPSession();
  // 1. Opened with the app.
  {
    const visit = await openWatched(browser, `${origin}/`);
    await visit.page.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 15_000 });
    await cdp.send('PWA.install', { manifestId, installUrlOrBundleUrl: `${origin}/` });
    const { fileHandlers } = await cdp.send('PWA.getOsAppState', { manifestId });
    const accepted = fileHandlers.flatMap((h) => h.accepts.flatMap((a) => a.fileExtensions)).sort().join(' ');
    check(fileHandlers.length === 1 && fileHandlers[0].action === `${origin}/history` && accepted === '.fit .tcx', `installed, the app opens .fit and .tcx files (${accepted}, at ${fileHandlers[0]?.action})`);
    for (const page of await appPages()) await page.close();

    // No window open: one opens, imports the file and shows the run.
    const opening = browser.waitForTarget((t) => t.type() === 'page' && t.url().startsWith(origin), { timeout: 15_000 });
    await cdp.send('PWA.launchFilesInApp', { manifestId, files: [files.run] });
    const page = await (await opening).page();
    const problems = watch(page);
    const cold = await shownAfter(page, /^\/history\/[^/]+$/);
    const id = runId(cold.path);
    check(id !== null && (await storedMeta(page, id))?.status === 'complete', `a FIT file opened with the app (no window open) is stored and its run shown (${cold.path})`);
    check(/^Morning run\.fit: Imported “.+”\.$/.test(cold.notice ?? '') && cold.news, `and the shell says so, as news: "${cold.notice}"`);
    await page.waitForFunction(() => document.querySelector('stride-app')?.shadowRoot?.querySelector('stride-session-page')?.shadowRoot?.querySelector('h1, h2'), { timeout: 10_000 }).catch(() => null);
    check((await page.$('>>> stride-session-page')) !== null, 'the run\'s own page is on screen');

    // Into the open window, while it records a run: same page, still recording, the file imported and said.
    await dismissAll(page);
    await page.evaluate(() => history.pushState(null, '', '/') || dispatchEvent(new PopStateEvent('popstate')));
    await page.waitForFunction(() => document.querySelector('stride-app').shadowRoot.querySelector('stride-live-page'), { timeout: 10_000 });
    await page.click('>>> #simulate');
    await page.waitForFunction(() => document.querySelector('stride-app').shadowRoot.querySelector('stride-live-page').shadowRoot.querySelector('stride-recording-controls')?.shadowRoot?.querySelector('#start:not([disabled])'), { timeout: 10_000 });
    await page.click('>>> stride-recording-controls >>> #start');
    await page.waitForFunction(() => document.querySelector('stride-app').services.recording.state === 'recording', { timeout: 10_000 });
    await page.evaluate(() => (window.launchCheck = 'the same page'));
    const runsBefore = (await shell(page)).runs;
    const recordingId = await page.evaluate(() => document.querySelector('stride-app').services.recording.recorder.id);
    await cdp.send('PWA.launchFilesInApp', { manifestId, files: [files.run] });
    const warm = await shownAfter(page);
    const same = await page.evaluate(() => window.launchCheck ?? null);
    check(
      same === 'the same page' && warm.path === '/' && warm.recording === 'recording',
      `a file opened while a run records goes into that window without navigating it (${same ?? 'reloaded'}, at ${warm.path}, ${warm.recording})`,
    );
    const added = warm.runs.filter((run) => !runsBefore.includes(run) && run !== recordingId);
    check(
      /^Morning run\.fit: Imported “.+”\. Your run goes on recording; the imported run is in History\.$/.test(warm.notice ?? '') && added.length === 1 && (await storedMeta(page, added[0]))?.status === 'complete',
      `and it is imported and said: "${warm.notice}" (${added.length} run added beside the one recording)`,
    );
    await page.click('>>> stride-recording-controls >>> #stop');
    await page.waitForFunction(() => document.querySelector('stride-app').services.recording.state === 'stopped', { timeout: 10_000 });
    await dismissAll(page);

    // A broken file beside a good one: History, and each file's outcome.
    await cdp.send('PWA.launchFilesInApp', { manifestId, files: [files.run, files.broken] });
    const two = await shownAfter(page, /^\/history$/);
    check(
      two.path === '/history' && !two.news && /Morning run\.fit: Imported “.+”\./.test(two.notice ?? '') && /Broken\.fit: This file is neither FIT nor TCX/.test(two.notice ?? ''),
      `two files opened at once show History and each file's outcome, the broken one's reason, told as a problem (${two.path}: "${two.notice}")`,
    );
    check(problems.length === 0, `opening files without console errors${problems.length ? `: ${problems.join(' | ')}` : ''}`);
    for (const open of await appPages()) await open.close();
  }

  // 2. Shared on a phone: a real multipart POST, through the service worker.
  {
    const { page, problems } = await openWatched(browser, `${origin}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 15_000 });
    // The app's own policy allows it no form (form-action 'none'); Android's share sheet is not a form of the page.
    await page.setBypassCSP(true);
    await page.reload({ waitUntil: 'networkidle0' });
    const share = (name, bytes, type) =>
      Promise.all([
        page.waitForNavigation({ timeout: 15_000 }),
        page.evaluate(
          (name, bytes, type) => {
            const form = Object.assign(document.createElement('form'), { method: 'post', action: '/share', enctype: 'multipart/form-data' });
            const input = Object.assign(document.createElement('input'), { type: 'file', name: 'files' });
            const picked = new DataTransfer();
            picked.items.add(new File([new Uint8Array(bytes)], name, { type }));
            input.files = picked.files;
            form.append(input);
            document.body.append(form);
            form.submit();
          },
          name,
          [...bytes],
          type,
        ),
      ]);
    await share('Shared run.fit', fit, 'application/octet-stream');
    const shared = await shownAfter(page, /^\/history\/[^/]+$/);
    const id = runId(shared.path);
    check(id !== null && (await storedMeta(page, id))?.status === 'complete', `a FIT file shared to the app (POST /share through the service worker) is stored and its run shown (${shared.path})`);
    check(/^Shared run\.fit: Imported “.+”\.$/.test(shared.notice ?? ''), `and the shell says so: "${shared.notice}"`);
    check((await sharedLeft(page)) === 0, 'once imported, the shared file is gone from the service worker\'s keeping');

    await share('notes.txt', Buffer.from('Easy 5 km, felt good'), 'text/plain');
    const refused = await shownAfter(page, /^\/history$/);
    check(/^notes\.txt: This file is neither FIT nor TCX \(even though its name ends in \.txt\)/.test(refused.notice ?? '') && refused.path === '/history' && !refused.news, `a shared file that is not a run gets its message (${refused.path}: "${refused.notice}")`);
    check((await sharedLeft(page)) === 0, 'and is not kept either');

    // A phone with its storage nearly full: the service worker cannot keep the file, and the page names it with why.
    await dismissAll(page);
    const storage = await page.createCDPSession();
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await storage.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 200_000 });
    await share('Long Sunday run.fit', new Uint8Array(3_000_000).fill(7), 'application/octet-stream');
    const full = await shownAfter(page, /^\/history/);
    await storage.send('Storage.overrideQuotaForOrigin', { origin });
    check(
      full.notice === 'Long Sunday run.fit: Not imported: this device had no room left to keep it. Free some space, then share it again.' && (await sharedLeft(page)) === 0,
      `a shared file the service worker could not keep (storage full) is named with why (${full.path}: "${full.notice}")`,
    );

    // The share's page closed before it read the file (here: the POST made without a page to land on).
    await page.evaluate(async (bytes) => {
      const form = new FormData();
      form.append('files', new File([new Uint8Array(bytes)], 'Left waiting.fit'));
      await fetch('/share', { method: 'POST', body: form });
    }, [...fit]);
    const waiting = await sharedLeft(page);
    await page.close();
    const next = await openWatched(browser, `${origin}/`);
    const later = await shownAfter(next.page, /^\/history\/[^/]+$/);
    check(waiting === 1 && /^Left waiting\.fit: Imported “.+”\.$/.test(later.notice ?? '') && (await sharedLeft(next.page)) === 0, `a share whose page closed before reading it waits (${waiting} file kept) and is imported at the next start (${later.path}: "${later.notice}")`);
    const all = [...problems, ...next.problems];
    check(all.length === 0, `sharing without console errors${all.length ? `: ${all.join(' | ')}` : ''}`);
  }
} finally {
  await browser.close();
  server.close();
  await rm(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n${failures.length} launch check(s) failed.`);
  process.exit(1);
}
console.log('All launch checks passed.\n');
