// Nothing runs while nothing changes: the production build, with no footpod and no run, once its
// start-up is over does no work at all on `/` (the live page), /history, /weeks, /settings, /program
// and /workouts, in a fresh store; nor on `/`, /history and /weeks once a run with the metronome on
// was recorded, stopped and its footpod let go (what a run starts must end with it). Each page is
// counted in a window of its own (a background tab would throttle timers and draw no frames,
// hiding exactly what this looks for): every setTimeout, setInterval, requestAnimationFrame and
// requestIdleCallback callback that fires, and every running animation (CSS or Web Animations,
// shadow roots included), over COUNT_MS once idle. Each must be zero; what fired is named (where
// it was scheduled from, and its first words) so a failure says what to look at. Idle means no
// callback for IDLE_MS (waiting at most SETTLE_LIMIT_MS), so a slow start-up on a loaded machine
// is waited for, while a page that never settles is counted all the same. A timer rarer than the
// count's window would slip through it: at its end nothing may be pending either (a timeout or
// frame asked for and neither fired nor cancelled, an interval not cleared), since whatever is
// pending fires later. Nor may an audio context run (it renders silence on the audio thread and
// holds the audio output), nor a screen wake lock be held, once the run is over.
// A phone beside the belt runs for an hour with the page open: a timer a second is a wake-up a
// second, for no one. And a run recorded in a tab behind another (hidden as Chrome really hides it)
// goes on recording but draws nothing of the live page; brought to the front it draws once, at
// once, with the latest sample on its charts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { buildApp, serve } from '../../build.mjs';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';
import { checklist, sleep } from './browser-helpers.mjs';

/** Idle: no callback for this long (start-up's own, run once when the browser is idle, are over). */
const IDLE_MS = 3000;
/** A page still busy after this long is counted anyway, and so fails. */
const SETTLE_LIMIT_MS = 20_000;
const COUNT_MS = 5000;
// Each route's page element, and what it shows once drawn.
const routes = {
  // The page a runner leaves open before a run, waiting for a footpod; the others a runner reads.
  '/': ['stride-live-page', 'stride-connection-panel'],
  '/history': ['stride-history-page', 'h1, h2'],
  '/weeks': ['stride-weeks-page', 'h1, h2'],
  '/settings': ['stride-settings-page', '#targetFrom'],
  '/program': ['stride-program-page', 'h1, h2'],
  '/workouts': ['stride-workouts-page', 'h1, h2'],
};
const shown = (page, path) =>
  page.waitForFunction(
    (name, selector) => document.querySelector('stride-app')?.shadowRoot?.querySelector(name)?.shadowRoot?.querySelector(selector),
    { timeout: 15_000 },
    ...routes[path],
  );

/**
 * In the page: a short run recorded with the simulated footpod, stopped and saved, the footpod let
 * go and the metronome switched on and off again, so whatever a run starts has had its chance to
 * outlive it.
 */
async function recordRun() {
  const { footpod, recording, coach } = document.querySelector('stride-app').services;
  const idle = window.__stridewiseIdle;
  const firedBefore = idle.total;
  const wakeLocksBefore = idle.wakeLocks.taken;
  await footpod.simulate();
  await recording.start();
  await coach.toggleMetronome();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const metronome = coach.metronomeOn;
  const audioRan = idle.audioContexts.some((context) => context.state === 'running');
  await coach.toggleMetronome();
  const samples = recording.recorder.sampleCount;
  const saved = new Promise((resolve) => recording.addEventListener('saved', resolve, { once: true }));
  recording.stop();
  await saved;
  footpod.disconnect();
  return { samples, metronome, audioRan, wakeLocks: idle.wakeLocks.taken - wakeLocksBefore, fired: idle.total - firedBefore };
}

const scenarios = [
  ...Object.keys(routes).map((path) => ({ name: path, path })),
  { name: '/ after a run', path: '/', afterRun: true },
  { name: '/history after a run', path: '/history', afterRun: true },
  { name: '/weeks after a run', path: '/weeks', afterRun: true },
];

/**
 * Runs in the page before its own scripts: wraps the four ways of asking to be called later so that
 * each callback that fires is counted under where it was asked for, and when the last one fired,
 * and each one asked for and not yet fired or cancelled is known as pending. Also keeps every audio
 * context made and every screen wake lock taken, to see which still run or are held.
 */
