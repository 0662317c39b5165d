// The Weeks table and the plan beside it show the same share of running in target in two ways:
// the table rounds (formatShare, Math.round), the plan floors. Three runs of one week, 59.6% of
// their running in 170–180: the table reads 60%, the plan "59% … the next step comes at 60%".
import { expect } from '@open-wc/testing';
import { cadencePlan } from '../../src/coach/cadence-plan.js';
import { formatShare } from '../../src/components/session-format.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { weeklyTrends } from '../../src/session/weekly-trends.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { momentsOf, runOf } from '../support/generated-runs-with-walks.js';

const HOUR = 3600 * 1000;
// A Thursday noon: the three runs below are Tuesday to Thursday of one week.
const now = new Date(2026, 5, 11, 12).getTime();

function run(hoursAgo: number) {
  // 1000 s of running: 596 s at 175 (in 170–180), 404 s at 166.
  const moments = momentsOf([
    { kind: 'run', seconds: 597, cadence: 175, speedMps: 3.2 },
    { kind: 'run', seconds: 404, cadence: 166, speedMps: 3.2 },
  ]);
  return summaryOf(runOf(moments, { startedAt: now - hoursAgo * HOUR, zones: defaultCadenceZones, id: `r${hoursAgo}` }).meta);
}

describe('one share, one number', () => {
  it('shows the week’s share and the plan’s share of the same three runs as the same whole percent', () => {
    const runs = [50, 26, 2].map(run);
    const [week] = weeklyTrends(runs, { weeks: 1, now, zones: defaultCadenceZones });
    const plan = cadencePlan(runs, {
      zones: defaultCadenceZones,
      plan: { ...defaultPlanSettings, accepted: [{ targetFrom: 170, targetTo: 180, atMs: now - 30 * 24 * HOUR }] },
      unit: 'km',
      now,
    });
    expect(week!.sessions).to.equal(3);
    expect(week!.targetShare!).to.be.closeTo(0.596, 0.001);
    const weeksText = formatShare(week!.targetShare!);
    const planText = /^(\d+)%/.exec(plan.reason)?.[1];
    expect(`${planText}%`, `Weeks table ${weeksText}; plan: ${plan.reason}`).to.equal(weeksText);
  });
});
