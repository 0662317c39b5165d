// rev1: the effort rule compares effort only "at the same speed" (issue 18).
import { expect } from '@open-wc/testing';
import { effortSuggestion } from '../../../src/program/effort-rule.js';
import type { DoneSession } from '../../../src/program/program-types.js';

const DAY = 86_400_000;
const kmh = (v: number): number => v / 3.6;
const run = (n: number, effort: number, speedMps: number): DoneSession => ({
  n,
  sessionIds: [`run-${n}`],
  atMs: n * 2 * DAY,
  mainRunningS: 900,
  plannedMinutes: 15,
  cadenceSpm: 172,
  speedMps,
  metronomeShare: 1,
  answers: { effort, natural: 3 },
});

describe('rev1: effort rule and speed', () => {
  it('does not call a session 1 km/h faster on the belt "the same speed"', () => {
    // Why: the issue asks for a repeat when "effort at the same speed rises by more than 2"; the
    // program's own test counts a speed as the same only within ±3 %. Sessions at 10.0 km/h felt 4;
    // the runner then set the belt to 11.0 km/h (10 % faster) and felt 7. Running faster is harder
    // whatever the cadence, yet the app says "Effort rose from 4 to 7 at the same speed" and asks
    // the runner to repeat the session.
    expect(effortSuggestion([run(1, 4, kmh(10)), run(2, 4, kmh(10)), run(3, 7, kmh(11))])).to.equal(null);
  });
});
