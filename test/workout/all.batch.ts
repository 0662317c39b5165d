// npm test runs this folder's test files in one page, through this module (test/tools/batched-test-files.mjs
// says why); each one still runs alone with web-test-runner. Every test file here is listed, or the
// test run stops and names the one missing.
import './belt-by-hand.test.js';
import './belt-limits.test.js';
import './early-send.test.js';
import './hold-pace.test.js';
import './treadmill-lag.test.js';
import './voice-cues.test.js';
import './workout-library.test.js';
import './workout-machine-ends.test.js';
import './workout-machine-rules.test.js';
import './workout-machine-voice.test.js';
import './workout-machine.property.test.js';
import './workout-machine.test.js';
import './workout-plan.test.js';
import './workout-position.test.js';
