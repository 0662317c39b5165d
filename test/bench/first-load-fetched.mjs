// The first load as the browser counts it: every response Chromium receives for `/`, from a fresh
// profile, until the network has been idle for half a second (html, css, every script, including
// chunks fetched right after start), served by `npm start` (the production build). Each body is
// counted gzipped, as a compressing server sends it. The static import graph misses what start-up
// code fetches by itself; this does not.
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';
import { startProductionServer } from '../production/production-server.mjs';

/** One load in a fresh browser context: [url, raw bytes, gzip bytes] of every response. */
async function loadOnce(browser, origin) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const pending = [];
  page.on('response', (response) => {
    pending.push(
      response.buffer().then(
        (body) => [new URL(response.url()).pathname, body.length, gzipSync(body, { level: 9 }).length],
        () => [new URL(response.url()).pathname, 0, 0], // a redirect or an aborted request has no body
      ),
    );
  });
  await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
  const files = await Promise.all(pending);
  await context.close();
  return files;
}

/**
 * Prints the figure (median of `runs` loads) against `budgetKb`; returns it in bytes, with the
 * service worker and manifest. Serves its own production build unless handed the origin of one.
 */
export async function fetchedFirstLoad(budgetKb, { origin = null, runs: RUNS = 3 } = {}) {
  const server = origin === null ? await startProductionServer() : { origin, stop: () => {} };
  const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  try {
    const loads = [];
    for (let run = 0; run < RUNS; run++) loads.push(await loadOnce(browser, server.origin));
    const totals = loads.map((files) => files.reduce((sum, [, , gzip]) => sum + gzip, 0));
    const median = [...totals].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    const first = loads[0];
    console.log(`First load of / as the browser fetched it (npm start, fresh profile, until the network is idle):`);
    for (const [path, raw, gzip] of [...first].sort((a, b) => b[2] - a[2])) {
      console.log(`  ${path.padEnd(40)} ${(raw / 1024).toFixed(1).padStart(7)} KB raw ${(gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
    }
    // Chromium fetches the service worker and the manifest itself, outside the page's requests.
    const outside = await Promise.all(
      ['/sw.js', '/manifest.webmanifest'].map(async (path) => {
        const body = Buffer.from(await (await fetch(server.origin + path)).arrayBuffer());
        return [path, body.length, gzipSync(body, { level: 9 }).length];
      }),
    );
    for (const [path, raw, gzip] of outside) {
      console.log(`  ${(path + ' (outside the page)').padEnd(40)} ${(raw / 1024).toFixed(1).padStart(7)} KB raw ${(gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
    }
    const total = median + outside.reduce((sum, [, , gzip]) => sum + gzip, 0);
    const verdict = total / 1024 <= budgetKb ? 'within' : 'OVER';
    console.log(
      `  ${first.length} responses in the page, ${(median / 1024).toFixed(1)} KB gzip, median of ${RUNS} loads (runs ${totals
        .map((t) => (t / 1024).toFixed(1))
        .join(', ')}); with the service worker and manifest ${(total / 1024).toFixed(1)} KB gzip (${verdict} the ${budgetKb} KB budget).\n` +
        '  Then, once, the service worker precaches the rest of the build in the background for offline use.\n',
    );
    return total;
  } finally {
    await browser.close();
    server.stop();
  }
}
