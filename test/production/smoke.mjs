// What `npm start` serves, checked in headless Chromium: the production build loads under its
// Content-Security-Policy with no console error, no violation and no third-party request; the
// simulated footpod fills the tiles; routes (including a deep link) work; and a Chrome without
// the Web Bluetooth flag tells the runner what to do. First, from the build's metafile: code only
// the Settings page needs (the footpod's SC Control Point), and the treadmill's and strap's code,
// stay out of the first load.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { buildProduction, firstLoadFiles, shrinkHtmlTemplates } from '../../build.mjs';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';
import { startProductionServer } from './production-server.mjs';
import { fetchedFirstLoad } from '../bench/first-load-fetched.mjs';
import { checklist, killRenderer, openWatched as openWatchedAt, sleep, storedMeta, text, waitForDeep } from './browser-helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const port = 20000 + Math.floor(Math.random() * 20000);
const origin = `http://127.0.0.1:${port}`;
const { check, failures } = checklist();
const FIRST_LOAD_BUDGET_KB = 55;
const openWatched = (browser, path) => openWatchedAt(browser, `${origin}${path}`);

/** The source files esbuild put in each of `outputs`, as paths relative to the project. */
function inputsOf(metafile, outputs) {
  return new Set(outputs.flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {})));
}

console.log('What the first load holds (esbuild metafile):');
// The scripts of the update banner and of the store's consistency check, which load when the
// browser is idle after start, by design.
const updateScripts = new Set();
{
  // Built in memory, so dist/ stays as the server below writes it; paths relative to the project, wherever this runs from.
  const absWorkingDir = root.replace(/[\\/]$/, '');
  const { metafile, outputFiles } = await buildProduction({ absWorkingDir, write: false, logLevel: 'silent' });
  // Lit's styles are template strings the minifier leaves alone; the build strips their comments and indentation.
  const shared = outputFiles.find((file) => file.path.endsWith('.js') && /chunks[\\/]chunk-/.test(file.path) && file.text.includes('--divider'));
  check(shared !== undefined && !shared.text.includes('/*') && !/[;{]\n\s+[a-z-]+: /.test(shared.text), 'the first load\'s styles carry no comments or indentation');
  const firstLoadScripts = firstLoadFiles(metafile).files.filter((file) => file.endsWith('.js'));
  const firstLoad = inputsOf(metafile, firstLoadScripts);
  // html`` and svg`` lose their indentation; every other string, comment and expression stays as written.
  const sample = "const a = html`<p>\n    ${b ? html`<b>\n  x</b>` : `keep\n   this`}\n  </p>`; // html`\n   no`\nconst c = '`\n  ';\n";
  const shrunk = "const a = html`<p>\n${b ? html`<b>\nx</b>` : `keep\n   this`}\n</p>`; // html`\n   no`\nconst c = '`\n  ';\n";
  check(shrinkHtmlTemplates(sample) === shrunk, 'html templates lose their indentation, nested ones too, and nothing else changes');
  check(firstLoadScripts.length <= 2, `the first load is the entry and one shared chunk, not many small ones (${firstLoadScripts.length} scripts)`);
  const visit = (file) => {
    if (updateScripts.has(file) || firstLoadScripts.includes(file)) return;
    updateScripts.add(file);
    for (const imp of metafile.outputs[file].imports) if (imp.kind === 'import-statement') visit(imp.path);
  };
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (/src\/(app\/update-offer|store\/store-check)\.ts$/.test(output.entryPoint ?? '')) visit(file);
  }
  const everything = inputsOf(metafile, Object.keys(metafile.outputs));
  const onDemand = ['src/sources/footpod-control-point.ts', 'src/sources/web-bluetooth-control-point.ts', 'src/ble/sc-control-point.ts', 'src/ble/rsc-control-point.ts'];
  check(firstLoad.has('src/sources/web-bluetooth-footpod.ts'), 'the footpod is in the first load (so the paths below are the metafile\'s)');
  for (const file of onDemand) {
    check(everything.has(file) && !firstLoad.has(file), `${file} is built, but only into a chunk that loads on demand`);
  }
  // The treadmill's and strap's code, parsers and session parts load when one is first paired (or simulated).
  const withSensors = [
    'src/session/sensor-channels.ts',
    'src/session/treadmill-distance.ts',
    'src/session/auto-calibration.ts',
    'src/ble/ftms-treadmill.ts',
    'src/ble/heart-rate.ts',
  ];
  for (const file of withSensors) {
    check(everything.has(file) && !firstLoad.has(file), `${file} is built, but only into a chunk that loads on demand`);
  }
  // Running power's parser and ingest load with a pod's first power reading; the storage words with Settings;
  // the sentences for the browser's storage errors with the code that saves or reads (the first load only throws StoreError).
  for (const file of ['src/ble/cycling-power.ts', 'src/session/power-ingest.ts', 'src/pages/storage-words.ts', 'src/store/store-errors.ts']) {
    check(everything.has(file) && !firstLoad.has(file), `${file} is built, but only into a chunk that loads on demand`);
  }
  // The retraining program's rules, store and calendar load with the program, not with the app.
  const withProgram = ['src/program/program-state.ts', 'src/program/program-schedule.ts', 'src/program/bandwidth-cues.ts', 'src/program/test-result.ts', 'src/store/program-store.ts', 'src/export/program-calendar.ts', 'src/services/program-live.ts'];
  for (const file of withProgram) {
    check(everything.has(file) && !firstLoad.has(file), `${file} is built, but only into a chunk that loads on demand`);
  }
  // Run titles and the date words load with the pages that show them; start-up reads keys, not titles.
  for (const file of ['src/session/date-format.ts', 'src/session/session-title.ts']) {
    check(everything.has(file) && !firstLoad.has(file), `${file} is built, but only into a chunk that loads on demand`);
  }
  // The router's named-route URLs and transitions are left out of the build (build.mjs): nothing may use them.
  const routerUsers = spawnSync('grep', ['-rlE', 'urlForName|animate:', join(root, 'src')], { encoding: 'utf8' }).stdout.trim();
  check(!everything.has('node_modules/@vaadin/router/dist/resolver/generateUrls.js') && routerUsers === '', `the router's urlForName and route animations are left out, and src/ uses neither${routerUsers ? `: ${routerUsers}` : ''}`);
  // The weeks charts and the history trend strip load with their pages.
  for (const file of ['src/components/stride-weeks-charts.ts', 'src/charts/weeks-chart-options.ts', 'src/components/stride-trend-strip.ts']) {
    check(everything.has(file) && !firstLoad.has(file), `${file} is built, but only into a chunk that loads on demand`);
  }
  // The zip of runs (fflate, the zip writer and its service) loads on the first export, not with the pages that offer it.
  const withStaticImports = (file, seen = new Set()) => {
    if (!seen.has(file)) {
      seen.add(file);
      for (const imp of metafile.outputs[file].imports) if (imp.kind === 'import-statement') withStaticImports(imp.path, seen);
    }
    return seen;
  };
  const zipPages = Object.keys(metafile.outputs).filter((file) => /stride-(history|settings)-page\.ts$/.test(metafile.outputs[file].entryPoint ?? ''));
  const withZipPages = inputsOf(metafile, zipPages.flatMap((file) => [...withStaticImports(file)]));
  for (const file of ['node_modules/fflate/esm/browser.js', 'src/export/runs-zip.ts', 'src/services/export-runs.ts']) {
    check(everything.has(file) && !firstLoad.has(file) && zipPages.length === 2 && !withZipPages.has(file), `${file} is built, but only into a chunk that loads on demand (not with History or Settings)`);
  }
}

