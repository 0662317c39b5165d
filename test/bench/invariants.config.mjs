// `npm run bench -- invariants` (or `npx web-test-runner --config test/bench/invariants.config.mjs`):
// the invariants npm test checks over generated runs, each over INVARIANT_SCALE (10) times as many
// runs (test/support/invariant-runs.ts reads the scale the page sets here). The watch files'
// invariants have a bench of their own (`npm run bench -- watch-invariants`).
import config from '../../web-test-runner.config.mjs';

const SCALE = Number(process.env.INVARIANT_SCALE ?? 10);

export default {
  ...config,
  files: [
    'test/**/*.invariants.test.ts',
    'test/**/*.property.test.ts',
    'test/session/calibration-points.test.ts',
    'test/session/running-time-in-zone.test.ts',
    'test/coach/zone-cues.test.ts',
    // The byte-level properties of the Bluetooth codecs (a tenth of their runs in npm test).
    'test/ble/ftms-control-point.test.ts',
    'test/ble/ftms-ranges.test.ts',
    'test/ble/ftms-status.test.ts',
    'test/ble/ftms-treadmill-encode.test.ts',
    'test/ble/heart-rate-encode.test.ts',
    'test/ble/rsc-encode.test.ts',
    // The export cut's properties at ten times npm test's runs; the simulated footpod's program journey only here.
    'test/export/export-distance-cut.test.ts',
    // Issue 21's FIT round trips (run id, restored figures, the encode worker) at ten times npm test's runs.
    'test/export/fit-run-id.test.ts',
    'test/export/fit-restored-figures.test.ts',
    'test/export/encode-worker.test.ts',
    'test/pages/program-journey.test.ts',
  ],
  groups: [],
  concurrency: 1,
  testsFinishTimeout: 3_600_000,
  testFramework: { config: { timeout: 1_800_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head><meta charset="utf-8"></head>
  <body>
    <script>globalThis.stridewiseInvariantScale = ${SCALE};</script>
    <script type="module" src="/test/support/guard.js"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
