// `npm run bench -- cpu`: main-thread time per minute of a recorded run, on the live page and the
// treadmill screen, against a bare page that draws the same visible work (two uPlot charts of 3 h
// showing the last 5 minutes, six tiles, once a second), all in one headless Chromium at
// 1280×800. The app is the production build served as `npm start` serves it; each round opens it
// in a fresh profile, presses "Try without a footpod", starts recording, and after a warm-up
// (10 s, the last 5 traced for paint) counts CDP Performance.getMetrics over WINDOW_S; then the
// same on /treadmill (same run), then on the bare page, one page at a time so no other tab's work
// is counted, in alternating order. Paint is the union of the renderer main thread's Paint,
// PrePaint, Layerize and UpdateLayerTree trace events. The machine may be shared: compare the
// ratios, which come from the same rounds.
import * as esbuild from 'esbuild';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';
import { startProductionServer } from '../production/production-server.mjs';
import { sleep, waitForDeep } from '../production/browser-helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TARGET_RATIO = 1.3;
const ROUNDS = Number(process.env.CPU_ROUNDS ?? 3);
/** Before the paint trace and the window; the paint trace (PAINT_S) is part of the warm-up. */
const WARM_UP_S = 5;
/** The treadmill screen follows a page already warm and the bare page has nothing to warm. */
const SHORT_WARM_UP_S = 2;
const PAINT_S = 5;
const WINDOW_S = Number(process.env.CPU_WINDOW_S ?? 30);
/** The app's server and the bare page's (CPU_PORT=8610 by default). */
const PORT = Number(process.env.CPU_PORT ?? 8610);
const PAINT_EVENTS = new Set(['Paint', 'PrePaint', 'Layerize', 'UpdateLayerTree']);
const categories = [
  ['task', 'TaskDuration'],
  ['script', 'ScriptDuration'],
  ['layout', 'LayoutDuration'],
  ['style', 'RecalcStyleDuration'],
];

/**
 * Presses a button as a finger or the keyboard does: no mouse pointer is left over the page, where
 * Chrome would hit-test it after every layout (the bare page has none either).
 */
export const press = (page, selector) => page.$eval(selector, (button) => button.click());

/** The bare page, bundled and served from its own local port. */
export async function serveBarePage(port = PORT + 1) {
  const bundle = await esbuild.build({
    entryPoints: [`${root}test/bench/cpu-bare-page.ts`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
  });
  const uplotCss = await readFile(`${root}node_modules/uplot/dist/uPlot.min.css`, 'utf8');
  const style = `${uplotCss}
    body { margin: 0; padding: 1rem; font-family: system-ui, sans-serif; background: #0f172a; color: #e2e8f0; }
    .tiles { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 0.75rem; margin-bottom: 1rem; }
    .tile { background: #1e293b; border-radius: 12px; padding: 0.75rem 1rem; }
    .label { font-size: 0.85rem; color: #94a3b8; text-transform: uppercase; }
    .value { font-size: 3rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    .chart { margin-bottom: 1rem; min-height: 220px; }`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${style}</style></head><body><script type="module" src="/bare.js"></script></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === '/bare.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.outputFiles[0].text);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, stop: () => server.close() };
}

/** Milliseconds of thread time the renderer main thread spent in paint events: the union of their spans. */
function paintMs(trace) {
  const { traceEvents } = JSON.parse(Buffer.from(trace).toString());
  const mainThreads = new Set(
    traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const spans = traceEvents
    .filter((e) => e.ph === 'X' && PAINT_EVENTS.has(e.name) && mainThreads.has(`${e.pid}:${e.tid}`))
    .map((e) => [e.tts, e.tts + (e.tdur ?? 0)])
    .filter(([from]) => from !== undefined)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of spans) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total / 1000;
}

/** Thread milliseconds per minute the renderer main thread spends painting, from a PAINT_S trace. */
async function paintPerMinute(page) {
  await page.tracing.start({ categories: ['devtools.timeline'] });
  await sleep(PAINT_S * 1000);
  return (paintMs(await page.tracing.stop()) * 60) / PAINT_S;
}

/**
 * Main-thread milliseconds per minute of each category: paint from a trace of PAINT_S, then the
 * rest over WINDOW_S without one (tracing itself costs the page time, more on a busier page).
 * Durations are the thread's own time (threadTicks), so a descheduled thread on a shared machine
 * does not count as work.
 */
async function perMinute(page) {
  const paint = await paintPerMinute(page);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await read();
  await sleep(WINDOW_S * 1000);
  const after = await read();
  await cdp.detach();
  const figures = Object.fromEntries(categories.map(([key, metric]) => [key, ((after[metric] - before[metric]) * 1000 * 60) / WINDOW_S]));
  return { ...figures, paint };
}

/** The live page recording the simulated footpod, then /treadmill in the same run; a fresh profile. */
async function measureApp(browser, origin) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
    await waitForDeep(page, '>>> #simulate');
    await press(page, '>>> #simulate');
    await waitForDeep(page, '>>> stride-recording-controls >>> #start:not([disabled])');
    await press(page, '>>> stride-recording-controls >>> #start');
    await sleep(WARM_UP_S * 1000);
    const live = await perMinute(page);
    await press(page, '>>> #treadmill-screen');
    await waitForDeep(page, '>>> stride-treadmill-page >>> #cadence');
    await sleep(SHORT_WARM_UP_S * 1000);
    const treadmill = await perMinute(page);
    return { live, treadmill };
  } finally {
    await context.close();
  }
}

