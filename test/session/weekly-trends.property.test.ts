// Properties of the Weeks page's computed numbers over generated run histories: "toward target"
// (cadence at matched pace against the week before that shares a pace band), the stretches of
// weeks without runs, and the weeks shown to a runner whose first run was lately.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { SessionSummary } from '../../src/session/recorded-session.js';
import { TOWARD_TARGET_SPM, type WeekRow, groupEmptyWeeks, weekStart, weeklyTrends, weeksSinceFirstRun } from '../../src/session/weekly-trends.js';
import type { CadenceZones } from '../../src/session/zones.js';
import { summary } from '../support/session-summaries.js';
import { invariantRuns } from '../support/invariant-runs.js';

const DAY = 24 * 3600 * 1000;
const now = new Date(2026, 11, 9, 12).getTime(); // a Wednesday
const zones: CadenceZones = { buildingFrom: 160, targetFrom: 170, targetTo: 180 };
const WEEKS = 12;
const firstShown = new Date(2026, 8, 21).getTime(); // Monday 21 September, 12 weeks back

/** A run somewhere in the 12 weeks at one to three paces, a minute or more at each. */
const run = fc
  .record({
    startedAt: fc.integer({ min: firstShown, max: now }),
    bands: fc.uniqueArray(fc.tuple(fc.integer({ min: 4, max: 8 }), fc.integer({ min: 60, max: 3000 }), fc.integer({ min: 140, max: 200 })), {
      minLength: 1,
      maxLength: 3,
      selector: ([band]) => band,
    }),
  })
  .map(({ startedAt, bands }) => summary(startedAt, { bands }));
const history = fc.array(run, { maxLength: 20 }).map((runs) => runs.map((r, i) => ({ ...r, id: `r${i}` })));

const trends = (runs: readonly SessionSummary[], weeks = WEEKS) => weeklyTrends(runs, { weeks, now, zones });
/** The cadence mirrored about the middle of the target zone: as far from it, on the other side. */
const mirrored = (runs: readonly SessionSummary[]) =>
  runs.map((r) => {
    const bands: SessionSummary['cadenceBySpeedBand'] = {};
    for (const [band, v] of Object.entries(r.cadenceBySpeedBand)) {
      bands[Number(band)] = { seconds: v.seconds, cadenceSeconds: v.seconds * (zones.targetFrom + zones.targetTo) - v.cadenceSeconds };
    }
    return { ...r, cadenceBySpeedBand: bands };
  });
const distance = (c: number) => (c < zones.targetFrom ? zones.targetFrom - c : c > zones.targetTo ? c - zones.targetTo : 0);

describe('weeklyTrends: toward target, over generated histories', () => {
  it('is closer when every shared pace moved toward the zone by a step or more, further when every one moved away', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 4, max: 8 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 120, max: 230 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.double({ min: 1, max: 20, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 6 }),
        (bands, before, moves, weeksApart) => {
          // Week A at `before`; a later week B at each pace moved toward the zone, never past it.
          const after = bands.map((_, i) => {
            const c = before[i]!;
            const d = distance(c);
            if (d === 0) return c;
            const move = Math.min(moves[i]!, d);
            return c < zones.targetFrom ? c + move : c - move;
          });
          fc.pre(bands.some((_, i) => distance(before[i]!) >= 1));
          const a = summary(firstShown + 3 * 7 * DAY + DAY, { id: 'a', bands: bands.map((b, i) => [b, 600, before[i]!]) });
          const b = summary(a.startedAt + weeksApart * 7 * DAY, { id: 'b', bands: bands.map((band, i) => [band, 600, after[i]!]) });
          const moved = bands.reduce((sum, _, i) => sum + distance(before[i]!) - distance(after[i]!), 0) / bands.length;
          const forward = trends([a, b]).filter((r) => r.sessions > 0).map((r) => r.towardTarget);
          expect(forward).to.deep.equal([null, moved >= TOWARD_TARGET_SPM ? 'closer' : 'same']);
          // The same two weeks the other way round: away from the zone.
          const back = trends([{ ...b, startedAt: a.startedAt }, { ...a, startedAt: b.startedAt }]).filter((r) => r.sessions > 0);
          expect(back.map((r) => r.towardTarget)).to.deep.equal([null, moved >= TOWARD_TARGET_SPM ? 'further' : 'same']);
        },
      ),
      { numRuns: invariantRuns(200) },
    );
  });

  it('reads a week the same when every cadence is as far from the zone on its other side', () => {
    fc.assert(
      fc.property(history, (runs) => {
        expect(trends(mirrored(runs)).map((r) => r.towardTarget)).to.deep.equal(trends(runs).map((r) => r.towardTarget));
      }),
      { numRuns: invariantRuns(150) },
    );
  });

  it('has a word for every week with a minute at a pace some earlier week with runs also has, and none for the others', () => {
    fc.assert(
      fc.property(history, (runs) => {
        const rows = trends(runs);
        const paces = (row: WeekRow) => Object.keys(row.cadenceByBand).filter((b) => row.cadenceByBand[Number(b)] !== null);
        rows.forEach((row, i) => {
          const shares = rows.slice(0, i).some((earlier) => paces(earlier).some((b) => paces(row).includes(b)));
          expect(row.towardTarget !== null, `week ${i}`).to.equal(shares);
        });
      }),
      { numRuns: invariantRuns(150) },
    );
  });
});

