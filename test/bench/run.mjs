// `npm run bench`: first-load size of the production build, then timings measured in headless
// Chromium. Each browser figure is the median of several runs; machines are shared and noisy.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import { buildApp, firstLoadFiles } from '../../build.mjs';
import { fetchedFirstLoad } from './first-load-fetched.mjs';
import { lighthouseScores } from './lighthouse.mjs';
import { rendererKillLoss } from './renderer-kill.mjs';
import { cpuPerMinute } from './cpu-per-minute.mjs';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FIRST_LOAD_TARGET_KB = 55;

async function firstLoadSize() {
  const metafile = await buildApp();
  const { files } = firstLoadFiles(metafile);
  // index.html links public/base.css too; it is part of what the live page loads.
  const loaded = [...files, 'dist/base.css'].filter((f) => existsSync(join(root, f)));
  const rows = await Promise.all(
    loaded.map(async (file) => {
      const bytes = await readFile(join(root, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }),
  );
  const total = rows.reduce((sum, r) => sum + r.gzip, 0);
  console.log('First load of the live page (production build):');
  for (const r of rows) console.log(`  ${r.file.padEnd(36)} ${(r.raw / 1024).toFixed(1).padStart(7)} KB raw ${(r.gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
  const verdict = total / 1024 <= FIRST_LOAD_TARGET_KB ? 'within' : 'OVER';
  console.log(`  total ${(total / 1024).toFixed(1)} KB gzip (${verdict} the ${FIRST_LOAD_TARGET_KB} KB target)\n`);
  return total;
}

/** Serves the bundled benchmarks from 127.0.0.1: IndexedDB needs a real origin. */
function serveBenchmarkPage(script, importWorker) {
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else if (req.url === IMPORT_WORKER_URL) res.writeHead(200, { 'content-type': 'text/javascript' }).end(importWorker);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body><script type="module" src="/bench.js"></script></body></html>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Where the bench page finds the import worker, bundled as the app's build does it (build.mjs). */
const IMPORT_WORKER_URL = '/import-worker.js';

/** Bundles `entry`, loads it in headless Chromium and prints the lines `window[globalName]()` returns. */
async function inChromium(entry, globalName) {
  const bundled = (file, define = {}) =>
    esbuild
      .build({ entryPoints: [join(root, file)], bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, conditions: ['production'], define })
      .then((bundle) => bundle.outputFiles[0].text);
  const [page, importWorker] = await Promise.all([
    bundled(entry, { STRIDE_IMPORT_WORKER_URL: JSON.stringify(IMPORT_WORKER_URL) }),
    bundled('src/export/import-worker.ts'),
  ]);
  const server = await serveBenchmarkPage(page, importWorker);
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    // The import fuzz evaluates for ten minutes or more; puppeteer's default gives up after three.
    protocolTimeout: 1_800_000,
    // Precise heap figures and gc() for the memory benchmark.
    args: [...chromiumArgs, '--window-size=1280,900', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction((name) => name in window, {}, globalName);
    page.setDefaultTimeout(600_000);
    const results = await page.evaluate((name) => window[name](), globalName);
    if (errors.length) throw errors[0];
    for (const line of results) console.log(line);
  } finally {
    await browser.close();
    server.close();
  }
}

// `npm run bench -- import-accuracy` prints only the import accuracy table (quick, no build);
// `npm run bench -- metronome` only the metronome's timing on a busy main thread;
// `npm run bench -- import-fuzz` ten thousand damaged FIT and TCX files through the import path;
// `npm run bench -- import-big` a 5.5-hour watch run (7 MB TCX, and FIT) imported as Settings does, timed with its long tasks;
// `npm run bench -- watch-invariants` the watch files' invariants over 1,000 generated runs each (a few minutes);
// `npm run bench -- invariants` every other invariant of npm test over 10 times its generated runs (INVARIANT_SCALE);
// `npm run bench -- ble-fuzz` a million random packets through each new parser (about 35 s);
// `npm run bench -- cpu` only main-thread time per minute of a recorded run, live page and treadmill screen against a bare page (about 6 min);
// `npm run bench -- first-load` only the first load, by the static import graph and as the browser fetched it;
// `npm run bench -- merge` only the cost of merging footpod, treadmill and strap in LiveSession;
// `npm run bench -- weeks` only the weeks page with its charts over 520 stored sessions;
// `npm run bench -- renderer-kill` only the samples a killed renderer loses, 5 kills (about 80 s);
// `npm run bench -- lighthouse` only Lighthouse's scores for / (LIGHTHOUSE_RUNS=5 runs by default);
// `npm run bench -- soak` a recorded run with 20 drops and a reload through the emulated Bluetooth stack (SOAK_HOURS=1 of pod time);
// `npm run bench -- random-bytes` random bytes through the emulated footpod for RANDOM_BYTES_S=120 s;
// `npm run bench -- zip` only the zip of all runs (ZIP_RUNS=100 one-hour runs, FIT and TCX, worker and page).
function inTestRunner(bench, config = 'test/bench/soak.config.mjs') {
  const result = spawnSync('npx', ['web-test-runner', '--config', config], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH: bench },
  });
  if (result.status !== 0) throw new Error(`the ${bench} bench failed`);
}
if (process.argv[2] === 'soak' || process.argv[2] === 'random-bytes') {
  inTestRunner(process.argv[2]);
  process.exit(0);
}
if (process.argv[2] === 'zip') {
  inTestRunner('zip', 'test/bench/runs-zip.config.mjs');
  process.exit(0);
}
if (process.argv[2] === 'invariants') {
  inTestRunner('invariants', 'test/bench/invariants.config.mjs');
  process.exit(0);
}
if (process.argv[2] === 'lighthouse') {
  await lighthouseScores();
  process.exit(0);
}
if (process.argv[2] === 'renderer-kill') {
  for (const line of await rendererKillLoss()) console.log(line);
  process.exit(0);
}
if (process.argv[2] === 'weeks') {
  await inChromium('test/bench/weeks-benchmark.ts', 'stridewiseWeeksBench');
  process.exit(0);
}
if (process.argv[2] === 'metronome') {
  await inChromium('test/bench/metronome-jitter.ts', 'stridewiseMetronomeJitter');
  process.exit(0);
}
if (process.argv[2] === 'merge') {
  await inChromium('test/bench/merge-benchmark.ts', 'stridewiseMergeBench');
  process.exit(0);
}
if (process.argv[2] === 'import-fuzz') {
  await inChromium('test/bench/import-fuzz.ts', 'stridewiseImportFuzz');
  process.exit(0);
}
if (process.argv[2] === 'import-big') {
  await inChromium('test/bench/import-big.ts', 'stridewiseImportBig');
  process.exit(0);
}
if (process.argv[2] === 'watch-invariants') {
  await inChromium('test/bench/watch-invariants.ts', 'stridewiseWatchInvariants');
  process.exit(0);
}
if (process.argv[2] === 'ble-fuzz') {
  await inChromium('test/bench/ble-fuzz.ts', 'stridewiseBleFuzz');
  process.exit(0);
}
if (process.argv[2] === 'cpu') {
  await cpuPerMinute();
  process.exit(0);
}
if (process.argv[2] === 'first-load') {
  await firstLoadSize();
  await fetchedFirstLoad(FIRST_LOAD_TARGET_KB);
  process.exit(0);
}
if (process.argv[2] !== 'import-accuracy') {
  await firstLoadSize();
  await fetchedFirstLoad(FIRST_LOAD_TARGET_KB);
  await lighthouseScores();
  await inChromium('test/bench/browser-benchmarks.ts', 'stridewiseBench');
  console.log('');
  await inChromium('test/bench/metronome-jitter.ts', 'stridewiseMetronomeJitter');
  console.log('');
  await inChromium('test/bench/merge-benchmark.ts', 'stridewiseMergeBench');
  console.log('');
  await inChromium('test/bench/weeks-benchmark.ts', 'stridewiseWeeksBench');
  console.log('');
  await cpuPerMinute();
  console.log('');
  await inChromium('test/bench/import-big.ts', 'stridewiseImportBig');
  console.log('');
  inTestRunner('soak');
  for (const line of await rendererKillLoss()) console.log(line);
  console.log('');
}
await inChromium('test/bench/import-accuracy.ts', 'stridewiseImportAccuracy');
