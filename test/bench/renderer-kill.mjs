// `npm run bench -- renderer-kill`: how many recorded samples a killed renderer loses, against a
// clean stop. Each kill records a simulated run on the production build for a few seconds (a
// random fraction of a second more each time, so the kill lands anywhere between two writes),
// kills the tab's renderer process with SIGKILL (no unload, no pagehide), reopens the app and
// reads what IndexedDB kept. Samples are one a second, so one sample lost is one second lost.
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';
import { startProductionServer } from '../production/production-server.mjs';
import { killRenderer, openWatched, sleep, storedMeta, waitForDeep } from '../production/browser-helpers.mjs';

const KILLS = 5;

/** Opens the live page, starts the simulated footpod and a recording; resolves with the page. */
async function recording(browser, origin) {
  const { page } = await openWatched(browser, `${origin}/`);
  await waitForDeep(page, '>>> #simulate');
  await page.click('>>> #simulate');
  await waitForDeep(page, '>>> stride-recording-controls >>> #start:not([disabled])');
  await page.click('>>> stride-recording-controls >>> #start');
  return page;
}

const recorded = (page) =>
  page.evaluate(() => {
    const recorder = document.querySelector('stride-app').services.recording.recorder;
    return { id: recorder.id, samples: recorder.sampleCount };
  });

export async function rendererKillLoss() {
  const server = await startProductionServer();
  // One browser per kill, so the only renderers it has are the run's tab (and its service worker).
  const launch = () => puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, userDataDir });
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const userDataDir = await mkdtemp(join(tmpdir(), 'stridewise-kill-'));
  const lost = [];
  try {
    for (let i = 0; i < KILLS; i++) {
      const browser = await launch();
      let before;
      try {
        const page = await recording(browser, server.origin);
        await sleep(3000 + Math.random() * 1000);
        before = await recorded(page);
        await killRenderer(browser, page);
      } finally {
        await browser.close();
      }
      // The profile (and its IndexedDB) is kept; a new browser stands for the runner reopening the app.
      const reopened = await launch();
      try {
        const { page } = await openWatched(reopened, `${server.origin}/`);
        await waitForDeep(page, '>>> stride-recovery-prompt >>> #save-unfinished');
        const stored = await storedMeta(page, before.id);
        // A sample that arrived between the count and the kill is kept too: none lost, not "-1".
        lost.push(Math.max(0, before.samples - (stored?.sampleCount ?? 0)));
        // Kept as recovered, so the next kill's run is the only unfinished one.
        await page.click('>>> stride-recovery-prompt >>> #save-unfinished');
        await sleep(300);
      } finally {
        await reopened.close();
      }
    }
    const browser = await launch();
    let cleanLost;
    try {
      const page = await recording(browser, server.origin);
      await sleep(3000 + Math.random() * 1000);
      const saved = page.evaluate(
        () => new Promise((resolve) => document.querySelector('stride-app').services.recording.addEventListener('saved', resolve, { once: true })),
      );
      await page.click('>>> stride-recording-controls >>> #stop');
      await saved;
      const before = await recorded(page);
      cleanLost = before.samples - ((await storedMeta(page, before.id))?.sampleCount ?? 0);
    } finally {
      await browser.close();
    }
    return [
      `Renderer killed mid-run (SIGKILL, ${KILLS} kills, 1 sample a second):`,
      `  samples lost per kill ${lost.join(', ')}; max ${Math.max(...lost)} (target: at most 1)`,
      `  clean stop: ${cleanLost} lost`,
    ];
  } finally {
    server.stop();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await rendererKillLoss()) console.log(line);
