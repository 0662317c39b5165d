// Screenshots of every screen, to look at what was built: `node test/tools/screenshots.mjs [out-dir]`
// (default /tmp/stridewise-shots). It builds the app, serves it, imports three generated watch runs
// (one 9 years old), records a short run with the simulated footpod, then photographs each screen
// at 1280×800 and 390×844 in the light and the dark theme, whole pages, as <screen>-<width>-<theme>.png.
// Options: --only=live,weeks (screens by name; compare the run recorded beside a watch run; program is the Program page with a baseline and three
// sessions done; workouts the Workouts page, workouts-editor its editor on a copied library workout,
// treadmill-workout the treadmill screen during intervals on the simulated treadmill,
// treadmill-confirm its first-time question, run-workout that run's page with its planned pace),
// history-select History with runs picked for a zip (and history-exported once its zip is written), --themes=dark, --widths=390.
// Tests measure layout; this is for the glance that catches what tests did not think of.
import * as esbuild from 'esbuild';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { buildApp, serve } from '../../build.mjs';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]?.split(',');
const outDir = args.find((a) => !a.startsWith('--')) ?? '/tmp/stridewise-shots';
const onlyScreens = option('only');
const themes = option('themes') ?? ['light', 'dark'];
const widths = (option('widths') ?? ['1280', '390']).map(Number);
// 960×600 is the README's picture of the treadmill screen (public/screenshots/treadmill.png).
const heights = { 1280: 800, 390: 844, 960: 600 };
const DAY_MS = 86_400_000;

/** Watch files made by the tests' own generator, so History, Weeks and a run's page have something to show. */
async function watchFiles(dir) {
  const script = join(dir, 'make-watch-files.mjs');
  await esbuild.build({
    stdin: {
      contents: `import { watchActivity } from './test/support/watch-files.ts';
        export const files = (now) => [
          { name: 'Morning_Run.fit', fit: watchActivity({ durationS: 1800, sampling: 'smart', seed: 3, startedAt: Math.floor((now - 2 * ${DAY_MS}) / 1000) * 1000 }).fit },
          { name: 'Treadmill_tempo.fit', fit: watchActivity({ durationS: 2400, sampling: 'every-second', subSport: 'treadmill', seed: 5, pauses: [{ atS: 600, lengthS: 40 }], startedAt: Math.floor((now - 9 * ${DAY_MS}) / 1000) * 1000 }).fit },
          { name: 'Old_2017_run.fit', fit: watchActivity({ durationS: 2100, sampling: 'smart', seed: 7, startedAt: Date.UTC(2017, 4, 3, 7, 0, 0) }).fit },
        ];`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'error',
  });
  const { files } = await import(script);
  return Promise.all(
    files(Date.now()).map(async ({ name, fit }) => {
      const path = join(dir, name);
      await writeFile(path, fit);
      return path;
    }),
  );
}

/**
 * A program with a baseline and a few sessions done, answered, built by the program's own rules
 * (the transitions the service stores), to put in the app's store under the program's key.
 */
async function programState(dir) {
  const script = join(dir, 'make-program.mjs');
  await esbuild.build({
    stdin: {
      contents: `import { TEST_SPEED, programWithSessions, runNext } from './test/support/program-states.ts';
        import { dayStart } from './src/program/program-schedule.ts';
        import { newProgram, withTestSpeed } from './src/program/program-state.ts';
        export const states = (now) => ({
          sessions: programWithSessions(dayStart(now) - 8 * ${DAY_MS} + 7 * 3600000, 3),
          testDue: withTestSpeed(newProgram(now - ${DAY_MS}), TEST_SPEED),
          // Session 3 done without its two taps (stopped, then reloaded): the taps are asked for.
          taps: runNext(programWithSessions(dayStart(now) - 8 * ${DAY_MS} + 7 * 3600000, 2), now - ${DAY_MS}, 171),
          // The end-of-block test held at 185 against 172: the next step is capped at 180, and said so, with the tests starting now leaves out.
          nextBlock: runNext(programWithSessions(dayStart(now) - 40 * ${DAY_MS} + 7 * 3600000, 8), now - 23 * ${DAY_MS}, 185),
          // Faded, then a new baseline of 170: each percent's target from that baseline alone.
          chooser: [[-43, 165], [-36, 165], [-15, 165], [-1, 170]].reduce(
            (s, [d, c]) => runNext(s, now + d * ${DAY_MS}, c), programWithSessions(dayStart(now) - 60 * ${DAY_MS} + 7 * 3600000, 8)),
        });`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'error',
  });
  const { states } = await import(script);
  return states(Date.now());
}

/** Puts `value` under `key` in the app's own store ('stride', 'kv'), as the app's store layer does. */
const storeValue = (page, key, value) =>
  page.evaluate(
    (k, v) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('stride');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put(v, k);
          tx.oncomplete = () => resolve(undefined);
          tx.onerror = () => reject(tx.error);
        };
      }),
    key,
    value,
  );

