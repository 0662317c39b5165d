// npm test runs this folder's test files in one page, through this module (test/tools/batched-test-files.mjs
// says why); each one still runs alone with web-test-runner. Every test file here is listed, or the
// test run stops and names the one missing.
import './bandwidth-cues.property.test.js';
import './bandwidth-cues.session.test.js';
import './bandwidth-cues.test.js';
import './due-item.test.js';
import './effort-rule.test.js';
import './feedback-fading.test.js';
import './program-moment.test.js';
import './program-schedule.dst.test.js';
import './program-schedule.property.test.js';
import './program-schedule.test.js';
import './program-state-from.fields.test.js';
import './program-state-from.test.js';
import './program-state.test.js';
import './targets.test.js';
import './test-result.property.test.js';
import './test-result.test.js';
import './test-speed.test.js';
import './whole-program.test.js';
