// Repro: the weeks chart's plan line takes "the target in force at the week's end" as
// weekStart + 7 × 24 h − 1 ms. A week holding a clock change is 167 or 169 hours long, so in
// spring that moment is already 00:59 on the *next* Monday: a step accepted at 00:30 on Monday
// 30 March (Berlin) is drawn as in force during the week of 23 March, a week before it was taken.
// (In autumn the last hour of the week is cut off the other way.)
// Expected (independent): the week of Mon 23 Mar 2026 ends at Mon 30 Mar 00:00 local; a step taken
// at 00:30 on 30 Mar is not in force in it: plan line null there, 175 from the week of 30 Mar.
import { expect } from '@open-wc/testing';
import { weeksChartColumns } from '../../src/charts/weeks-chart-data.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import { weekStart, weeklyTrends } from '../../src/session/weekly-trends.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { setTimeZone } from '../support/time-zone.js';

describe('repro: plan line in the week of a clock change', () => {
  after(() => setTimeZone(null));

  it('does not draw a step in the week before it was accepted', async () => {
    await setTimeZone('Europe/Berlin');
    const acceptedAt = new Date(2026, 2, 30, 0, 30).getTime(); // Mon 30 Mar 00:30 CEST, the day after the change
    const plan = { ...defaultPlanSettings, accepted: [{ targetFrom: 175, targetTo: 185, atMs: acceptedAt }] };
    const now = new Date(2026, 3, 1, 12).getTime();
    const rows = weeklyTrends([], { weeks: 2, now, zones: defaultCadenceZones });
    expect(rows.map((r) => new Date(r.weekStart).getDate())).to.deep.equal([23, 30]);
    expect(weekStart(acceptedAt)).to.equal(rows[1]!.weekStart);
    const columns = weeksChartColumns(rows, { bands: [], unit: 'km', plan });
    // Actual: [175, 175]; expected [null, 175].
    expect(columns.planTarget).to.deep.equal([null, 175]);
  });
});
