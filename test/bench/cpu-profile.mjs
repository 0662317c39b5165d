// `node test/bench/cpu-profile.mjs [live|treadmill|bare]`: where the live page (or the treadmill screen)
// spends its main thread while recording the simulated footpod, to find what the `cpu` bench's
// ratio is made of. Over PROFILE_S seconds it counts, per second: lit updates per element (and the
// properties that changed), events the services fire, timers and animation frames that fire, CSS
// animations running, style recalculations (and how many elements each), layouts and the regions
// painted; and the functions with the most self time (CDP Profiler, on an unminified build).
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';
import { sleep, waitForDeep } from '../production/browser-helpers.mjs';
import { press, serveBarePage } from './cpu-per-minute.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PROFILE_S = Number(process.env.PROFILE_S ?? 15);
const PORT = Number(process.env.CPU_PORT ?? 8612);
const screen = process.argv[2] ?? 'live';

/** Installed before the app's scripts: counts updates, events, timers and frames. */
function instrument(LAYOUT_FIRST) {
  const counts = { updates: {}, changed: {}, events: {}, timers: {}, fonts: {}, ms: {}, frames: 0 };
  window.__cpuCounts = counts;
  window.__layoutFirst = LAYOUT_FIRST;
  const bump = (table, key) => (table[key] = (table[key] ?? 0) + 1);
  const define = customElements.define.bind(customElements);
  customElements.define = (name, ctor, options) => {
    const perform = ctor.prototype.performUpdate;
    if (typeof perform === 'function') {
      ctor.prototype.performUpdate = function () {
        if (this.localName !== name) return perform.call(this);
        const from = performance.now();
        try {
          return perform.call(this);
        } finally {
          counts.ms[`performUpdate ${name}`] = (counts.ms[`performUpdate ${name}`] ?? 0) + performance.now() - from;
        }
      };
    }
    const update = ctor.prototype.update;
    if (typeof update === 'function') {
      ctor.prototype.update = function (changed) {
        if (this.localName === name) {
          bump(counts.updates, name);
          for (const key of changed?.keys?.() ?? []) bump(counts.changed, `${name}.${String(key)}`);
        }
        return update.call(this, changed);
      };
    }
    define(name, ctor, options);
  };
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    if (this instanceof Node) return dispatch.call(this, event);
    const key = `${this.constructor.name}:${event.type}`;
    bump(counts.events, key);
    const from = performance.now();
    try {
      return dispatch.call(this, event);
    } finally {
      counts.ms[`dispatch ${key}`] = (counts.ms[`dispatch ${key}`] ?? 0) + performance.now() - from;
    }
  };
  const where = () => (new Error().stack ?? '').split('\n').slice(3, 5).map((l) => l.trim().replace(/^at /, '')).join(' < ');
  for (const name of ['setTimeout', 'setInterval']) {
    const original = window[name];
    window[name] = function (callback, ms, ...rest) {
      const key = `${name}(${ms ?? 0}) ${where()}`;
      const timed = (...a) => {
        bump(counts.timers, key);
        const from = performance.now();
        try {
          return callback(...a);
        } finally {
          counts.ms[`${name}(${Math.round(ms ?? 0)})`] = (counts.ms[`${name}(${Math.round(ms ?? 0)})`] ?? 0) + performance.now() - from;
        }
      };
      return original.call(window, typeof callback === 'function' ? timed : callback, ms, ...rest);
    };
  }
  // Canvas text: how often each chart draws it and at what cost.
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (...args) {
    const from = performance.now();
    fillText.apply(this, args);
    counts.canvasText = (counts.canvasText ?? 0) + 1;
    counts.canvasTextMs = (counts.canvasTextMs ?? 0) + performance.now() - from;
    bump(counts.fonts, this.font);
  };
  const microtask = window.queueMicrotask;
  window.queueMicrotask = (callback) =>
    microtask.call(window, () => {
      if (window.__layoutFirst && callback.name === '_commit') {
        const before = performance.now();
        getComputedStyle(document.documentElement).getPropertyValue('--chart-axis');
        const styled = performance.now();
        document.documentElement.getBoundingClientRect();
        counts.ms['style forced before _commit'] = (counts.ms['style forced before _commit'] ?? 0) + styled - before;
        counts.ms['layout forced before _commit'] = (counts.ms['layout forced before _commit'] ?? 0) + performance.now() - styled;
      }
      const from = performance.now();
      try {
        callback();
      } finally {
        counts.ms[`queueMicrotask ${callback.name}`] = (counts.ms[`queueMicrotask ${callback.name}`] ?? 0) + performance.now() - from;
      }
    });
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = (callback) => raf.call(window, (t) => (counts.frames++, bump(counts.timers, `rAF ${where()}`), callback(t)));
}

