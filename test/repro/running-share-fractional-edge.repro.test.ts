// Running seconds by cadence are kept under a "key" (171.3 and 171.8 both under 171.5). With a zone
// edge that is not a whole number (the settings take 170.5 typed in the box; checkCadenceZones
// accepts it) and cadences that are not whole (a FIT file's fractional cadence: 170.25 steps/min
// is 85 rpm + 32/128), the key lands on the other side of the edge from the cadence itself.
import { expect } from '@open-wc/testing';
import { cadencePlan } from '../../src/coach/cadence-plan.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import { runningTargetShare } from '../../src/session/running-time-in-zone.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { weeklyTrends } from '../../src/session/weekly-trends.js';
import type { CadenceZones } from '../../src/session/zones.js';
import { momentsOf, runOf } from '../support/generated-runs-with-walks.js';

const DAY = 24 * 3600 * 1000;
const now = new Date(2026, 5, 10, 12).getTime();
// The runner typed 170.5 as the start of the target zone.
const zones: CadenceZones = { buildingFrom: 160, targetFrom: 170.5, targetTo: 180 };

function run(daysAgo: number, cadence: number) {
  const moments = momentsOf([{ kind: 'run', seconds: 1200, cadence, speedMps: 3.2 }]);
  return summaryOf(runOf(moments, { startedAt: now - daysAgo * DAY, zones, id: `r-${daysAgo}` }).meta);
}

describe('running share with a zone edge between whole steps', () => {
  it('counts 20 min at 170.25 steps/min as below a target that starts at 170.5 (0 % in target), as the run’s own zone times do', () => {
    const runs = [0.3, 0.2, 0.1].map((d) => run(d, 170.25));
    // The run's own time in zone (zoneFor on each sample) has it right: all building.
    expect(runs[0]!.zoneTimes.target).to.equal(0);
    // The plan and the Weeks page must agree with it: 170.25 < 170.5 is not in target.
    const share = runningTargetShare(runs, zones);
    expect(share.share, 'plan/weeks share in target').to.equal(0);
    const [week] = weeklyTrends(runs, { weeks: 1, now, zones });
    expect(week!.targetShare, 'Weeks share in target').to.equal(0);
    const plan = cadencePlan(runs, { zones, plan: { ...defaultPlanSettings, accepted: [{ ...zones, atMs: 0 }] } as never, unit: 'km', now });
    expect(plan.kind === 'hold' || plan.kind === 'regressed', `plan: ${plan.kind}: ${plan.reason}`).to.equal(true);
  });

  it('counts 20 min at 180.75 steps/min as above a target that ends at 180.5 (0 % in target)', () => {
    const edge: CadenceZones = { buildingFrom: 160, targetFrom: 170, targetTo: 180.5 };
    const moments = momentsOf([{ kind: 'run', seconds: 1200, cadence: 180.75, speedMps: 3.2 }]);
    const s = summaryOf(runOf(moments, { startedAt: now, zones: edge, id: 'hi' }).meta);
    // 180.75 > 180.5: high, as the run's own zone times say; the key 180.5 puts it in target.
    expect(s.zoneTimes.target).to.equal(0);
    expect(runningTargetShare([s], edge).share).to.equal(0);
  });
});
