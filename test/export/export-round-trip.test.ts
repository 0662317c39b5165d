// Invariant: the session page, our exports and their re-imports agree: laps, splits, moving time,
// distance, time in zones, sport, heart rate (the property: test/export/watch-invariants.ts; the
// bench runs many more).

import fc from 'fast-check';
import type { WatchFileVariant, WatchRecording, WatchRunSpec } from '../support/generated-watch-runs.js';
import { pageExportsAndReimportsAgree } from './watch-invariants.js';

// fast-check draws longer runs as it goes: runs 21-40 cost npm test four times what the first 20 do (about 23 s
// against 6); the long ones are the fixed shapes here and `npm run bench -- watch-invariants`, 1,000 runs each.
const RUNS = 20;

/** Shapes of watch file the reviewer's bugs needed, always run whatever the seed finds (each one the shrunk case a mutation gave). */
const easy = { lengthS: 5, speedMps: 2, cadence: 150, heartRate: 110, walking: false, pauseAfterS: 0 };
const steady = { ...easy, lengthS: 55, heartRate: 117, pauseAfterS: 2 };
const walked = { ...easy, lengthS: 50, speedMps: 0.9, cadence: 95, heartRate: 90, walking: true, pauseAfterS: 2 };
const SHAPES: [WatchRunSpec, WatchRecording, WatchFileVariant][] = [
  // A lap pressed during a pause (lost through TCX when no lap held the step across it).
  [{ spells: [{ ...easy, pauseAfterS: 4, lapInPause: true }, { ...walked, lengthS: 5, pauseAfterS: 0 }, walked], seed: 1 }, 'every-second', {}],
  // A lost footpod (TCX gave its minutes to the last cadence), a session per stretch, records
  // after the final stop, the last record before the stop, a walk.
  [{ spells: [easy, steady], seed: 1 }, 'every-second', { lostLinkSpell: 0 }],
  [{ spells: [{ ...easy, pauseAfterS: 2 }, easy, { ...steady, lengthS: 50 }], seed: 1 }, 'every-second', { sessionPerStretch: true }],
  [{ spells: [easy, steady], seed: 1 }, 'smart', { afterStopS: 10 }],
  [{ spells: [easy, steady], seed: 1 }, 'smart', { recordsEndEarlyS: 4 }],
  [{ spells: [{ ...walked, lengthS: 5, pauseAfterS: 0 }, steady], seed: 1 }, 'every-second', { walk: true }],
  // A warm-up walk saved as its own session, then the run: a run (the first session's sport was taken).
  [{ spells: [walked, steady, { ...steady, lengthS: 100, pauseAfterS: 0 }], seed: 1 }, 'every-second', { sessionPerStretch: true }],
  // A slow jog the watch called running (136 steps/min, 2.0 m/s): walking through our TCX, once.
  [{ spells: [{ ...easy, lengthS: 120, cadence: 136 }, steady], seed: 1 }, 'every-second', {}],
  // A 2 min hole the counter ran through, in a file without timer events: records missing, kept so through our FIT.
  [{ spells: [easy, { ...steady, lengthS: 120, pauseAfterS: 0 }, steady], seed: 1 }, 'every-second', { lostLinkSpell: 1, noTimerEvents: true }],
  // Two auto-laps (1.2 km), so the TCX is trimmed of each in turn: the carried totals once won.
  [{ spells: [{ ...steady, lengthS: 400, speedMps: 3, pauseAfterS: 0 }, easy], seed: 1 }, 'smart', {}],
];

describe('invariant: the session page, our FIT and TCX of it, and their re-imports agree', function () {
  // Each run is written and read three times with Garmin's SDK and the XML parser.
  this.timeout(60_000);

  it(`laps, splits, moving time and distance come back from FIT and TCX (${RUNS} runs)`, () => {
    fc.assert(pageExportsAndReimportsAgree, { numRuns: RUNS, seed: 0xf17, examples: SHAPES });
  });
});
