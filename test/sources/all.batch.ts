// npm test runs this folder's test files in one page, through this module (test/tools/batched-test-files.mjs
// says why); each one still runs alone with web-test-runner. Every test file here is listed, or the
// test run stops and names the one missing.
import './footpod-control-point.test.js';
import './run-profile.test.js';
import './simulated-belt.test.js';
import './simulated-footpod.test.js';
import './simulated-learner.test.js';
import './simulated-sensors.test.js';
import './treadmill-capabilities.test.js';
import './treadmill-control-answers.test.js';
import './treadmill-control-silent.test.js';
import './treadmill-control-stop.test.js';
import './treadmill-control.test.js';
import './web-bluetooth-gatt.test.js';
import './web-bluetooth-messages.test.js';
import './web-bluetooth-remembered.test.js';
import './web-bluetooth-treadmill-control.test.js';
