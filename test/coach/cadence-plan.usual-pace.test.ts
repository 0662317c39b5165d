// The plan's usual pace over generated run histories: the runner's own recent runs set it, never
// imported watch runs from years ago, and the order the index stores runs in changes nothing.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { type CadencePlanOptions, OLDER_RUNS, RECENT_WEEKS, cadencePlan, runsLookedAt, usualBand } from '../../src/coach/cadence-plan.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import type { SessionSummary } from '../../src/session/recorded-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { summary } from '../support/session-summaries.js';
import { invariantRuns } from '../support/invariant-runs.js';

const DAY = 24 * 3600 * 1000;
const now = new Date(2026, 11, 7, 6, 0).getTime();
const recentFrom = now - RECENT_WEEKS * 7 * DAY;
const options: CadencePlanOptions = { zones: { ...defaultCadenceZones }, plan: defaultPlanSettings, unit: 'km', now };

/** Often round figures, so two paces tie now and then (a tie goes to the slower one). */
const seconds = fc.oneof(fc.constantFrom(30, 60, 600, 1200, 1800), fc.integer({ min: 1, max: 4000 }));

/** A run at one to three paces (bands 3-9: 1.5-5 m/s), whole seconds as the recorder keeps them. */
const runAt = (from: number, to: number) =>
  fc
    .record({
      startedAt: fc.integer({ min: from, max: to }),
      bands: fc.uniqueArray(fc.tuple(fc.integer({ min: 3, max: 9 }), seconds, fc.integer({ min: 130, max: 190 })), {
        minLength: 1,
        maxLength: 3,
        selector: ([band]) => band,
      }),
      walk: fc.boolean(),
    })
    .map(({ startedAt, bands, walk }) => summary(startedAt, { bands, ...(walk ? { sport: 'walk' as const } : {}) }));

let ids = 0;
/** Unique ids, as the index has them. */
const named = (runs: SessionSummary[]) => runs.map((r) => ({ ...r, id: `run-${ids++}` }));

/** At least one of them a run (walks are left out of the plan). */
const recentRuns = fc
  .array(runAt(recentFrom, now), { minLength: 1, maxLength: 8 })
  .filter((runs) => runs.some((r) => r.sport !== 'walk'))
  .map(named);
/** From ten years back to a minute before the 8 weeks. */
const olderRuns = fc.array(runAt(now - 3650 * DAY, recentFrom - 60_000), { minLength: 1, maxLength: 15 }).map(named);

describe('cadencePlan: the usual pace', () => {
  it('adding runs older than 8 weeks never changes the usual pace while there are recent runs', () => {
    fc.assert(
      fc.property(recentRuns, olderRuns, (recent, older) => {
        const alone = cadencePlan(recent, options);
        const withOlder = cadencePlan([...older, ...recent], options);
        expect(withOlder.band, 'the usual pace').to.equal(alone.band);
        // Nothing else the plan says moves either: it looks at the same runs.
        expect(withOlder).to.deep.equal(alone);
      }),
      { numRuns: invariantRuns(200) },
    );
  });

  it('never depends on the order the runs are stored in', () => {
    fc.assert(
      fc.property(
        // Runs that start at the same moment too (a watch run imported twice, a run and its copy).
        fc
          .tuple(fc.array(runAt(recentFrom, now), { maxLength: 8 }), fc.array(runAt(now - 3650 * DAY, now), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 20 }))
          .map(([a, b, same]) => {
            const runs = [...a, ...b];
            return named(runs.map((r, i) => (same[i] !== undefined && same[i]! % 2 === 0 ? { ...r, startedAt: runs[same[i]! % runs.length]!.startedAt } : r)));
          }),
        fc.func(fc.integer()),
        (runs, key) => {
          // Any permutation: sorted by a generated key, ties kept.
          const shuffled = runs.map((r, i) => ({ r, k: key(i) })).sort((a, b) => a.k - b.k).map(({ r }) => r);
          expect(cadencePlan(shuffled, options)).to.deep.equal(cadencePlan(runs, options));
        },
      ),
      { numRuns: invariantRuns(200) },
    );
  });

  it('is the pace with the most running seconds in the runs looked at: the recent ones, else older ones, and says so', () => {
    fc.assert(
      fc.property(fc.boolean(), recentRuns, olderRuns, (hasRecent, recent, older) => {
        const runs = (hasRecent ? [...older, ...recent] : older).filter((r) => r.sport !== 'walk').sort((a, b) => a.startedAt - b.startedAt);
        const lookedAt = runsLookedAt(runs, now);
        const outcome = cadencePlan(hasRecent ? [...older, ...recent] : older, options);
        // Brute force: seconds per band over the runs it says it looked at.
        const seconds = new Map<number, number>();
        for (const r of lookedAt.runs) for (const [band, v] of Object.entries(r.cadenceBySpeedBand)) seconds.set(Number(band), (seconds.get(Number(band)) ?? 0) + v.seconds);
        const most = Math.max(...seconds.values());
        const expected = Math.min(...[...seconds].filter(([, s]) => s === most).map(([b]) => b));
        expect(outcome.band).to.equal(lookedAt.runs.length > 0 ? expected : null);
        if (lookedAt.from === 'recent') {
          expect(lookedAt.runs.every((r) => r.startedAt >= recentFrom)).to.equal(true);
          expect(outcome.reason).to.not.contain('older runs');
        } else if (lookedAt.from === 'older') {
          expect(lookedAt.runs).to.deep.equal(runs.slice(-OLDER_RUNS));
          expect(outcome.reason).to.match(/^No runs at any pace in the last 8 weeks, so the plan looks at your older runs\. /);
        }
        expect(usualBand(lookedAt.runs)).to.equal(outcome.band);
      }),
      { numRuns: invariantRuns(200) },
    );
  });

  it('says nothing of older runs when there are no runs at all', () => {
    const outcome = cadencePlan([], options);
    expect(outcome.band).to.equal(null);
    expect(outcome.reason).to.not.contain('older');
  });

  it('the watch runs of 2015 and 2017 at 4:46-4:10/km leave the usual pace at the recent 6:06-6:15/km', () => {
    const at = (startedAt: number, band: number, cadence: number) => summary(startedAt, { bands: [[band, 2400, cadence]], id: `r${startedAt}` });
    const imported = [at(Date.UTC(2015, 4, 3), 7, 178), at(Date.UTC(2017, 4, 3), 7, 180), at(Date.UTC(2017, 5, 3), 7, 181)];
    // 6:06-6:15/km is 2.67-2.73 m/s: band 5 (2.5-3.0 m/s).
    const lately = [at(now - 9 * DAY, 5, 158), at(now - 2 * DAY, 5, 160)];
    const outcome = cadencePlan([...imported, ...lately], options);
    expect(outcome.band).to.equal(5);
    expect(outcome.reason).to.equal('Run 1 more time at your usual pace (6:40–5:33/km) to get a plan.');
  });
});