function countCallbacks() {
  const fired = new Map();
  /** 'timer:3' (timeouts and intervals share their ids, and either clear cancels either), 'frame:3', 'idle:3'. */
  const pending = new Map();
  const audioContexts = [];
  const wakeLocks = { taken: 0, held: new Set() };
  const idle = { fired, pending, audioContexts, wakeLocks, total: 0, lastAt: 0 };
  Object.defineProperty(window, '__stridewiseIdle', { value: idle });
  const wrap = (name, pool, repeats) => {
    const original = window[name];
    window[name] = function (callback, ...rest) {
      if (typeof callback !== 'function') return original.call(this, callback, ...rest);
      const from = (new Error().stack ?? '').split('\n').slice(2, 4).map((line) => line.trim()).join(' < ');
      const what = `${name} from ${from}: ${String(callback).replace(/\s+/g, ' ').slice(0, 80)}`;
      const id = original.call(
        this,
        function (...args) {
          fired.set(what, (fired.get(what) ?? 0) + 1);
          idle.total++;
          idle.lastAt = performance.now();
          if (!repeats) pending.delete(`${pool}:${id}`);
          return callback.apply(this, args);
        },
        ...rest,
      );
      pending.set(`${pool}:${id}`, what);
      return id;
    };
  };
  const wrapCancel = (name, pool) => {
    const original = window[name];
    window[name] = function (id) {
      pending.delete(`${pool}:${id}`);
      return original.call(this, id);
    };
  };
  wrap('setTimeout', 'timer', false);
  wrap('setInterval', 'timer', true);
  wrap('requestAnimationFrame', 'frame', false);
  if ('requestIdleCallback' in window) wrap('requestIdleCallback', 'idle', false);
  for (const name of ['clearTimeout', 'clearInterval']) wrapCancel(name, 'timer');
  wrapCancel('cancelAnimationFrame', 'frame');
  if ('cancelIdleCallback' in window) wrapCancel('cancelIdleCallback', 'idle');
  if (typeof AudioContext === 'function') {
    window.AudioContext = class extends AudioContext {
      constructor(...args) {
        super(...args);
        audioContexts.push(this);
      }
    };
  }
  if (navigator.wakeLock) {
    const request = navigator.wakeLock.request.bind(navigator.wakeLock);
    navigator.wakeLock.request = async (...args) => {
      const sentinel = await request(...args);
      wakeLocks.taken++;
      wakeLocks.held.add(sentinel);
      sentinel.addEventListener('release', () => wakeLocks.held.delete(sentinel));
      return sentinel;
    };
  }
}

/** In the page: what is pending, audio contexts running and screen wake locks held, now. */
function leftBehind() {
  const { pending, audioContexts, wakeLocks } = window.__stridewiseIdle;
  return {
    pending: [...pending.values()],
    audioRunning: audioContexts.filter((context) => context.state === 'running').length,
    audioMade: audioContexts.length,
    wakeLocksHeld: wakeLocks.held.size,
  };
}

/** In the page: the animations running now, in the document and in every shadow root. */
function runningAnimations() {
  const roots = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const element of roots[i].querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  const all = new Set(roots.flatMap((root) => root.getAnimations()));
  return [...all]
    .filter((animation) => animation.playState === 'running')
    .map((animation) => `${animation.animationName ?? animation.id ?? 'animation'} on <${animation.effect?.target?.localName ?? '?'}>`);
}

/** Grants a permission to `origin` in `context`, as a runner's tap on the browser's prompt would. */
async function allow(browser, context, origin, name) {
  const cdp = await browser.target().createCDPSession();
  try {
    await cdp.send('Browser.setPermission', { permission: { name }, setting: 'granted', origin, browserContextId: context.id });
  } finally {
    await cdp.detach();
  }
}