console.log('Production build served by npm start:');
const server = await startProductionServer(port);
const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
try {
  // The budget the README's Performance table gives: every byte of `/` fetched until idle, with the
  // service worker and manifest (npm run bench -- first-load prints the same figure, median of 3).
  const firstLoadBytes = await fetchedFirstLoad(FIRST_LOAD_BUDGET_KB, { origin, runs: 1 });
  check(firstLoadBytes / 1024 <= FIRST_LOAD_BUDGET_KB, `the first load is within its ${FIRST_LOAD_BUDGET_KB} KB gzip budget (${(firstLoadBytes / 1024).toFixed(1)} KB)`);
  const { page, problems, requests, response } = await openWatched(browser, '/');
  check(/script-src 'self'/.test(response.headers()['content-security-policy'] ?? ''), 'served with a strict Content-Security-Policy header');
  check((await page.title()) === 'Stridewise', 'the app loads');
  // Start-up reads two keys (the schema, unfinished runs); the code behind them loads only with work to do.
  const startUp = [...requests];
  check(!startUp.some((url) => /\/recording-engine-[A-Z0-9]+\.js$/.test(url)), 'the recording code does not load at start without an unfinished run');
  check(!startUp.some((url) => /\/migrations-[A-Z0-9]+\.js$/.test(url)), 'the migrations do not load at start when the store is current');
  // Every script start needs is announced in the html (modulepreload), so none is found one after
  // another; only the update banner's and the store check's come later, when the browser is idle, by design.
  const html = await response.text();
  const isUpdateScript = (path) => [...updateScripts].some((file) => file.endsWith(path));
  const late = startUp.map((url) => new URL(url).pathname).filter((path) => path.endsWith('.js') && !html.includes(`"${path}"`) && !isUpdateScript(path));
  check(late.length === 0, `every script fetched at start is announced in the html${late.length ? `; not: ${late.join(', ')}` : ''}`);
  check(updateScripts.size > 0, `the update banner's scripts are known (${updateScripts.size})`);
  await waitForDeep(page, 'pierce/stride-live-page');
  await page.click('pierce/#simulate');
  await page.waitForFunction(
    () => {
      const live = document.querySelector('stride-app')?.shadowRoot?.querySelector('stride-live-page');
      const cadence = live?.shadowRoot?.querySelector('#cadence');
      return /^\d+$/.test(cadence?.value ?? '');
    },
    { timeout: 10_000 },
  );
  check(/^\d+$/.test(await text(page, '>>> #cadence >>> .number')), '"Try without a footpod" fills the cadence tile');
  check((await text(page, 'pierce/.state')).startsWith('Connected'), 'the simulated footpod shows as connected');
  await page.click('pierce/a[href="/settings"]');
  await waitForDeep(page, '>>> stride-settings-page >>> #targetFrom');
  check(requests.some((url) => /stride-settings-page-[A-Z0-9]+\.js$/.test(url)), 'the settings page loads as its own chunk when entered');
  check(requests.every((url) => url.startsWith(origin)), 'no third-party requests');
  check(problems.length === 0, `no console errors or CSP violations${problems.length ? `: ${problems.join(' | ')}` : ''}`);
  await page.close();

  // A tab closed (here: reloaded) mid-run loses at most the last second, and the run is offered back.
  {
    const run = await openWatched(browser, '/');
    await waitForDeep(run.page, '>>> #simulate');
    await run.page.click('>>> #simulate');
    await waitForDeep(run.page, '>>> stride-recording-controls >>> #start:not([disabled])');
    await run.page.click('>>> stride-recording-controls >>> #start');
    await new Promise((resolve) => setTimeout(resolve, 6500));
    const before = await run.page.evaluate(() => {
      const recorder = document.querySelector('stride-app').services.recording.recorder;
      return { id: recorder.id, samples: recorder.sampleCount };
    });
    await run.page.reload({ waitUntil: 'networkidle0' });
    await waitForDeep(run.page, '>>> stride-recovery-prompt >>> #resume-unfinished');
    const stored = await storedMeta(run.page, before.id);
    check(
      stored !== null && stored.sampleCount >= before.samples - 2 && stored.status === 'recording',
      `after a reload mid-run the session is intact: ${stored?.sampleCount} of ${before.samples} samples stored (at most 2 s lost)`,
    );

    // Resume it: the simulated footpod again, then the run goes on in the same session with a gap.
    await run.page.click('>>> stride-recovery-prompt >>> #resume-unfinished');
    await run.page.click('>>> #simulate');
    await waitForDeep(run.page, '>>> stride-recording-controls >>> #resume:not([disabled])');
    await run.page.click('>>> stride-recording-controls >>> #resume');
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await run.page.click('>>> stride-recording-controls >>> #stop');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const resumed = await storedMeta(run.page, before.id);
    check(
      resumed?.status === 'complete' && resumed.sampleCount >= stored.sampleCount + 2 && resumed.gaps.some((g) => g.reason === 'link-lost'),
      `the resumed run continues the same session: ${stored?.sampleCount} → ${resumed?.sampleCount} samples, gap kept, saved complete`,
    );
    await run.page.goto(`${origin}/history`, { waitUntil: 'networkidle0' });
    await waitForDeep(run.page, '>>> stride-history-page >>> a[href="/history/' + before.id + '"]');
    check(true, 'the run is listed in the history');
    check(run.problems.length === 0, `recording and recovery without console errors${run.problems.length ? `: ${run.problems.join(' | ')}` : ''}`);
    await run.page.close();
  }

  // A renderer killed mid-run (SIGKILL, as an out-of-memory kill or a crash: no unload, no
  // pagehide, no last write) loses at most one sample, a second; reopened, the run is offered back.
  // A kill from outside rather than Page.crash: it is what the OS does, and nothing in the page runs.
  {
    const run = await openWatched(browser, '/');
    await waitForDeep(run.page, '>>> #simulate');
    await run.page.click('>>> #simulate');
    await waitForDeep(run.page, '>>> stride-recording-controls >>> #start:not([disabled])');
    await run.page.click('>>> stride-recording-controls >>> #start');
    await sleep(3300);
    const before = await run.page.evaluate(() => {
      const recorder = document.querySelector('stride-app').services.recording.recorder;
      return { id: recorder.id, samples: recorder.sampleCount };
    });
    const killed = await killRenderer(browser, run.page);
    await run.page.close();
    const reopened = await openWatched(browser, '/');
    await waitForDeep(reopened.page, '>>> stride-recovery-prompt >>> #save-unfinished');
    const stored = await storedMeta(reopened.page, before.id);
    check(
      stored?.status === 'recording' && stored.sampleCount >= before.samples - 1,
      `after the renderer is killed mid-run (${killed} renderer process(es), SIGKILL) the run is offered back with ${stored?.sampleCount} of ${before.samples} samples (at most 1 s lost)`,
    );
    await reopened.page.click('>>> stride-recovery-prompt >>> #save-unfinished');
    check(reopened.problems.length === 0, `reopened after the kill without console errors${reopened.problems.length ? `: ${reopened.problems.join(' | ')}` : ''}`);
    await reopened.page.close();
  }

  // Two tabs: only one records and holds the footpod; the other says so and takes over cleanly.
  // A tab behind another draws nothing until it is looked at (src/components/event-controller.ts),
  // so each tab is brought to the front before what it shows is read, as a runner would look.
  {
    const first = await openWatched(browser, '/');
    await waitForDeep(first.page, '>>> #simulate');
    await first.page.click('>>> #simulate');
    await waitForDeep(first.page, '>>> stride-recording-controls >>> #start:not([disabled])');
    await first.page.click('>>> stride-recording-controls >>> #start');
    const second = await openWatched(browser, '/');
    await waitForDeep(second.page, '>>> stride-other-tab-notice >>> #take-over');
    check(/Recording in another tab/.test(await text(second.page, '>>> stride-other-tab-notice >>> h2')), 'a second tab says "Recording in another tab"');
    check((await second.page.$('>>> #simulate')) === null, 'the second tab offers no footpod while the first holds it');
    await sleep(1200); // a sample or so recorded in the first tab
    const id = await first.page.evaluate(() => document.querySelector('stride-app').services.recording.recorder.id);
    await second.page.click('>>> stride-other-tab-notice >>> #take-over');
    await waitForDeep(second.page, '>>> #simulate');
    const handedOver = await first.page.evaluate(() => {
      const { recording, footpod } = document.querySelector('stride-app').services;
      return { state: recording.state, samples: recording.recorder.sampleCount, pod: footpod.source?.state };
    });
    const saved = await storedMeta(second.page, id);
    check(
      handedOver.state === 'stopped' && handedOver.pod === 'disconnected' && saved?.status === 'complete' && saved.sampleCount === handedOver.samples,
      `"Take over here": the first tab saved its run (${saved?.sampleCount} of ${handedOver.samples} samples, ${saved?.status}) and let the footpod go (${handedOver.pod})`,
    );
    await first.page.bringToFront();
    await waitForDeep(first.page, '>>> stride-live-page >>> #handed-over');
    check(/took over/.test(await text(first.page, '>>> stride-live-page >>> #handed-over')), 'the first tab says another tab took over');
    await second.page.bringToFront();
    await second.page.click('>>> #simulate');
    await waitForDeep(second.page, '>>> stride-recording-controls >>> #start:not([disabled])');
    await second.page.click('>>> stride-recording-controls >>> #start');
    await first.page.bringToFront();
    await waitForDeep(first.page, '>>> stride-other-tab-notice >>> #take-over');
    check(true, 'the second tab records, and now the first says so');
    const problems = [...first.problems, ...second.problems];
    check(problems.length === 0, `two tabs without console errors${problems.length ? `: ${problems.join(' | ')}` : ''}`);
    await first.page.close();
    await second.page.close();
  }

  const deep = await openWatched(browser, '/settings');
  check((await deep.page.$('>>> stride-settings-page >>> #targetFrom')) !== null, 'a deep link to /settings opens settings');
  check(deep.problems.length === 0, `deep link without errors${deep.problems.length ? `: ${deep.problems.join(' | ')}` : ''}`);
} finally {
  await browser.close();
}

// Linux Chrome without the flag has no navigator.bluetooth; the runner must be told what to do.
const withoutFlag = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs.filter((arg) => arg !== '--enable-experimental-web-platform-features'),
});
try {
  const { page, problems } = await openWatched(withoutFlag, '/');
  await waitForDeep(page, '>>> stride-connection-panel >>> .message');
  const message = await text(page, '>>> stride-connection-panel >>> .message');
  check(/enable-experimental-web-platform-features/.test(message), 'without Web Bluetooth the runner is told about the flag');
  check(await page.$eval('pierce/#pair', (b) => b.disabled), '"Pair footpod" is disabled without Web Bluetooth');
  check(problems.length === 0, `no console errors without Web Bluetooth${problems.length ? `: ${problems.join(' | ')}` : ''}`);
} finally {
  await withoutFlag.close();
  server.stop();
}

if (failures.length) {
  console.error(`\n${failures.length} production check(s) failed.`);
  process.exit(1);
}
console.log('All production checks passed.\n');
