// npm test runs this folder's test files in one page, through this module (test/tools/batched-test-files.mjs
// says why); each one still runs alone with web-test-runner. Every test file here is listed, or the
// test run stops and names the one missing.
import './battery-level.test.js';
import './cycling-power.property.test.js';
import './cycling-power.test.js';
import './ftms-control-point.test.js';
import './ftms-heart-rate.property.test.js';
import './ftms-ranges.test.js';
import './ftms-status.test.js';
import './ftms-treadmill-encode.test.js';
import './ftms-treadmill.test.js';
import './heart-rate-encode.test.js';
import './heart-rate.test.js';
import './rsc-encode.test.js';
import './rsc.property.test.js';
import './rsc.test.js';
import './sc-control-point.test.js';
