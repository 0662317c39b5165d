// Invariant: the session page, our exports and their re-imports agree: laps, splits, moving time,
// distance (the property: test/export/watch-invariants.ts; the bench runs many more).

import fc from 'fast-check';
import { pageExportsAndReimportsAgree } from './watch-invariants.js';

const RUNS = 40;

describe('invariant: the session page, our FIT and TCX of it, and their re-imports agree', function () {
  // Each run is written and read three times with Garmin's SDK and the XML parser.
  this.timeout(60_000);

  it(`laps, splits, moving time and distance come back from FIT and TCX (${RUNS} runs)`, () => {
    fc.assert(pageExportsAndReimportsAgree, { numRuns: RUNS, seed: 0xf17 });
  });
});
