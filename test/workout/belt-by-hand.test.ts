import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { watchBelt } from '../../src/workout/belt-by-hand.js';
import { invariantRuns } from '../support/invariant-runs.js';

describe('watchBelt', () => {
  it('settles once the belt reads what the app set, and then calls more than one increment off a hand', () => {
    expect(watchBelt({ setKmh: 12, fromKmh: 10, settled: false }, 11.95, 0.1)).to.deep.equal({ settled: true, byHand: false });
    expect(watchBelt({ setKmh: 12, fromKmh: 10, settled: true }, 12.1, 0.1)).to.deep.equal({ settled: true, byHand: false });
    expect(watchBelt({ setKmh: 12, fromKmh: 10, settled: true }, 11.8, 0.1)).to.deep.equal({ settled: true, byHand: true });
    expect(watchBelt({ setKmh: 12, fromKmh: 10, settled: true }, 11.7, 0.5), 'within a 0.5 km/h increment').to.deep.equal({ settled: true, byHand: false });
  });

  it('on its way from the app’s setting before, anywhere between the two is the app’s change; beyond them is a hand', () => {
    expect(watchBelt({ setKmh: 12, fromKmh: 10, settled: false }, 10.6, 0.1)).to.deep.equal({ settled: false, byHand: false });
    expect(watchBelt({ setKmh: 12, fromKmh: 10, settled: false }, 12.5, 0.1)).to.deep.equal({ settled: false, byHand: true });
    expect(watchBelt({ setKmh: 10, fromKmh: 12, settled: false }, 9.5, 0.1)).to.deep.equal({ settled: false, byHand: true });
    expect(watchBelt({ setKmh: 12, fromKmh: null, settled: false }, 3, 0.1), 'before the first setting is known').to.deep.equal({ settled: false, byHand: false });
  });

  it('over generated changes: a belt ramping from one setting to the next, readings off by less than an increment, is never a hand', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 200 }),
        fc.integer({ min: 10, max: 200 }),
        fc.constantFrom(0.01, 0.1, 0.16, 0.5),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (from10, set10, increment, ramp, noise) => {
          const [fromKmh, setKmh] = [from10 / 10, set10 / 10];
          const jitter = (i: number): number => noise[i % noise.length]! * Math.max(increment, 0.1) * 0.99;
          let watch = { setKmh, fromKmh, settled: false };
          // The belt moves monotonically toward the new setting, then sits at it.
          const shares = [...ramp].sort((a, b) => a - b).concat([1, 1, 1]);
          shares.forEach((share, i) => {
            const belt = fromKmh + (setKmh - fromKmh) * share + (share === 1 ? jitter(i) : 0);
            const seen = watchBelt(watch, belt, increment);
            expect(seen.byHand, `reading ${belt} of ${fromKmh} -> ${setKmh}`).to.equal(false);
            watch = { ...watch, settled: seen.settled };
          });
          expect(watch.settled).to.equal(true);
          // Then a hand moves it by more than the increment (and a tenth).
          const moved = setKmh + (setKmh > 5 ? -1 : 1) * (Math.max(increment, 0.1) + 0.05);
          expect(watchBelt(watch, moved, increment).byHand, `${setKmh} -> ${moved}`).to.equal(true);
        },
      ),
      { numRuns: invariantRuns(200) },
    );
  });
});
