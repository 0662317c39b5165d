// `npm run bench -- soak` and `npm run bench -- random-bytes`: the long versions of the soak and
// random-bytes tests, in the test runner (its Bluetooth emulation plugin drives Chromium's own
// stack), in a browser that can collect garbage on request and measure its heap precisely.
// BENCH picks the file; SOAK_HOURS / RANDOM_BYTES_S set the length.
import { chromeLauncher } from '@web/test-runner-chrome';
import base, { chromiumArgs, chromiumPath } from '../../web-test-runner.config.mjs';

const which = process.env.BENCH === 'random-bytes' ? 'random-bytes' : 'soak';
const params = {
  soakHours: Number(process.env.SOAK_HOURS ?? 1),
  randomBytesS: Number(process.env.RANDOM_BYTES_S ?? 120),
};

export default {
  ...base,
  files: [`test/bench/${which}-bench.ts`],
  groups: [],
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
      },
    }),
  ],
  testFramework: { config: { timeout: 3_600_000 } },
  testsFinishTimeout: 3_600_000,
  testRunnerHtml: (testFramework) =>
    base.testRunnerHtml(testFramework).replace('<head>', `<head><script>window.benchParams = ${JSON.stringify(params)};</script>`),
};
