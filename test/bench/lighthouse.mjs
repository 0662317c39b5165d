// Lighthouse against `npm start` with its mobile defaults (simulated slow 4G and a 4x slower CPU),
// in the system Chromium, a fresh profile each run. Prints each run and the medians against the
// targets: performance 98, accessibility 100, best practices 100. Scores depend on the machine:
// Lighthouse's benchmark index for it is printed beside them.
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';
import { startProductionServer } from '../production/production-server.mjs';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS) || 5;
const targets = { performance: 98, accessibility: 100, 'best-practices': 100 };
const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function runOnce(origin) {
  // Lighthouse's own Chromium flags plus the ones this machine needs; it opens its own tab.
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs.filter((a) => !a.startsWith('--enable-experimental')), '--remote-debugging-port=0'],
  });
  try {
    const port = Number(new URL(browser.wsEndpoint()).port);
    const result = await lighthouse(`${origin}/`, { port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(targets) });
    if (!result) throw new Error('Lighthouse returned nothing');
    return result.lhr;
  } finally {
    await browser.close();
  }
}

export async function lighthouseScores() {
  const server = await startProductionServer();
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await runOnce(server.origin));
    console.log(`Lighthouse ${runs[0].lighthouseVersion} on / (npm start, mobile defaults, ${RUNS} runs):`);
    for (const lhr of runs) {
      const scores = Object.keys(targets).map((c) => `${c} ${Math.round(lhr.categories[c].score * 100)}`);
      const values = metrics.map((m) => `${m.replace(/-/g, ' ')} ${lhr.audits[m].displayValue}`);
      console.log(`  ${scores.join(', ')} | ${values.join(', ')} | benchmark index ${Math.round(lhr.environment.benchmarkIndex)}`);
    }
    for (const [category, target] of Object.entries(targets)) {
      const scores = runs.map((lhr) => Math.round(lhr.categories[category].score * 100));
      const m = median(scores);
      console.log(`  median ${category} ${m} (target ${target}: ${m >= target ? 'met' : 'NOT met'})`);
    }
    const failing = new Set();
    for (const lhr of runs) {
      for (const category of ['accessibility', 'best-practices']) {
        for (const ref of lhr.categories[category].auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.add(`${category}: ${audit.title}`);
        }
      }
    }
    for (const line of failing) console.log(`  failing ${line}`);
    console.log('');
  } finally {
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await lighthouseScores();
