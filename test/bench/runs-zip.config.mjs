// `npx web-test-runner --config test/bench/runs-zip.config.mjs`: the zip of 100 one-hour runs from
// the browser's IndexedDB, as "Export all" writes it: time, the page's longest task, the heap's
// peak above what it held before, and the zip's size, for FIT and for TCX.
import config from '../../web-test-runner.config.mjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';

export default {
  ...config,
  files: ['test/bench/runs-zip-bench.ts'],
  groups: [],
  concurrency: 1,
  testsFinishTimeout: 3_600_000,
  testFramework: { config: { timeout: 1_800_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
      },
    }),
  ],
};
