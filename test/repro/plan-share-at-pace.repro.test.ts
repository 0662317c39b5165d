// The plan says "N% of your running in the last three runs at <usual pace> was in <target>", and
// its own header says every judgement is made within one speed band, as cadence rises with speed.
// The share it computes counts the running at every pace, so a tempo block at a higher cadence
// (as cadence naturally is when running faster) keeps the plan at "hold" for ever.
import { expect } from '@open-wc/testing';
import { cadencePlan } from '../../src/coach/cadence-plan.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import { summaryOf } from '../../src/session/session-summary.js';
import type { CadenceZones } from '../../src/session/zones.js';
import { momentsOf, runOf } from '../support/generated-runs-with-walks.js';

const DAY = 24 * 3600 * 1000;
const now = new Date(2026, 5, 10, 12).getTime();
const zones: CadenceZones = { buildingFrom: 158, targetFrom: 168, targetTo: 178 };

/** 30 min easy at 3.2 m/s (5:13/km) and 172 steps/min, then 25 min tempo at 4.2 m/s and 186. */
function easyThenTempo(daysAgo: number) {
  const moments = momentsOf([
    { kind: 'run', seconds: 1800, cadence: 172, speedMps: 3.2 },
    { kind: 'run', seconds: 1500, cadence: 186, speedMps: 4.2 },
  ]);
  return summaryOf(runOf(moments, { startedAt: now - daysAgo * DAY, zones, id: `et-${daysAgo}` }).meta);
}

describe('the plan judges its share at the usual pace it names', () => {
  it('gives 100% at 5:33–4:46/km (every easy second at 172 in 168–178) and the next step, not 54% and hold', () => {
    const runs = [3, 2, 1].map(easyThenTempo);
    const plan = cadencePlan(runs, {
      zones,
      plan: { ...defaultPlanSettings, accepted: [{ targetFrom: 168, targetTo: 178, atMs: now - 30 * DAY }] },
      unit: 'km',
      now,
    });
    // The sentence names the pace band 3.0–3.5 m/s; at that pace all 90 min were in the target.
    expect(plan.reason).to.match(/at 5:33–4:46\/km/);
    expect(plan.kind, plan.reason).to.equal('step');
    expect('share' in plan ? plan.share : null, plan.reason).to.equal(1);
  });
});
