// Weeks under four time zones with daylight saving, whatever zone the machine runs in: each zone
// is set on this page through CDP (test/support/timezone-plugin.mjs), then weekStart and
// weeklyTrends are held to the calendar hour by hour through the weeks of both of its clock
// changes. The same check is put to a week counted as 7 × 24 h, which it must catch.
import { expect } from '@open-wc/testing';
import { weekStart, weeklyTrends } from '../../src/session/weekly-trends.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { summary as summaryOf } from '../support/session-summaries.js';
import { setTimeZone } from '../support/time-zone.js';

const HOUR = 3600 * 1000;
const WEEK = 7 * 24 * HOUR;

/** Each zone with its 2026 clock changes (local dates) and its UTC offsets (minutes, getTimezoneOffset) in January and July. */
const ZONES = [
  { id: 'America/New_York', changes: [[2026, 3, 8], [2026, 11, 1]], offsets: [300, 240] },
  { id: 'Europe/Berlin', changes: [[2026, 3, 29], [2026, 10, 25]], offsets: [-60, -120] },
  { id: 'Australia/Sydney', changes: [[2026, 4, 5], [2026, 10, 4]], offsets: [-660, -600] },
  // Israel moves its clocks on a Friday, inside a Monday-to-Sunday week: a week start counted back
  // in 24 h days goes wrong only there.
  { id: 'Asia/Jerusalem', changes: [[2026, 3, 27], [2026, 10, 25]], offsets: [-120, -180] },
] as const;

const local = (y: number, m: number, d: number, h = 0, min = 0): number => new Date(y, m - 1, d, h, min).getTime();

/** What is wrong with `start` as the week holding `t`, or null: a Monday 00:00 local, at or before t, less than a calendar week before. */
function weekProblem(t: number, start: number): string | null {
  const s = new Date(start);
  if (s.getDay() !== 1 || s.getHours() !== 0 || s.getMinutes() !== 0) return `${new Date(t).toString()}: week starts ${s.toString()}, not a Monday 00:00`;
  const next = new Date(start);
  next.setDate(next.getDate() + 7);
  if (!(start <= t && t < next.getTime())) return `${new Date(t).toString()}: week ${s.toString()} does not hold it`;
  return null;
}

/** Every hour (and the half hours either side of midnight) from 8 days before a change to 8 days after. */
function hoursAround([y, m, d]: readonly [number, number, number]): number[] {
  const times: number[] = [];
  for (let t = local(y, m, d) - 8 * 24 * HOUR; t < local(y, m, d) + 8 * 24 * HOUR; t += HOUR / 2) times.push(t);
  return times;
}

/** `count` week starts up to the week of `now`, each found from the one after it by `previous`. */
function weekStartsOf(now: number, count: number, previous: (start: number) => number): number[] {
  const starts = [weekStart(now)];
  while (starts.length < count) starts.unshift(previous(starts[0]!));
  return starts;
}

const summary = (startedAt: number) => summaryOf(startedAt, { avgCadence: 170, bands: [[6, 1800, 170]] });

describe('weeks across daylight-saving changes, under four time zones', () => {
  after(() => setTimeZone(null));

  for (const zone of ZONES) {
    describe(zone.id, () => {
      before(() => setTimeZone(zone.id));

      it('is the zone this page now runs in', () => {
        expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(zone.id);
        expect([new Date(2026, 0, 15).getTimezoneOffset(), new Date(2026, 6, 15).getTimezoneOffset()]).to.deep.equal([...zone.offsets]);
      });

      it('weekStart: each half hour around both clock changes falls in the calendar week that holds it', () => {
        for (const change of zone.changes) {
          const problems = hoursAround(change).map((t) => weekProblem(t, weekStart(t))).filter((p) => p !== null);
          expect(problems.slice(0, 3)).to.deep.equal([]);
        }
      });

      it('weeklyTrends: weeks through both changes are calendar weeks, and runs either side of Monday midnight land in their own week', () => {
        for (const [y, m, d] of zone.changes) {
          // Runs in the small hours of the change day, late that night, just after the next midnight,
          // and either side of the midnights six and seven days before.
          const now = local(y, m, d) + 10 * 24 * HOUR;
          const runs = [local(y, m, d, 2, 30), local(y, m, d, 23, 30), local(y, m, d + 1, 0, 30), local(y, m, d - 6, 0, 30), local(y, m, d - 7, 23, 30)].map(summary);
          const rows = weeklyTrends(runs, { now, weeks: 4, zones: defaultCadenceZones });
          for (const row of rows) expect(weekProblem(row.weekStart, row.weekStart), new Date(row.weekStart).toString()).to.equal(null);
          for (const run of runs) {
            const holding = rows.filter((row, i) => run.startedAt >= row.weekStart && (i === rows.length - 1 || run.startedAt < rows[i + 1]!.weekStart));
            expect(holding.length).to.equal(1);
            expect(weekProblem(run.startedAt, holding[0]!.weekStart)).to.equal(null);
            expect(holding[0]!.sessions).to.be.greaterThan(0);
          }
          expect(rows.reduce((n, row) => n + row.sessions, 0)).to.equal(runs.length);
        }
      });

      it('the same check catches weeks counted back as 7 × 24 h', () => {
        const problems = zone.changes.flatMap(([y, m, d]) => {
          const now = local(y, m, d) + 10 * 24 * HOUR;
          return weekStartsOf(now, 4, (start) => start - WEEK).map((start) => weekProblem(start, start)).filter((p) => p !== null);
        });
        expect(problems.length).to.be.greaterThan(0);
        // The calendar way passes the same check over the same weeks.
        const calendar = zone.changes.flatMap(([y, m, d]) =>
          weekStartsOf(local(y, m, d) + 10 * 24 * HOUR, 4, (start) => weekStart(start - 1)).map((start) => weekProblem(start, start)),
        );
        expect(calendar.filter((p) => p !== null)).to.deep.equal([]);
      });
    });
  }
});
