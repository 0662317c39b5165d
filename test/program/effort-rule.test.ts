// The effort rule: a rise of more than 2 over the lowest of the up-to-three answered sessions
// before, at the same speed, suggests repeating the latest session.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { effortSuggestion } from '../../src/program/effort-rule.js';
import type { DoneSession } from '../../src/program/program-types.js';
import { sessionAt } from './program-fixtures.js';

const DAY = 86_400_000;
const run = (n: number, effort: number | null, speedMps = 2.8): DoneSession =>
  sessionAt(n, n * 2 * DAY, { speedMps, answers: effort === null ? null : { effort, natural: 3 } });

describe('effortSuggestion', () => {
  it('suggests nothing for a rise of exactly 2', () => {
    expect(effortSuggestion([run(1, 4), run(2, 5), run(3, 6)])).to.equal(null);
  });
  it('suggests repeating the latest session for a rise of 3, and says why', () => {
    expect(effortSuggestion([run(3, 4), run(4, 5), run(5, 7)])).to.deep.equal({
      repeat: 5,
      why: 'Effort rose from 4 to 7 at the same speed over the last sessions: repeat session 5 before moving on.',
    });
  });
  it('compares with the lowest of the three answered sessions before, not older ones', () => {
    expect(effortSuggestion([run(1, 2), run(2, 5), run(3, 5), run(4, 5), run(5, 7)])).to.equal(null);
    expect(effortSuggestion([run(1, 5), run(2, 4), run(3, 6), run(4, 7)])?.repeat).to.equal(4);
  });
  it('compares sessions only within ±3 % of each other\'s speed, as a test keeps a minute', () => {
    // 3 % of 2.5 m/s is 0.075 m/s.
    expect(effortSuggestion([run(1, 3, 2.425), run(2, 7, 2.5)])?.repeat).to.equal(2);
    expect(effortSuggestion([run(1, 3, 2.575), run(2, 7, 2.5)])?.repeat).to.equal(2);
    expect(effortSuggestion([run(1, 3, 2.42), run(2, 7, 2.5)])).to.equal(null);
    expect(effortSuggestion([run(1, 3, 2.58), run(2, 7, 2.5)])).to.equal(null);
  });
  it('calls belts exactly 3 % apart the same speed, stored as float32, in either order', () => {
    // b and 0.97 × b km/h in the treadmill's 0.01 km/h steps; the float32 speeds land a hair apart of 3 %.
    const belt = (kmh: number): number => Math.fround(Math.round(kmh * 100) / 360);
    for (let kmh = 4; kmh <= 22; kmh++) {
      const [slow, fast] = [belt(kmh * 0.97), belt(kmh)];
      expect(effortSuggestion([run(1, 3, slow), run(2, 6, fast)])?.repeat, `${kmh * 0.97} then ${kmh} km/h`).to.equal(2);
      expect(effortSuggestion([run(1, 3, fast), run(2, 6, slow)])?.repeat, `${kmh} then ${kmh * 0.97} km/h`).to.equal(2);
    }
  });
  it('gives the same answer whichever of two speeds came first', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.5, max: 5, noNaN: true }),
        fc.oneof(fc.double({ min: 0.94, max: 1.06, noNaN: true }), fc.constantFrom(0.97, 1.03, 1 / 0.97, 1 / 1.03)),
        fc.boolean(),
        (a, factor, float32) => {
          const store = float32 ? Math.fround : (v: number) => v;
          const [x, y] = [store(a), store(a * factor)];
          const forth = effortSuggestion([run(1, 3, x), run(2, 6, y)]) !== null;
          const back = effortSuggestion([run(1, 3, y), run(2, 6, x)]) !== null;
          expect(back).to.equal(forth);
        },
      ),
    );
  });
  it('does not call 10 and 11 km/h the same speed', () => {
    // 11 km/h is 10 % faster: harder whatever the cadence, so no repeat is suggested.
    const kmh = (v: number): number => v / 3.6;
    expect(effortSuggestion([run(1, 4, kmh(10)), run(2, 4, kmh(10)), run(3, 7, kmh(11))])).to.equal(null);
    expect(effortSuggestion([run(1, 4, kmh(10)), run(2, 4, kmh(10)), run(3, 7, kmh(10.2))])?.repeat).to.equal(3);
  });
  it('skips unanswered sessions, and says nothing while the latest is unanswered', () => {
    expect(effortSuggestion([run(1, 3), run(2, null), run(3, 6)])?.repeat).to.equal(3);
    expect(effortSuggestion([run(1, 3), run(2, 8), run(3, null)])).to.equal(null);
    expect(effortSuggestion([run(1, 8)])).to.equal(null);
    expect(effortSuggestion([])).to.equal(null);
  });
});
