// `npx web-test-runner --config test/bench/runs-zip.config.mjs`: the zip of 100 one-hour runs from
// the browser's IndexedDB, as "Export all" writes it: time, the page's long tasks (and which are not
// the deflate), the heap's peak above what it held before, and the zip's size, for FIT and for TCX,
// written in the encode worker and on the page (ZIP_RUNS, ZIP_FORMATS change them).
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
  // The bench puts each long task down to the deflate or not with the JS Self-Profiling API, which a page gets only with this.
  middleware: [
    async (context, next) => {
      await next();
      context.set('Document-Policy', 'js-profiling');
    },
  ],
  // ZIP_RUNS=300 ZIP_FORMATS=tcx for another count or one format.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head><meta charset="utf-8"></head>
  <body>
    <script>globalThis.stridewiseZipRuns = ${Number(process.env.ZIP_RUNS ?? 100)}; globalThis.stridewiseZipFormats = ${JSON.stringify(process.env.ZIP_FORMATS ?? 'fit,tcx')};</script>
    <script type="module" src="/test/support/guard.js"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
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
