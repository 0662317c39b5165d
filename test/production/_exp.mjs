import puppeteer from 'puppeteer-core';
import { writeFile } from 'node:fs/promises';
import { serve } from '../../build.mjs';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';
const port = 8731, origin = `http://127.0.0.1:${port}`;
await new Promise((r) => serve(port, '/work/wt/launch/dist', r));
await writeFile('/tmp/launch-x/broken.fit', 'hello this is not fit');
const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, pipe: true });
try {
  const page = await browser.newPage();
  await page.goto(origin + '/', { waitUntil: 'networkidle0' });
  const cdp = await browser.target().createCDPSession();
  const manifestId = origin + '/';
  try { console.log('install', await cdp.send('PWA.install', { manifestId, installUrlOrBundleUrl: origin + '/' })); } catch (e) { console.log('install error', e.message); }
  try { console.log('state', JSON.stringify(await cdp.send('PWA.getOsAppState', { manifestId }))); } catch (e) { console.log('state error', e.message); }
  try { console.log('launch', await cdp.send('PWA.launchFilesInApp', { manifestId, files: ['/tmp/launch-x/broken.fit'] })); } catch (e) { console.log('launch error', e.message); }
  await new Promise(r=>setTimeout(r,4000));
  for (const p of await browser.pages()) console.log(p.url(), await p.evaluate(() => document.querySelector('stride-app')?.services?.data.notice ?? null).catch(e=>e.message));
  console.log(browser.targets().map(t=>t.type()+' '+t.url()));
} finally { await browser.close(); process.exit(0); }
