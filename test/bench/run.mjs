// `npm run bench`: first-load size of the production build, then timings measured in headless
// Chromium. Each browser figure is the median of several runs; machines are shared and noisy.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { buildApp, firstLoadFiles } from '../../build.mjs';
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

async function browserBenchmarks() {
  const bundle = await esbuild.build({
    entryPoints: [join(root, 'test/bench/browser-benchmarks.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    conditions: ['production'],
  });
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, '--window-size=1280,900'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text, type: 'module' });
    await page.waitForFunction(() => 'stridewiseBench' in window);
    const results = await page.evaluate(() => window.stridewiseBench());
    if (errors.length) throw errors[0];
    for (const line of results) console.log(line);
  } finally {
    await browser.close();
  }
}

await firstLoadSize();
await browserBenchmarks();
