// Draws the PNG icons the web app manifest needs from public/icon.svg, in headless Chromium (the
// browser that renders the SVG favicon, so the PNGs look the same). Run once after changing the
// icon and commit the PNGs: node test/tools/make-icons.mjs
//   icon-192.png, icon-512.png        the icon as drawn (rounded square), purpose "any"
//   maskable-192.png, maskable-512.png full-bleed background, the line inside the central 80 %
//                                      circle every launcher mask keeps, purpose "maskable"
//   apple-touch-icon.png (180)         full-bleed too: iOS rounds the corners itself
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const svg = await readFile(`${root}public/icon.svg`, 'utf8');
const background = svg.match(/<rect[^>]*fill="([^"]+)"/)?.[1];
const line = svg.match(/<path[^>]*\/>/)?.[0];
if (!background || !line) throw new Error('public/icon.svg no longer has the rect and path this script expects');

// The line spans x 6-26, y 10-22 of the 32-unit box; scaled by 0.8 about the centre it stays
// inside the 80 % safe circle (radius 12.8) with room to spare.
const fullBleed = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/><g transform="translate(16 16) scale(0.8) translate(-16 -16)">${line}</g></svg>`;

const icons = [
  { file: 'icon-192.png', size: 192, svg },
  { file: 'icon-512.png', size: 512, svg },
  { file: 'maskable-192.png', size: 192, svg: fullBleed },
  { file: 'maskable-512.png', size: 512, svg: fullBleed },
  { file: 'apple-touch-icon.png', size: 180, svg: fullBleed },
];

const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
try {
  const page = await browser.newPage();
  for (const icon of icons) {
    await page.setViewport({ width: icon.size, height: icon.size, deviceScaleFactor: 1 });
    const markup = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${markup}`);
    await page.screenshot({ path: `${root}public/icons/${icon.file}`, omitBackground: true });
    console.log(`public/icons/${icon.file}`);
  }
} finally {
  await browser.close();
}
