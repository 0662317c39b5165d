// The plan's baseline over generated runs and tapped counts: a count tapped along after the runs
// the plan judges is the baseline ("Use as my baseline" takes), an older one is not, with three
// runs at the usual pace or fewer.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { type CadencePlanOptions, RUNS_TO_JUDGE, cadencePlan } from '../../src/coach/cadence-plan.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { summary } from '../support/session-summaries.js';
import { invariantRuns } from '../support/invariant-runs.js';

const DAY = 24 * 3600 * 1000;
const now = new Date(2026, 11, 7, 6, 0).getTime();

describe('cadencePlan: the baseline', () => {
  it('is the tapped count when it came after the last run judged, else the runs\' cadence at the usual pace', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ daysAgo: fc.integer({ min: 0, max: 50 }), cadence: fc.integer({ min: 140, max: 185 }) }), { minLength: 0, maxLength: 6 }),
        fc.option(fc.record({ spm: fc.integer({ min: 60, max: 260 }), daysAgo: fc.integer({ min: 0, max: 55 }) }), { nil: null }),
        (shapes, tap) => {
          const runs = shapes.map((r, i) => summary(now - r.daysAgo * DAY - i, { id: `r${i}`, bands: [[6, 1800, r.cadence]] }));
          const plan = { ...defaultPlanSettings, tapped: tap ? { spm: tap.spm, atMs: now - tap.daysAgo * DAY } : null };
          const options: CadencePlanOptions = { zones: { ...defaultCadenceZones }, plan, unit: 'km', now };
          const outcome = cadencePlan(runs, options);
          const judged = [...runs].sort((a, b) => a.startedAt - b.startedAt).slice(-RUNS_TO_JUDGE);
          const lastRun = judged.length > 0 ? judged[judged.length - 1]!.startedAt : -Infinity;
          const byTap = plan.tapped !== null && plan.tapped.atMs > lastRun;
          if (byTap) {
            expect(outcome.planBaseline).to.deep.equal({ spm: tap!.spm, source: 'tap', atMs: plan.tapped!.atMs });
          } else if (judged.length >= RUNS_TO_JUDGE) {
            const mean = judged.reduce((sum, r) => sum + r.cadenceBySpeedBand[6]!.cadenceSeconds, 0) / (1800 * judged.length);
            expect(outcome.planBaseline!.source).to.equal('runs');
            expect(outcome.planBaseline!.spm).to.be.closeTo(mean, 1e-9);
          } else {
            // Too few runs, and any tap older than them: nothing to start a plan from yet.
            expect(outcome.planBaseline).to.equal(null);
            expect(outcome.kind).to.equal('need-more-runs');
          }
          if (outcome.kind !== 'regressed' && 'baseline' in outcome) expect(outcome.baseline).to.equal(outcome.planBaseline!.spm);
        },
      ),
      { numRuns: invariantRuns(200) },
    );
  });

  it('does not start from a January tap of 150 when two March runs measured 176, inside 170-180', () => {
    const day = (m: number, d: number, h = 7) => new Date(2026, m - 1, d, h).getTime();
    const runs = [summary(day(3, 10), { bands: [[6, 1800, 176]] }), summary(day(3, 20), { bands: [[6, 1800, 176]] })];
    const tapped = { spm: 150, atMs: day(1, 5) };
    const outcome = cadencePlan(runs, { zones: { ...defaultCadenceZones }, plan: { ...defaultPlanSettings, tapped }, unit: 'km', now: day(4, 1, 12) });
    // Not "You tapped 150 steps/min, far below 170–180. Start with 150–160": one more run decides.
    expect(outcome.kind, outcome.reason).to.equal('need-more-runs');
    expect(outcome.reason).not.to.contain('tapped');
    // Tapped after those runs, the same count is where the runner is now.
    const since = cadencePlan(runs, { zones: { ...defaultCadenceZones }, plan: { ...defaultPlanSettings, tapped: { spm: 150, atMs: day(3, 25) } }, unit: 'km', now: day(4, 1, 12) });
    expect(since.kind).to.equal('step');
  });
});
