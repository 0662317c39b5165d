// Invariant: the same run recorded every second and with smart recording imports alike, through
// FIT and TCX (the properties: test/export/watch-invariants.ts; the bench runs many more).

import fc from 'fast-check';
import { smartRecordingAgreesInFit, smartRecordingAgreesInTcx } from './watch-invariants.js';

const RUNS = 40;

describe('invariant: every second and smart recording of one run import alike', function () {
  // Each run is written and read twice with Garmin's SDK (about 0.1 s): seconds, not the default 2.
  this.timeout(60_000);

  it(`FIT: moving time, distance, cadence and time-weighted heart rate, speed, stride agree (${RUNS} runs)`, () => {
    fc.assert(smartRecordingAgreesInFit, { numRuns: RUNS, seed: 0x5a7 });
  });

  it(`TCX: moving time, distance, cadence and time-weighted heart rate, speed, stride agree (${RUNS} runs)`, () => {
    fc.assert(smartRecordingAgreesInTcx, { numRuns: RUNS, seed: 0x7c5 });
  });
});
