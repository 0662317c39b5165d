import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { easyPaceFromHistory, libraryWorkouts } from '../../src/workout/workout-library.js';
import { planSteps, plannedTotals, workoutProblems } from '../../src/workout/workout-plan.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { summary } from '../support/session-summaries.js';

const DAY = 24 * 3600 * 1000;

describe('libraryWorkouts', () => {
  const library = libraryWorkouts(10);
  const byId = (id: string) => library.find((w) => w.id === id)!;

  it('offers easy run, progression, intervals, hills and a cadence ladder', () => {
    expect(library.map((w) => `${w.id}: ${w.name}`)).to.deep.equal([
      'library-easy-run: Easy run',
      'library-progression: Progression',
      'library-intervals: Intervals: 6 × 3 min',
      'library-hills: Hills: 5 × 2 min',
      'library-cadence-ladder: Cadence ladder',
    ]);
    expect(library.every((w) => w.origin === 'library')).to.equal(true);
  });

  it('intervals: 6 × 3 min hard and 2 min easy between a warm-up and a cool-down', () => {
    const steps = planSteps(byId('library-intervals'));
    expect(steps.map((s) => `${s.name} ${s.length.kind === 'time' ? s.length.seconds / 60 : '?'} min ${s.speedKmh}`)).to.deep.equal([
      'Warm up 10 min 9',
      ...Array.from({ length: 6 }, () => ['Hard 3 min 12.5', 'Easy 2 min 8.5']).flat(),
      'Cool down 5 min 8.5',
    ]);
    expect(plannedTotals(steps).seconds).to.equal(45 * 60);
  });

  it('hills are incline blocks; the ladder is 165, 170, 175 steps/min at one speed', () => {
    expect(planSteps(byId('library-hills')).map((s) => s.inclinePercent)).to.deep.equal([1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 1]);
    const ladder = planSteps(byId('library-cadence-ladder'));
    expect(ladder.map((s) => s.cadence)).to.deep.equal([null, 165, 170, 175, null]);
    expect(new Set(ladder.map((s) => s.speedKmh))).to.deep.equal(new Set([10]));
  });

  it('holds a typed easy pace to 4–20 km/h', () => {
    expect(planSteps(libraryWorkouts(50)[0]!)[1]!.speedKmh).to.equal(20);
    expect(planSteps(libraryWorkouts(Number.NaN)[0]!)[1]!.speedKmh).to.equal(4);
  });

  it('speeds scale with the easy pace, to a tenth of a km/h, and every workout can run', () => {
    const easy = fc.integer({ min: 40, max: 200 }).map((n) => n / 10);
    fc.assert(
      fc.property(easy, easy, (a, b) => {
        const [atA, atB] = [libraryWorkouts(a), libraryWorkouts(b)];
        atA.forEach((workout, w) => {
          expect(workoutProblems(workout), workout.name).to.deep.equal([]);
          const stepsA = planSteps(workout);
          const stepsB = planSteps(atB[w]!);
          stepsA.forEach((s, i) => {
            const other = stepsB[i]!.speedKmh!;
            // Each speed is the same share of its easy pace, give or take the rounding to tenths.
            expect(Math.abs(s.speedKmh! / a - other / b), `${workout.name} step ${i} at ${a} and ${b}`).to.be.at.most(0.05 / a + 0.05 / b + 1e-9);
            expect(Math.round(s.speedKmh! * 10)).to.be.closeTo(s.speedKmh! * 10, 1e-9);
          });
        });
      }),
      { numRuns: invariantRuns(100) },
    );
  });
});

describe('easyPaceFromHistory', () => {
  const now = 100 * DAY;

  it('is the middle of the usual speed band of the last 8 weeks’ runs, in km/h', () => {
    // Band 6 is 3.0–3.5 m/s: its middle, 3.25 m/s, is 11.7 km/h.
    const runs = [summary(now - 2 * DAY, { bands: [[6, 1200, 170], [5, 300, 165]] }), summary(now, { bands: [[6, 600, 170], [7, 1000, 176]] })];
    expect(easyPaceFromHistory(runs)).to.equal(11.7);
  });

  it('leaves out standing still, walks and old runs while there are recent ones', () => {
    expect(easyPaceFromHistory([summary(now, { bands: [[0, 5000, 100], [5, 100, 165]] })])).to.equal(9.9);
    expect(easyPaceFromHistory([summary(now, { sport: 'walk', bands: [[3, 5000, 120]] }), summary(now - DAY, { bands: [[5, 100, 165]] })])).to.equal(9.9);
    expect(easyPaceFromHistory([summary(now - 200 * DAY, { bands: [[8, 5000, 180]] }), summary(now, { bands: [[5, 100, 165]] })], now)).to.equal(9.9);
  });

  it('is null without runs at a pace', () => {
    expect(easyPaceFromHistory([])).to.equal(null);
    expect(easyPaceFromHistory([summary(now, { bands: [[0, 600, 0]] })])).to.equal(null);
  });
});

describe('easyPaceFromHistory and the order of the runs', () => {
  // The history holds runs newest first; the fallback to older runs must still take the latest ten.
  it('gives the same easy pace whether the runs come oldest or newest first', () => {
    const now = 400 * DAY;
    const runs = [
      // Five old fast runs (imported races), then ten later easy runs, all more than 8 weeks ago.
      ...Array.from({ length: 5 }, (_, i) => summary(now - (300 - i) * DAY, { bands: [[8, 5000, 180]] })),
      ...Array.from({ length: 10 }, (_, i) => summary(now - (200 - i) * DAY, { bands: [[5, 300, 165]] })),
    ];
    expect(easyPaceFromHistory(runs, now), 'oldest first').to.equal(9.9);
    expect(easyPaceFromHistory([...runs].reverse(), now), 'newest first, as the history holds them').to.equal(9.9);
  });
});