/** An unminified production build of its own (dist/ stays as npm start left it), served as npm start serves it. */
function startServer() {
  const dir = join(tmpdir(), `stridewise-cpu-profile-${PORT}`);
  const server = spawn(process.execPath, ['-e', `
    const { buildApp, serve } = await import('./build.mjs');
    await buildApp({ dir: ${JSON.stringify(dir)}, minify: false, keepNames: true });
    serve(${PORT}, ${JSON.stringify(dir)});`, '--input-type=module'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => server.stdout.on('data', (d) => String(d).includes(`${PORT}`) && resolve(server)));
}

const perSecond = (table) =>
  Object.entries(table)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `    ${(v / PROFILE_S).toFixed(2).padStart(6)}/s  ${k}`)
    .join('\n');

const server = screen === 'bare' ? await serveBarePage(PORT) : await startServer();
const origin = screen === 'bare' ? server.origin : `http://127.0.0.1:${PORT}`;
const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.evaluateOnNewDocument(instrument, process.env.LAYOUT_FIRST === '1');
  await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
  if (screen !== 'bare') {
    await waitForDeep(page, '>>> #simulate');
    await press(page, '>>> #simulate');
    await waitForDeep(page, '>>> stride-recording-controls >>> #start:not([disabled])');
    await press(page, '>>> stride-recording-controls >>> #start');
  }
  if (screen === 'treadmill') {
    await sleep(2000);
    await press(page, '>>> #treadmill-screen');
    await waitForDeep(page, '>>> stride-treadmill-page >>> #cadence');
  }
  await sleep(8000);
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.evaluate(() => {
    const c = window.__cpuCounts;
    c.updates = {}; c.ms = {}; c.changed = {}; c.events = {}; c.timers = {}; c.fonts = {}; c.frames = 0; c.canvasText = 0; c.canvasTextMs = 0;
  });
  await page.tracing.start({ categories: ['devtools.timeline'] });
  await cdp.send('Profiler.start');
  await sleep(PROFILE_S * 1000);
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString());
  const counts = await page.evaluate(() => window.__cpuCounts);
  const animations = await page.evaluate(() =>
    document.getAnimations().map((a) => `${a.animationName ?? a.constructor.name} on ${a.effect?.target?.localName}.${a.effect?.target?.className} (${a.playState})`),
  );
  console.log(`${screen}: ${PROFILE_S} s while recording`);
  console.log(`  lit updates per element:\n${perSecond(counts.updates)}`);
  console.log(`  properties changed per update:\n${perSecond(counts.changed)}`);
  console.log(`  wall ms per second (inclusive; timers hold the microtasks they queue only when run inside them):\n${Object.entries(counts.ms).sort((a, b) => b[1] - a[1]).map(([k, v]) => `    ${(v / PROFILE_S).toFixed(2).padStart(6)} ms/s  ${k}`).join('\n')}`);
  console.log(`  service events:\n${perSecond(counts.events)}`);
  console.log(`  timers and frames fired (${(counts.frames / PROFILE_S).toFixed(1)} animation frames/s):\n${perSecond(counts.timers)}`);
  console.log(`  canvas fillText: ${(counts.canvasText / PROFILE_S).toFixed(1)}/s, ${(counts.canvasTextMs / PROFILE_S).toFixed(2)} ms/s; fonts:\n${perSecond(counts.fonts)}`);
  console.log(`  CSS animations running: ${animations.length ? animations.join('; ') : 'none'}`);

  const main = new Set(trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  const sum = {};
  for (const e of events) {
    sum[e.name] ??= { n: 0, ms: 0 };
    sum[e.name].n++;
    sum[e.name].ms += (e.tdur ?? 0) / 1000;
  }
  console.log('  trace events on the main thread (count/s, thread ms/s):');
  for (const [name, { n, ms }] of Object.entries(sum).sort((a, b) => b[1].ms - a[1].ms).slice(0, 18)) {
    console.log(`    ${(n / PROFILE_S).toFixed(1).padStart(6)}/s ${(ms / PROFILE_S).toFixed(2).padStart(7)} ms/s  ${name}`);
  }
  const calls = {};
  for (const e of events.filter((e) => e.name === 'FunctionCall' || e.name === 'TimerFire' || e.name === 'EventDispatch' || e.name === 'RunMicrotasks' || e.name === 'FireAnimationFrame')) {
    const d = e.args?.data ?? {};
    const key = `${e.name} ${d.type ?? ''}${d.functionName ?? ''} ${String(d.url ?? '').split('/').pop()}:${d.lineNumber ?? ''}`;
    calls[key] ??= { n: 0, ms: 0 };
    calls[key].n++;
    calls[key].ms += (e.tdur ?? 0) / 1000;
  }
  console.log('  calls into script (count/s, thread ms/s, nested ones counted in their callers too):');
  for (const [name, { n, ms }] of Object.entries(calls).sort((a, b) => b[1].ms - a[1].ms).slice(0, 14)) {
    console.log(`    ${(n / PROFILE_S).toFixed(1).padStart(6)}/s ${(ms / PROFILE_S).toFixed(2).padStart(7)} ms/s  ${name}`);
  }
  const recalcs = events.filter((e) => e.name === 'UpdateLayoutTree').map((e) => e.args?.elementCount ?? 0);
  console.log(`  style recalcs: elements per recalc ${recalcs.length ? `median ${recalcs.sort((a, b) => a - b)[recalcs.length >> 1]}, max ${recalcs.at(-1)}` : 'none'}`);
  const layouts = events.filter((e) => e.name === 'Layout').map((e) => `${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects}`);
  console.log(`  layouts (dirty/total objects): ${layouts.slice(0, 12).join(', ')}`);
  const paints = {};
  for (const e of events.filter((e) => e.name === 'Paint')) {
    const clip = e.args?.data?.clip;
    const key = `${e.args?.data?.nodeName} ${clip ? `${Math.round(clip[2] - clip[0])}×${Math.round(clip[5] - clip[1])}` : ''}`;
    paints[key] = (paints[key] ?? 0) + 1;
  }
  console.log(`  paint regions:\n${perSecond(paints)}`);

  // Self time per function from the sampled profile.
  const self = {};
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self[key] = (self[key] ?? 0) + (dt[i] ?? 0) / 1000;
  });
  // Inclusive time per function: a sample counts for every function on its stack (once each).
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = {};
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n).callFrame;
      if (!f.url) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive[key] = (inclusive[key] ?? 0) + (dt[i] ?? 0) / 1000;
    }
  });
  console.log('  inclusive time (ms/s), top 40:');
  for (const [k, v] of Object.entries(inclusive).sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`    ${(v / PROFILE_S).toFixed(2).padStart(7)}  ${k}`);
  }
  console.log('  self time (ms/s), top 25:');
  for (const [k, v] of Object.entries(self).filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`    ${(v / PROFILE_S).toFixed(2).padStart(7)}  ${k}`);
  }
} finally {
  await browser.close();
  if (screen === 'bare') server.stop();
  else server.kill();
}