describe('weeklyTrends: the weeks shown', () => {
  it('reads a week toward target the same however many weeks are shown, earlier weeks with runs shown or not', () => {
    const longAgo = now - 40 * 7 * DAY;
    const spread = fc
      .array(fc.tuple(fc.integer({ min: longAgo, max: now }), fc.integer({ min: 4, max: 6 }), fc.integer({ min: 150, max: 195 })), { maxLength: 20 })
      .map((runs) => runs.map(([startedAt, band, cadence], i) => summary(startedAt, { id: `r${i}`, bands: [[band, 600, cadence]] })));
    fc.assert(
      fc.property(spread, fc.integer({ min: 1, max: 45 }), (runs, weeks) => {
        const widest = new Map(trends(runs, 45).map((r) => [r.weekStart, r.towardTarget]));
        for (const row of trends(runs, weeks)) expect(row.towardTarget, new Date(row.weekStart).toDateString()).to.equal(widest.get(row.weekStart));
      }),
      { numRuns: invariantRuns(150) },
    );
  });
});

describe('groupEmptyWeeks', () => {
  it('keeps every week with runs as it is and folds each stretch without runs into one group', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 52 }), (runs, weeks) => {
        const rows = trends(runs, weeks);
        const groups = groupEmptyWeeks(rows);
        // Unfolded, the groups are the rows again, in order.
        const unfolded = groups.flatMap((g) => (g.kind === 'week' ? [g.row.weekStart] : rows.filter((r) => r.weekStart >= g.from && r.weekStart <= g.to).map((r) => r.weekStart)));
        expect(unfolded).to.deep.equal(rows.map((r) => r.weekStart));
        for (const g of groups) {
          if (g.kind === 'week') expect(g.row.sessions).to.be.above(0);
          else expect(rows.filter((r) => r.weekStart >= g.from && r.weekStart <= g.to).every((r) => r.sessions === 0)).to.equal(true);
          if (g.kind === 'no-runs') expect(rows.filter((r) => r.weekStart >= g.from && r.weekStart <= g.to)).to.have.length(g.weeks);
        }
        groups.slice(1).forEach((g, i) => expect(g.kind === 'no-runs' && groups[i]!.kind === 'no-runs', 'two stretches side by side').to.equal(false));
      }),
      { numRuns: invariantRuns(150) },
    );
  });
});

describe('weeksSinceFirstRun', () => {
  it('starts at the week of the first run when it falls in the weeks asked for, and leaves no run out', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: now - 400 * DAY, max: now }).map((t) => summary(t, { bands: [[6, 600, 170]] })), { maxLength: 8 }),
        fc.integer({ min: 1, max: 52 }),
        (runs, weeks) => {
          const count = weeksSinceFirstRun(runs, weeks, now);
          expect(count).to.be.within(1, weeks);
          const shown = trends(runs, count);
          const all = trends(runs, weeks);
          expect(shown.reduce((n, r) => n + r.sessions, 0), 'every run of the weeks asked for').to.equal(all.reduce((n, r) => n + r.sessions, 0));
          const firstWeek = runs.length > 0 ? weekStart(Math.min(...runs.map((r) => r.startedAt))) : null;
          if (firstWeek !== null && all.some((r) => r.weekStart === firstWeek)) {
            // The first run's week is among those asked for: the table starts there, with that run.
            expect(shown[0]!.weekStart).to.equal(firstWeek);
            expect(shown[0]!.sessions).to.be.above(0);
          } else {
            expect(count, 'every week asked for').to.equal(weeks);
          }
        },
      ),
      { numRuns: invariantRuns(200) },
    );
  });
});
