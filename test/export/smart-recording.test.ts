// Invariant: the same run recorded every second and with smart recording imports alike, through
// FIT and TCX (the properties: test/export/watch-invariants.ts; the bench runs many more).

import fc from 'fast-check';
import type { WatchRunSpec } from '../support/generated-watch-runs.js';
import { smartRecordingAgreesInFit, smartRecordingAgreesInTcx } from './watch-invariants.js';

// fast-check draws longer runs as it goes: runs 21-40 cost npm test four times what the first 20 do (about 23 s
// against 6); the long ones are the fixed shapes here and `npm run bench -- watch-invariants`, 1,000 runs each.
const RUNS = 20;

/**
 * Found by the bench: walking, then running recorded 2 s after the last walking record. The 2 s
 * step is one second of each (the record shows only the second before it), not two of running.
 */
const WALK_THEN_A_TWO_SECOND_STEP: WatchRunSpec = {
  spells: [
    { lengthS: 84, speedMps: 0.9, cadence: 95, heartRate: 90, walking: true, pauseAfterS: 0 },
    { lengthS: 5, speedMps: 2, cadence: 150, heartRate: 110, walking: false, pauseAfterS: 0 },
    { lengthS: 5, speedMps: 0.9, cadence: 95, heartRate: 90, walking: true, pauseAfterS: 2 },
    { lengthS: 5, speedMps: 2, cadence: 150, heartRate: 110, walking: false, pauseAfterS: 0 },
  ],
  seed: 1899709013,
};

/**
 * The shape in a file without timer events: a stretch whose cadence changes every second
 * (smart recording writes each), then a steady one it writes every 1-60 s. Few long steps among
 * many short ones were records missing.
 */
const CHANGING_THEN_STEADY: WatchRunSpec = {
  spells: [
    { lengthS: 300, speedMps: 3.2, cadence: 181, heartRate: 150, walking: false, pauseAfterS: 0, varies: true },
    { lengthS: 300, speedMps: 2.9, cadence: 166, heartRate: 140, walking: false, pauseAfterS: 0 },
  ],
  seed: 7,
};

describe('invariant: every second and smart recording of one run import alike', function () {
  // Each run is written and read twice with Garmin's SDK (about 0.1 s): seconds, not the default 2.
  this.timeout(60_000);

  it(`FIT: moving time, distance, cadence and time-weighted heart rate, speed, stride agree (${RUNS} runs)`, () => {
    fc.assert(smartRecordingAgreesInFit, { numRuns: RUNS, seed: 0x5a7, examples: [[WALK_THEN_A_TWO_SECOND_STEP, false, false], [CHANGING_THEN_STEADY, false, true]] });
  });

  it(`TCX: moving time, distance, cadence and time-weighted heart rate, speed, stride agree (${RUNS} runs)`, () => {
    fc.assert(smartRecordingAgreesInTcx, { numRuns: RUNS, seed: 0x7c5, examples: [[WALK_THEN_A_TWO_SECOND_STEP]] });
  });
});
