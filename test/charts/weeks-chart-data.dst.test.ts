// The weeks chart's plan line through the weeks of a clock change, under four time zones (set on
// this page through CDP, test/support/timezone-plugin.mjs): a step is in force in the week that
// holds the moment it was taken and every week after, never in the week before. A week holding a
// change is 167 or 169 hours long, so a week's end taken as 7 × 24 h after its start put a step
// taken in the first hour of a Monday into the week before (spring), or a step taken in the last
// hour of a Sunday into the week after (autumn).
import { expect } from '@open-wc/testing';
import { weeksChartColumns } from '../../src/charts/weeks-chart-data.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import { weeklyTrends } from '../../src/session/weekly-trends.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { setTimeZone } from '../support/time-zone.js';

const HOUR = 3600 * 1000;

/** Each zone with the local dates of its 2026 clock changes. */
const ZONES = [
  { id: 'America/New_York', changes: [[2026, 3, 8], [2026, 11, 1]] },
  { id: 'Europe/Berlin', changes: [[2026, 3, 29], [2026, 10, 25]] },
  { id: 'Australia/Sydney', changes: [[2026, 4, 5], [2026, 10, 4]] },
  { id: 'Asia/Jerusalem', changes: [[2026, 3, 27], [2026, 10, 25]] },
] as const;

const local = (y: number, m: number, d: number, h = 0, min = 0): number => new Date(y, m - 1, d, h, min).getTime();

/** The Monday 00:00 seven calendar days after `start`, by the Date API's own calendar. */
function calendarWeekAfter(start: number): number {
  const next = new Date(start);
  next.setDate(next.getDate() + 7);
  next.setHours(0, 0, 0, 0);
  return next.getTime();
}

/** The plan line of `rows` with one step, to 175–185, taken at `atMs`. */
const planLine = (rows: ReturnType<typeof weeklyTrends>, atMs: number) =>
  weeksChartColumns(rows, { bands: [], unit: 'km', plan: { ...defaultPlanSettings, accepted: [{ targetFrom: 175, targetTo: 185, atMs }] } }).planTarget;

describe('weeks chart plan line across daylight-saving changes, under four time zones', () => {
  after(() => setTimeZone(null));

  it('Berlin: a step taken at 00:30 on the Monday after the spring change is not drawn in the week before', async () => {
    await setTimeZone('Europe/Berlin');
    const rows = weeklyTrends([], { weeks: 2, now: local(2026, 4, 1, 12), zones: defaultCadenceZones });
    expect(rows.map((r) => new Date(r.weekStart).getDate())).to.deep.equal([23, 30]);
    // The week of 23 March ends at 00:00 on 30 March, not at 00:59 (7 × 24 h after its start).
    expect(planLine(rows, local(2026, 3, 30, 0, 30))).to.deep.equal([null, 175]);
  });

  for (const zone of ZONES) {
    it(`${zone.id}: each half hour around both changes, a step is in force from the calendar week that holds it`, async () => {
      await setTimeZone(zone.id);
      const problems: string[] = [];
      for (const [y, m, d] of zone.changes) {
        const rows = weeklyTrends([], { weeks: 4, now: local(y, m, d) + 10 * 24 * HOUR, zones: defaultCadenceZones });
        for (let atMs = rows[0]!.weekStart; atMs < calendarWeekAfter(rows[3]!.weekStart); atMs += HOUR / 2) {
          const expected = rows.map((row) => (atMs < calendarWeekAfter(row.weekStart) ? 175 : null));
          const drawn = planLine(rows, atMs);
          if (JSON.stringify(drawn) !== JSON.stringify(expected)) problems.push(`${new Date(atMs).toString()}: ${JSON.stringify(drawn)}, not ${JSON.stringify(expected)}`);
        }
      }
      expect(problems.slice(0, 3)).to.deep.equal([]);
    });
  }
});
