// A workout's planned pace on a run's pace chart: each step of the recording's workout mark a
// stretch of the chart's x at its speed's pace. Properties over generated runs (1 s and irregular
// sampling, steps given in any order): stretches in order, never overlapping, inside the run, and
// over time covering the whole run when every step has a speed.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { plannedPace, type PlannedMark } from '../../src/charts/planned-pace.js';
import { columnsFrom } from '../../src/session/recorded-columns.js';
import type { RecordedSample } from '../../src/session/recorded-session.js';
import { averagePaceSeconds as paceSeconds } from '../../src/session/units.js';
import { invariantRuns } from '../support/invariant-runs.js';

/** A run at `kmhAt(t)` sampled at the given times. */
function run(times: readonly number[], kmhAt: (t: number) => number = () => 10) {
  let distance = 0;
  const samples: RecordedSample[] = times.map((t, i) => {
    if (i > 0) distance += (kmhAt(t) / 3.6) * (t - times[i - 1]!);
    return { t, speedMps: kmhAt(t) / 3.6, cadence: 170, strideLengthM: 1, distanceM: distance, flags: 1, heartRate: NaN, treadmillSpeedMps: NaN, inclinePercent: NaN } as RecordedSample;
  });
  return columnsFrom(samples);
}
const seconds = (n: number) => Array.from({ length: n + 1 }, (_, i) => i);
const pace = (kmh: number, unit: 'km' | 'mi' = 'km') => paceSeconds(kmh / 3.6, unit)!;

describe('plannedPace', () => {
  const mark: PlannedMark = { steps: [{ fromT: 0, speedKmh: 9 }, { fromT: 300, speedKmh: 13.5 }, { fromT: 480, speedKmh: null }, { fromT: 600, speedKmh: 9 }] };

  it('draws each step with a speed from its start to the next step’s, the last to the run’s end', () => {
    const samples = run(seconds(900));
    expect(plannedPace(mark, samples, 'time', 'km')).to.deep.equal([
      { from: 0, to: 300, paceS: pace(9) },
      { from: 300, to: 480, paceS: pace(13.5) },
      { from: 600, to: 900, paceS: pace(9) },
    ]);
    expect(plannedPace(mark, samples, 'time', 'mi')[1]!.paceS).to.be.closeTo(pace(13.5, 'mi'), 1e-9);
  });

  it('over distance, at the metres run by each step’s start', () => {
    const samples = run(seconds(900));
    const stretches = plannedPace(mark, samples, 'distance', 'km');
    expect(stretches.map((s) => [Math.round(s.from), Math.round(s.to)])).to.deep.equal([[0, 833], [833, 1333], [1667, 2500]]);
  });

  it('leaves out steps the run never reached, and draws nothing for an empty run', () => {
    const samples = run(seconds(400));
    expect(plannedPace(mark, samples, 'time', 'km')).to.deep.equal([{ from: 0, to: 300, paceS: pace(9) }, { from: 300, to: 400, paceS: pace(13.5) }]);
    expect(plannedPace(mark, run([]), 'time', 'km')).to.deep.equal([]);
  });

  it('is in order, never overlaps, stays inside the run, and ignores the order steps are given in (property)', () => {
    fc.assert(
      fc.property(
        // Irregular sampling: 0.2-5 s between samples (a watch's smart recording is irregular too).
        fc.array(fc.double({ min: 0.2, max: 5, noNaN: true }), { minLength: 2, maxLength: 400 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), speedKmh: fc.option(fc.double({ min: 1, max: 30, noNaN: true }), { nil: null }) }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom<'time' | 'distance'>('time', 'distance'),
        fc.constantFrom<'km' | 'mi'>('km', 'mi'),
        fc.boolean(),
        (gaps, stepSpec, x, unit, one) => {
          const times = gaps.reduce<number[]>((ts, g) => [...ts, ts.at(-1)! + (one ? 1 : g)], [0]);
          const endT = times.at(-1)!;
          const samples = run(times, (t) => 8 + (t % 60) / 10);
          // Each step starts at its own moment (a mark records the steps in the order they ran; two at one moment would leave the order to it).
          const steps = [{ fromT: 0, speedKmh: stepSpec[0]!.speedKmh }, ...stepSpec.slice(1).map((s) => ({ fromT: s.at * endT * 1.2, speedKmh: s.speedKmh }))]
            .filter((s, i, all) => all.findIndex((o) => o.fromT === s.fromT) === i);
          const stretches = plannedPace({ steps }, samples, x, unit);
          const shuffled = plannedPace({ steps: [...steps].reverse() }, samples, x, unit);
          expect(shuffled).to.deep.equal(stretches);
          const xs = x === 'time' ? samples.t : samples.distanceM;
          stretches.forEach((s, i) => {
            expect(s.to).to.be.greaterThan(s.from);
            expect(s.from).to.be.at.least(xs[0]!);
            expect(s.to).to.be.at.most(xs.at(-1)!);
            if (i > 0) expect(s.from).to.be.at.least(stretches[i - 1]!.to);
            expect(steps.some((step) => step.speedKmh !== null && Math.abs(pace(step.speedKmh, unit) - s.paceS) < 1e-9)).to.equal(true);
          });
          if (x === 'time' && steps.every((s) => s.speedKmh !== null)) {
            const covered = stretches.reduce((sum, s) => sum + (s.to - s.from), 0);
            expect(covered).to.be.closeTo(endT, 1e-6);
          }
        },
      ),
      { numRuns: invariantRuns(150) },
    );
  });
});
