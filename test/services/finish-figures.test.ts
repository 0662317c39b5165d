import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { finishFigures, matchedPaceChange } from '../../src/services/finish-figures.js';
import type { SessionSummary } from '../../src/session/recorded-session.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { summary } from '../support/session-summaries.js';

const DAY = 24 * 3600 * 1000;
const at = (day: number) => new Date(2026, 10, 1).getTime() + day * DAY;
/** Band 5 is 2.5-3.0 m/s: 6:40-5:33 per km. */
const EASY = 5;

describe('finishFigures', () => {
  it('gives the run’s moving time, distance, pace, average cadence and time in target', () => {
    const run = summary(at(10), { movingS: 1500, distanceM: 4200, avgCadence: 164.6, zoneTimes: { low: 300, building: 600, target: 540, high: 60 }, bands: [[EASY, 1400, 164]] });
    const figures = finishFigures(run, [run], 'km');
    expect(figures).to.include({ id: run.id, movingS: 1500, distanceM: 4200, avgSpeedMps: 2.8, avgCadence: 164.6, targetS: 540 });
    expect(figures.zones).to.deep.equal({ buildingFrom: 160, targetFrom: 170, targetTo: 180 });
  });

  it('says when there are no earlier runs at this pace, leaving out runs at other paces, walks and later runs', () => {
    const run = summary(at(10), { bands: [[EASY, 1400, 164]] });
    const others = [
      summary(at(1), { bands: [[7, 1800, 176]] }),
      summary(at(2), { sport: 'walk', bands: [[EASY, 1800, 130]] }),
      summary(at(3), { bands: [[EASY, 50, 150]] }),
      summary(at(12), { bands: [[EASY, 1800, 160]] }),
    ];
    const change = matchedPaceChange(run, [run, ...others], 'km');
    expect(change.kind).to.equal('first');
    expect(change.sentence).to.equal('164 steps/min at 6:40–5:33/km. No earlier runs at this pace yet: the next one will be compared with this.');
  });

  it('compares with the last three runs at this pace, weighted by their time in it', () => {
    const run = summary(at(10), { bands: [[EASY, 1400, 166], [6, 200, 175]] });
    const earlier = [
      summary(at(1), { bands: [[EASY, 1800, 150]] }), // a fourth run back: left out
      summary(at(2), { bands: [[EASY, 600, 160]] }),
      summary(at(3), { bands: [[EASY, 1200, 163]] }),
      summary(at(4), { bands: [[EASY, 1200, 161]] }),
    ];
    const change = matchedPaceChange(run, [...earlier, run], 'km');
    expect(change).to.deep.include({ kind: 'compared', cadence: 166, before: 162, runs: 3, change: 4 });
    expect(change.sentence).to.equal('166 steps/min at 6:40–5:33/km: 4 steps/min quicker than your last 3 runs at this pace (162).');
    expect(matchedPaceChange(run, [earlier[3]!], 'mi').sentence).to.equal('166 steps/min at 10:43–8:56/mi: 5 steps/min quicker than your last run at this pace (161).');
  });

  it('says a run under a minute at any pace is too short to compare', () => {
    const run = summary(at(10), { movingS: 40, bands: [[EASY, 40, 164]] });
    expect(matchedPaceChange(run, [run], 'km').kind).to.equal('too-short');
  });

  it('is, over generated histories, the run’s cadence at its pace less the last three earlier runs’ there, in whole steps', () => {
    const band = fc.integer({ min: 4, max: 7 });
    const shape = fc.record({
      day: fc.integer({ min: 0, max: 60 }),
      walk: fc.boolean(),
      bands: fc.array(fc.tuple(band, fc.integer({ min: 0, max: 2400 }), fc.integer({ min: 1300, max: 1900 }).map((t) => t / 10)), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(shape, fc.array(shape, { maxLength: 8 }), (runShape, historyShapes) => {
        const make = (s: typeof runShape, i: number): SessionSummary =>
          summary(at(s.day) + i, { id: `r${i}`, sport: s.walk ? 'walk' : 'run', bands: s.bands });
        const run = make({ ...runShape, walk: false }, 99);
        const history = historyShapes.map(make);
        const change = matchedPaceChange(run, [...history, run], 'km');
        // The model: the band with the most seconds (ties to the slower), earlier runs with a minute in it.
        const bands = Object.entries(run.cadenceBySpeedBand).map(([b, v]) => [Number(b), v.seconds, v.cadenceSeconds] as const);
        const best = bands.reduce<(typeof bands)[number] | null>((a, b) => (a === null || b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a), null);
        if (!best || best[1] < 60) {
          expect(change.kind).to.equal('too-short');
          return;
        }
        const inBand = history
          .filter((h) => h.sport !== 'walk' && h.startedAt < run.startedAt && (h.cadenceBySpeedBand[best[0]]?.seconds ?? 0) >= 60)
          .sort((a, b) => a.startedAt - b.startedAt)
          .slice(-3);
        const cadence = Math.round(best[2] / best[1]);
        if (inBand.length === 0) {
          expect(change).to.deep.include({ kind: 'first', cadence });
          return;
        }
        const seconds = inBand.reduce((sum, h) => sum + h.cadenceBySpeedBand[best[0]]!.seconds, 0);
        const before = Math.round(inBand.reduce((sum, h) => sum + h.cadenceBySpeedBand[best[0]]!.cadenceSeconds, 0) / seconds);
        expect(change).to.deep.include({ kind: 'compared', cadence, before, change: cadence - before, runs: inBand.length });
      }),
      { numRuns: invariantRuns(300) },
    );
  });
});
