// npm test runs this folder's test files in one page, through this module (test/tools/batched-test-files.mjs
// says why); each one still runs alone with web-test-runner. Every test file here is listed, or the
// test run stops and names the one missing.
import './active-time.test.js';
import './cadence-plan.baseline.test.js';
import './cadence-plan.test.js';
import './cadence-plan.usual-pace.test.js';
import './check-ins.test.js';
import './coach-rules.test.js';
import './metronome-rate.test.js';
import './metronome-timing.test.js';
import './running-cadence.test.js';
import './tap-cadence.test.js';
import './technique-prompts.test.js';
import './zone-cues.test.js';