/** Opens `route` in a window of its own, lets it settle, then counts what it does over COUNT_MS. */
async function idleWork(browser, origin, scenario) {
  // A storage of its own, so a run recorded in one scenario is not in another's.
  const context = await browser.createBrowserContext();
  const page = await context.newPage({ type: 'window' });
  let run = null;
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.evaluateOnNewDocument(countCallbacks);
  if (scenario.afterRun) {
    // Headless Chromium refuses a wake lock unless allowed; a run must be seen taking one.
    await allow(browser, context, origin, 'screen-wake-lock');
    await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
    await shown(page, '/');
    // The metronome's sound needs a runner's gesture: a click gives the page one.
    await page.click('body');
    run = await page.evaluate(recordRun);
    // Through the app's own navigation: the same document, so what the run left running is still there.
    if (scenario.path !== '/') await page.click(`pierce/nav a[href="${scenario.path}"]`);
  } else {
    await page.goto(`${origin}${scenario.path}`, { waitUntil: 'networkidle0' });
  }
  await shown(page, scenario.path);
  // Settled once nothing fired for IDLE_MS: a loaded machine makes start-up slower, not a page busier.
  const settleUntil = Date.now() + SETTLE_LIMIT_MS;
  do await sleep(500);
  while (Date.now() < settleUntil && (await page.evaluate((ms) => performance.now() - window.__stridewiseIdle.lastAt < ms, IDLE_MS)));
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const visible = await page.evaluate(() => document.visibilityState);
  await page.evaluate(() => window.__stridewiseIdle.fired.clear());
  const before = await metrics();
  await sleep(COUNT_MS);
  const after = await metrics();
  const grew = (name) => after[name] - before[name];
  const fired = await page.evaluate(() => [...window.__stridewiseIdle.fired]);
  const left = await page.evaluate(leftBehind);
  const animations = await page.evaluate(runningAnimations);
  await cdp.detach();
  await context.close();
  return {
    run,
    fired,
    left,
    animations,
    visible,
    errors,
    taskMsPerS: (grew('TaskDuration') * 1000) / (COUNT_MS / 1000),
    // A drawn frame recalculates style, lays out, or at least paints; none should have been needed.
    styleAndLayout: grew('RecalcStyleCount') + grew('LayoutCount'),
  };
}

/**
 * A new page of `context` at `url`. Chromium sometimes swaps a fresh context's first page to another
 * renderer mid-navigation and puppeteer reports the frame detached (once in a CI run): that page is
 * closed and one more opened; any other failure is the check's.
 */
async function openInNewPage(context, url, watch) {
  for (let attempt = 1; ; attempt++) {
    const page = await context.newPage();
    watch(page);
    try {
      await page.goto(url, { waitUntil: 'networkidle0' });
      return page;
    } catch (error) {
      await page.close().catch(() => {});
      if (attempt >= 2 || !/detached/i.test(String(error))) throw error;
    }
  }
}

/**
 * A run recorded in a tab behind another (hidden, as Chrome really hides it): the recording goes on
 * and nothing of the live page is drawn; brought to the front, it draws at once with the latest
 * sample on its charts.
 */
async function hiddenTabWork(browser, origin) {
  const context = await browser.createBrowserContext();
  const errors = [];
  const page = await openInNewPage(context, `${origin}/`, (opened) => opened.on('pageerror', (e) => errors.push(e.message)));
  await shown(page, '/');
  await page.evaluate(async () => {
    const { footpod, recording } = document.querySelector('stride-app').services;
    const live = customElements.get('stride-live-page').prototype;
    const render = live.render;
    window.__stridewiseRenders = 0;
    live.render = function () {
      window.__stridewiseRenders++;
      return render.call(this);
    };
    // What the page draws in the task that shows it (before anything else can ask for a draw).
    // (On the window, capturing: before any listener of the app's, on the document.)
    addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState !== 'visible') return;
        const before = window.__stridewiseRenders;
        setTimeout(() => (window.__stridewiseShownDraws = window.__stridewiseRenders - before));
      },
      { capture: true },
    );
    await footpod.simulate();
    await recording.start();
  });
  await sleep(2500);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const renders = () => page.evaluate(() => window.__stridewiseRenders);
  const samples = () => page.evaluate(() => document.querySelector('stride-app').services.recording.recorder.sampleCount);
  const shownRenders = await renders();
  const cover = await context.newPage();
  await cover.goto(`${origin}/history`);
  const visibility = await page.evaluate(() => document.visibilityState);
  const [rendersBefore, samplesBefore, metricsBefore] = [await renders(), await samples(), await metrics()];
  await sleep(COUNT_MS);
  const metricsAfter = await metrics();
  const grew = (name) => metricsAfter[name] - metricsBefore[name];
  const hidden = {
    renders: (await renders()) - rendersBefore,
    samples: (await samples()) - samplesBefore,
    // Nothing laid out or styled: the charts' and tiles' work is not done, not just left unpainted.
    styleAndLayout: grew('RecalcStyleCount') + grew('LayoutCount'),
    taskMsPerS: (grew('TaskDuration') * 1000) / (COUNT_MS / 1000),
  };
  await page.bringToFront();
  const back = await page.evaluate(async () => {
    const live = document.querySelector('stride-app').shadowRoot.querySelector('stride-live-page');
    for (let i = 0; i < 50 && window.__stridewiseShownDraws === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await live.updateComplete;
    const session = document.querySelector('stride-app').services.footpod.session;
    const chart = live.shadowRoot.querySelector('#cadence-chart');
    await chart.updateComplete;
    // Below the fold of this 800×600 window the chart skips its draws until a runner scrolls to it.
    chart.scrollIntoView();
    for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    return { renders: window.__stridewiseShownDraws, chartEnd: chart.plot.data[0].at(-1), lastSample: session.samples.at('t', session.samples.length - 1) };
  });
  await context.close();
  return { shownRenders, visibility, hidden, back, errors };
}