async function measureBare(browser, origin) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => 'stridewiseBareReady' in window);
    await sleep(SHORT_WARM_UP_S * 1000);
    return await perMinute(page);
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => value.toFixed(0).padStart(6);

/** Prints the table, the ratios and their verdicts; returns the medians and ratios. */
function report(runs) {
  const pages = [
    ['live page', runs.map((r) => r.live)],
    ['treadmill screen', runs.map((r) => r.treadmill)],
    ['bare page', runs.map((r) => r.bare)],
  ];
  const keys = [...categories.map(([key]) => key), 'paint', 'other'];
  for (const r of runs.flatMap((run) => [run.live, run.treadmill, run.bare])) r.other = r.task - r.script - r.layout - r.style - r.paint;
  console.log(`  ${''.padEnd(18)}${keys.map((k) => k.padStart(8)).join('')}   (ms of main-thread time per minute, median of ${runs.length}; other: GC, compositing, tasks of no category)`);
  const medians = {};
  for (const [name, list] of pages) {
    medians[name] = Object.fromEntries(keys.map((k) => [k, median(list.map((r) => r[k]))]));
    console.log(`  ${name.padEnd(18)}${keys.map((k) => `  ${ms(medians[name][k])}`).join('')}   runs: ${list.map((r) => r.task.toFixed(0)).join(', ')}`);
  }
  const bare = medians['bare page'].task;
  const ratios = {};
  for (const name of ['live page', 'treadmill screen']) {
    ratios[name] = medians[name].task / bare;
    const perRun = runs.map((r) => (r[name === 'live page' ? 'live' : 'treadmill'].task / r.bare.task).toFixed(2)).join(', ');
    const verdict = ratios[name] <= TARGET_RATIO ? 'within' : 'OVER';
    console.log(`  ${name} / bare page: ${ratios[name].toFixed(2)} (${verdict} the ${TARGET_RATIO} target; per round ${perRun})`);
  }
  return { medians, ratios };
}

export async function cpuPerMinute() {
  console.log(`Main thread per minute of a recorded run (production build, headless Chromium 1280×800, ${WINDOW_S} s windows, ${ROUNDS} rounds):`);
  const [app, bare] = await Promise.all([startProductionServer(PORT), serveBarePage()]);
  const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs, '--window-size=1280,800'] });
  try {
    const runs = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which comes first, so a machine growing busier weighs on both alike.
      if (round % 2 === 0) {
        const { live, treadmill } = await measureApp(browser, app.origin);
        runs.push({ live, treadmill, bare: await measureBare(browser, bare.origin) });
      } else {
        const bareFigures = await measureBare(browser, bare.origin);
        runs.push({ ...(await measureApp(browser, app.origin)), bare: bareFigures });
      }
    }
    return report(runs);
  } finally {
    await browser.close();
    app.stop();
    bare.stop();
  }
}
