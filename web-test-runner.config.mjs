// Every test runs in the system's headless Chromium (never a downloaded browser), with the
// experimental web platform features that Web Bluetooth needs on Linux.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { bluetoothEmulationPlugin } from './test/support/bluetooth-emulation-plugin.mjs';
import { timezonePlugin } from './test/support/timezone-plugin.mjs';
import { batchedTestFiles } from './test/tools/batched-test-files.mjs';

export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(
    `\nChromium was not found at ${chromiumPath}.\n` +
      'Install it (Debian/Ubuntu): sudo apt-get install -y chromium\n' +
      'or point CHROME_PATH at an installed Chromium or Chrome.\n',
  );
  process.exit(1);
}

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-experimental-web-platform-features',
];

const chromium = ({ args = chromiumArgs, launchOptions = {}, ...options } = {}) =>
  chromeLauncher({ launchOptions: { executablePath: chromiumPath, headless: true, args, ...launchOptions }, ...options });

// Most of a short test file's cost was Chromium starting a renderer process for it: the runner
// sends a finished file's tab to about:blank, another site, so the next file's page needed a new
// process, with nothing of the last one's compiled code. A blank page of the test server's own
// keeps the process, and the next file's modules compile from its caches (about a third of a
// second of CPU saved a file, ~350 files). The page is still unloaded, its timers stopped; with
// the back/forward cache off it is also destroyed (it was kept frozen before, database
// connections open), so no finished file lingers beside the next one. Not for the foreground
// group, whose Bluetooth rig ends on the about:blank navigation.
const betweenFiles = '/test/tools/between-test-files.html';
async function pageThatKeepsItsProcess({ context }) {
  const page = await context.newPage();
  const goto = page.goto.bind(page);
  page.goto = (url, options) =>
    url === 'about:blank' && page.url().startsWith('http') ? goto(new URL(betweenFiles, page.url()).href, options) : goto(url, options);
  return page;
}

const { batches, leftOut } = batchedTestFiles(fileURLToPath(new URL('.', import.meta.url)));

export default {
  // The batches (test/tools/batched-test-files.mjs) first: each is one long page, best not left for last.
  files: [...batches, 'test/**/*.test.ts', ...leftOut, '!test/**/*.bluetooth.test.ts', '!test/**/*.foreground.test.ts'],
  // Files that need the only tab in front get a browser of their own and run one at a time: the
  // emulated Bluetooth adapter is browser-wide and Chrome opens the device chooser only for the
  // tab in front; a background tab draws no frames, which rendering tests wait for.
  groups: [
    {
      name: 'foreground',
      // `web-test-runner --group foreground` takes no file arguments: FOREGROUND=a.test.ts,b.test.ts picks files.
      files: process.env.FOREGROUND?.split(',') ?? ['test/**/*.bluetooth.test.ts', 'test/**/*.foreground.test.ts'],
      browsers: [chromium({ concurrency: 1 })],
    },
  ],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  testsFinishTimeout: 300_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), bluetoothEmulationPlugin(), timezonePlugin()],
  browsers: [
    chromium({
      createPage: pageThatKeepsItsProcess,
      args: [...chromiumArgs, '--disable-features=BackForwardCache'],
      // Nothing here reads puppeteer's request events, and reporting each module fetch of every
      // test page over the DevTools protocol cost ~0.1 s of CPU a file.
      launchOptions: { networkEnabled: false, issuesEnabled: false },
    }),
  ],
  // Uncaught errors and unhandled rejections fail the test that caused them (test/support/guard.js).
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head><meta charset="utf-8"></head>
  <body>
    <script type="module" src="/test/support/guard.js"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
