// Repro: with fewer than three runs at the usual pace, a tapped count wins however old it is.
// With three runs the plan takes the tap only when it came after them (byTap); with two, the
// need-more-runs branch uses plan.tapped whenever no step was accepted yet, even when the runner
// tapped months before the runs their pod recorded since. Here a runner tapped 150 steps/min in
// January (before they had a pod), then ran twice in March at 176 steps/min, inside 170-180; the
// plan tells them "You tapped 150 steps/min, far below 170–180. Start with 150–160…": a target
// 16–26 steps/min below the cadence just measured at their usual pace.
// Expected (independent): the tap is older than every run, so (by the plan's own rule for three
// runs) it is not where the runner is now; 176 is not far below 170-180, so no lower first step:
// the plan should ask for one more run (need-more-runs), not propose a target below 170.
import { expect } from '@open-wc/testing';
import { cadencePlan } from '../../src/coach/cadence-plan.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { summary } from '../support/session-summaries.js';

const day = (y: number, m: number, d: number, h = 7) => new Date(y, m - 1, d, h).getTime();

describe('repro: a tap older than the runs', () => {
  it('does not set a first step below what the runs measured', () => {
    const runs = [
      summary(day(2026, 3, 10), { bands: [[6, 1800, 176]] }),
      summary(day(2026, 3, 20), { bands: [[6, 1800, 176]] }),
    ];
    const plan = { ...defaultPlanSettings, tapped: { spm: 150, atMs: day(2026, 1, 5) } };
    const outcome = cadencePlan(runs, { zones: { ...defaultCadenceZones }, plan, unit: 'km', now: day(2026, 4, 1, 12) });
    const proposed = outcome.kind === 'step' ? `${outcome.to.targetFrom}–${outcome.to.targetTo}` : 'none';
    // Actual: kind 'step', tapped, to 150–160 ("You tapped 150 steps/min…"); expected need-more-runs.
    expect(outcome.kind, `${outcome.reason} (proposed ${proposed})`).to.equal('need-more-runs');
  });
});