const { check, failures } = checklist();
console.log(`Idle: nothing runs while nothing changes (no footpod, no run; counted over ${COUNT_MS / 1000} s once nothing fired for ${IDLE_MS / 1000} s):`);
const work = await mkdtemp(join(tmpdir(), 'stridewise-idle-'));
const port = 20000 + Math.floor(Math.random() * 20000);
const origin = `http://127.0.0.1:${port}`;
const [browser] = await Promise.all([puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs }), buildApp({ dir: work })]);
const server = await new Promise((resolve) => {
  const s = serve(port, work, () => resolve(s));
});
try {
  const hiddenTab = hiddenTabWork(browser, origin);
  const results = await Promise.all(scenarios.map((scenario) => idleWork(browser, origin, scenario)));
  scenarios.forEach((scenario, i) => {
    const { run, fired, left, animations, visible, errors, taskMsPerS, styleAndLayout } = results[i];
    if (run) {
      // Else the zeros below would say nothing: the run happened, and its timers were counted.
      check(run.samples >= 2 && run.metronome, `${scenario.name}: the run recorded ${run.samples} samples with the metronome on (${run.metronome})`);
      check(run.fired > 0, `${scenario.name}: the count sees the app's own timers (${run.fired} callbacks during the run)`);
      check(run.audioRan && run.wakeLocks > 0, `${scenario.name}: the count sees the run's audio running (${run.audioRan}) and its wake locks (${run.wakeLocks} taken)`);
    }
    const callbacks = fired.reduce((sum, [, n]) => sum + n, 0);
    check(visible === 'visible', `${scenario.name} is counted as a page in front (${visible})`);
    check(
      callbacks === 0,
      `${scenario.name}: no timer or frame callback fires while idle (${callbacks} in ${COUNT_MS / 1000} s, main thread ${taskMsPerS.toFixed(1)} ms/s)` +
        fired.map(([what, n]) => `\n      ${(n / (COUNT_MS / 1000)).toFixed(1)}/s ${what}`).join(''),
    );
    check(
      left.pending.length === 0,
      `${scenario.name}: no timer or frame left pending at the end, to fire later (${left.pending.length})` + left.pending.map((what) => `\n      ${what}`).join(''),
    );
    check(left.audioRunning === 0, `${scenario.name}: no audio context runs (${left.audioRunning} of ${left.audioMade})`);
    check(left.wakeLocksHeld === 0, `${scenario.name}: no screen wake lock is held (${left.wakeLocksHeld})`);
    check(styleAndLayout === 0, `${scenario.name}: no style recalculation or layout while idle (${styleAndLayout})`);
    check(animations.length === 0, `${scenario.name}: no animation runs while idle${animations.length ? `: ${animations.join(', ')}` : ''}`);
    check(errors.length === 0, `${scenario.name}: no page errors${errors.length ? `: ${errors.join(' | ')}` : ''}`);
  });
  console.log('A hidden tab does only the recording\'s work:');
  const { shownRenders, visibility, hidden, back, errors } = await hiddenTab;
  check(shownRenders >= 2, `in front, the live page draws the run as it records (${shownRenders} draws)`);
  check(visibility === 'hidden', `behind another tab the page is hidden (${visibility})`);
  check(hidden.samples >= 3, `hidden, the run goes on recording (${hidden.samples} samples in ${COUNT_MS / 1000} s)`);
  check(hidden.renders === 0, `hidden, the live page draws nothing (${hidden.renders} draws; main thread ${hidden.taskMsPerS.toFixed(1)} ms/s)`);
  check(hidden.styleAndLayout === 0, `hidden, no style recalculation or layout (${hidden.styleAndLayout})`);
  check(back.renders === 1, `brought to the front, it draws once at once (${back.renders} draws as it is shown)`);
  check(back.chartEnd === back.lastSample, `with the latest sample on its chart (${back.chartEnd} s of ${back.lastSample} s)`);
  check(errors.length === 0, `hidden tab: no page errors${errors.length ? `: ${errors.join(' | ')}` : ''}`);
} finally {
  await browser.close();
  server.close();
  await rm(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n${failures.length} idle check(s) failed.`);
  process.exit(1);
}
console.log('All idle checks passed.\n');