/** Finds an element through every shadow root, as a runner's eye does. */
const deepQuery = (selector) => {
  const visit = (node) => {
    const hit = node.querySelector(selector);
    if (hit) return hit;
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const inner = visit(el.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  return visit(document);
};

async function deep(page, selector, timeout = 10_000) {
  const handle = await page.waitForFunction(deepQuery, { timeout, polling: 100 }, selector);
  return handle.asElement();
}

async function click(page, selector) {
  // A page that is still settling may draw the element again between finding and clicking it.
  for (let attempt = 1; ; attempt++) {
    try {
      const element = await deep(page, selector);
      await element.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await element.click();
      return;
    } catch (error) {
      if (attempt === 3 || !String(error).includes('detached')) throw error;
      await settle(300);
    }
  }
}

const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));

/** Moves within the app as its links do: a reload would end the run being recorded. */
const go = (page, pathname) =>
  page.evaluate((p) => window.dispatchEvent(new CustomEvent('vaadin-router-go', { detail: { pathname: p } })), pathname);

const work = await mkdtemp(join(tmpdir(), 'stridewise-shots-'));
const dist = join(work, 'dist');
await buildApp({ dir: dist });
const server = serve(0, dist, () => undefined);
await new Promise((r) => server.once('listening', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
await mkdir(outDir, { recursive: true });
const errors = [];
try {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setViewport({ width: 1280, height: 800 });

  // Seed: three watch runs through Settings' import, then a short simulated run.
  await page.goto(`${origin}/settings`);
  const input = await deep(page, 'input#import');
  await input.uploadFile(...(await watchFiles(work)));
  await settle(3000);
  await page.goto(`${origin}/`);
  await click(page, '#simulate');
  await settle(1500);
  await click(page, '#start');
  await settle(15_000);

  const shots = [];
  const shoot = async (name, theme, width) => {
    if (onlyScreens && !onlyScreens.includes(name)) return;
    await settle();
    // A live chart below the fold skips its draws until it is seen: scroll through the page as a
    // runner would (two frames at the bottom for its observer and catch-up draw), then back.
    await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const top = window.scrollY;
      window.scrollTo(0, document.documentElement.scrollHeight);
      await frame();
      await frame();
      window.scrollTo(0, top);
      await frame();
    });
    const file = join(outDir, `${name}-${width}-${theme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    shots.push(file);
  };
  const views = themes.flatMap((theme) => widths.map((width) => ({ theme, width })));
  // While recording: the live page and the treadmill screen.
  for (const { theme, width } of views) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    await page.setViewport({ width, height: heights[width] ?? 844 });
    await go(page, '/');
    await shoot('live', theme, width);
    await go(page, '/history');
    await shoot('history-recording', theme, width);
    await go(page, '/treadmill');
    await shoot('treadmill', theme, width);
  }
  await go(page, '/');
  await click(page, '#stop');
  for (const { theme, width } of views) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    await page.setViewport({ width, height: heights[width] ?? 844 });
    // The finish card shows on the page the run ended on; going away and back may hide it.
    if (views[0].theme !== theme || views[0].width !== width) await page.evaluate(() => window.scrollTo(0, 0));
    await shoot('finish', theme, width);
  }
  for (const { theme, width } of views) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    await page.setViewport({ width, height: heights[width] ?? 844 });
    await go(page, '/history');
    await shoot('history', theme, width);
    // Runs picked for a zip: the export bar and two ticked runs, at the top of the page.
    if (!onlyScreens || onlyScreens.includes('history-select')) {
      await click(page, '#select-runs');
      await click(page, 'tbody tr:nth-child(1) input.choose');
      await click(page, 'tbody tr:nth-child(2) input.choose');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot('history-select', theme, width);
      // The zip written: the status says what went in, the bar keeps the focus.
      await click(page, '#export-fit-zip');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot('history-exported', theme, width);
      await click(page, '#cancel');
    }
    const firstRun = await page.evaluate(() => {
      const find = (node) => node.querySelector('a[href^="/history/"]') ?? [...node.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
      return find(document)?.getAttribute('href');
    });
    // The run just recorded (the simulated pod sends power) beside the first watch run.
    const twoRuns = await page.evaluate(() => {
      const find = (node) => [...node.querySelectorAll('a[href^="/history/"]'), ...[...node.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? find(e.shadowRoot) : []))];
      return [...new Set(find(document).map((a) => a.getAttribute('href')))].slice(0, 2).map((href) => href.split('/')[2]);
    });
    if (firstRun) {
      await go(page, firstRun);
      await shoot('run', theme, width);
    }
    if (twoRuns.length === 2 && (!onlyScreens || onlyScreens.includes('compare'))) {
      await go(page, `/compare/${twoRuns[0]}/${twoRuns[1]}`);
      await shoot('compare', theme, width);
    }
    await go(page, '/weeks');
    await shoot('weeks', theme, width);
    await go(page, '/settings');
    await shoot('settings', theme, width);
  }
  // The program (a reload reads it from the store): a baseline test under way (cadence hidden on
  // the treadmill and live pages), then stopped early (the page says why it did not count); the
  // Program page with a baseline and three sessions done, and session 4 under way on the treadmill.
  const programScreens = ['program', 'treadmill-test', 'live-test', 'program-reveal', 'treadmill-program', 'program-taps', 'program-next', 'program-chooser'];
  if (!onlyScreens || programScreens.some((name) => onlyScreens.includes(name))) {
    const programs = await programState(work);
    const startProgramRun = async () => {
      await page.goto(`${origin}/`);
      await click(page, '#simulate');
      await settle(1500);
      await go(page, '/program');
      await click(page, '#start');
      await deep(page, 'stride-treadmill-page');
      await settle(500);
      await click(page, '#start');
      await settle(8000);
    };
    const shootAll = async (name, path) => {
      for (const { theme, width } of views) {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
        await page.setViewport({ width, height: heights[width] ?? 844 });
        await go(page, path);
        await shoot(name, theme, width);
      }
    };
    await storeValue(page, 'program', programs.testDue);
    await startProgramRun();
    await shootAll('treadmill-test', '/treadmill');
    await shootAll('live-test', '/');
    await go(page, '/');
    await click(page, '#stop');
    await shootAll('program-reveal', '/program');
    // The program has measured the run and stored it: a write of it can no longer follow the next state.
    await deep(page, '#reveal');
    await settle(1000);
    await storeValue(page, 'program', programs.sessions);
    await page.goto(`${origin}/program`);
    await deep(page, 'stride-program-schedule');
    await shootAll('program', '/program');
    await startProgramRun();
    await shootAll('treadmill-program', '/treadmill');
    await go(page, '/');
    await click(page, '#stop');
    await settle(2000);
    for (const [name, state] of [['program-taps', programs.taps], ['program-next', programs.nextBlock], ['program-chooser', programs.chooser]]) {
      if (onlyScreens && !onlyScreens.includes(name)) continue;
      await storeValue(page, 'program', state);
      await page.goto(`${origin}/program`);
      await deep(page, 'stride-program-schedule');
      await shootAll(name, '/program');
    }
  }
  // Treadmill workouts: the Workouts page (library from the watch runs' easy pace), its editor, and
  // intervals started on the simulated treadmill: the first-time question, then the workout strip.
  const workoutScreens = ['workouts', 'workouts-editor', 'treadmill-confirm', 'treadmill-workout', 'run-workout'];
  if (!onlyScreens || workoutScreens.some((name) => onlyScreens.includes(name))) {
    const shootEach = async (name, path) => {
      for (const { theme, width } of views) {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
        await page.setViewport({ width, height: heights[width] ?? 844 });
        if (path) await go(page, path);
        await shoot(name, theme, width);
      }
    };
    await page.goto(`${origin}/`);
    await click(page, '#simulate');
    await settle(1500);
    // The sensors section's summary sits in its own shadow root: opened as a tap opens it.
    await (await deep(page, 'stride-sensors-section#sensors')).evaluate((el) => el.shadowRoot.querySelector('summary').click());
    await click(page, '#simulate-sensors');
    await settle(2000);
    // Recorded, so the run's page afterwards draws the planned pace against the belt and the pod.
    await click(page, '#start');
    await settle(1000);
    await go(page, '/workouts');
    await deep(page, 'stride-workout-list');
    await shootEach('workouts', '/workouts');
    await click(page, '#workout-library-intervals [data-action="copy"]');
    await deep(page, 'stride-workout-editor');
    await shootEach('workouts-editor', null);
    await go(page, '/workouts');
    await click(page, '#workout-library-intervals [data-action="start"]');
    await deep(page, 'stride-treadmill-page');
    await deep(page, 'stride-workout-strip');
    await shootEach('treadmill-confirm', null);
    await (await deep(page, 'stride-workout-strip')).evaluate((el) => el.shadowRoot.querySelector('#confirm').click());
    await settle(12_000);
    await shootEach('treadmill-workout', '/treadmill');
    await (await deep(page, 'stride-workout-strip')).evaluate((el) => el.shadowRoot.querySelector('#workout-stop').click());
    await settle(1000);
    await go(page, '/');
    await click(page, '#stop');
    await settle(3000);
    await go(page, '/history');
    const newest = await page.waitForFunction(() => {
      const find = (node) => node.querySelector('a[href^="/history/"]') ?? [...node.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
      return find(document)?.getAttribute('href');
    }, { timeout: 10_000 });
    await shootEach('run-workout', await newest.jsonValue());
  }
  console.log(`${shots.length} screenshots in ${outDir}`);
  if (errors.length) console.log(`console errors:\n  ${errors.join('\n  ')}`);
} finally {
  await browser.close();
  server.close();
  await rm(work, { recursive: true, force: true });
}
