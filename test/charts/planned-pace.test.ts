// A workout's planned pace on a run's pace chart: each step of the recording's workout mark a
// stretch of the chart's x at its speed's pace. Properties over generated runs (1 s and irregular
// sampling, steps given in any order): stretches in order, never overlapping, inside the run and
// the workout, never over its pauses, and over time covering the workout's unpaused time when
// every step has a speed.
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

  it('stops the last step where the workout ended, the running after it not the plan’s', () => {
    const samples = run(seconds(900));
    expect(plannedPace({ ...mark, toT: 700 }, samples, 'time', 'km').at(-1)).to.deep.equal({ from: 600, to: 700, paceS: pace(9) });
    expect(plannedPace({ ...mark, toT: 400 }, samples, 'time', 'km')).to.deep.equal([{ from: 0, to: 300, paceS: pace(9) }, { from: 300, to: 400, paceS: pace(13.5) }]);
    // A mark ended after the run's last sample (a clock skew) draws to the run's end, as an old one does.
    expect(plannedPace({ ...mark, toT: 2000 }, samples, 'time', 'km')).to.deep.equal(plannedPace(mark, samples, 'time', 'km'));
  });

  it('leaves out the workout’s pauses, an open one to the workout’s end', () => {
    const samples = run(seconds(900));
    expect(plannedPace({ ...mark, pauses: [{ fromT: 100, toT: 160 }, { fromT: 650, toT: null }] }, samples, 'time', 'km')).to.deep.equal([
      { from: 0, to: 100, paceS: pace(9) },
      { from: 160, to: 300, paceS: pace(9) },
      { from: 300, to: 480, paceS: pace(13.5) },
      { from: 600, to: 650, paceS: pace(9) },
    ]);
    // A pause across a step change: the next step is drawn from the resume on.
    expect(plannedPace({ ...mark, pauses: [{ fromT: 250, toT: 350 }] }, samples, 'time', 'km').slice(0, 2)).to.deep.equal([
      { from: 0, to: 250, paceS: pace(9) },
      { from: 350, to: 480, paceS: pace(13.5) },
    ]);
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
        fc.option(fc.double({ min: 0, max: 1.2, noNaN: true }), { nil: undefined }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1.1, noNaN: true }), length: fc.option(fc.double({ min: 0, max: 0.3, noNaN: true }), { nil: null }) }), { maxLength: 5 }),
        (gaps, stepSpec, x, unit, one, endAt, pauseSpec) => {
          const times = gaps.reduce<number[]>((ts, g) => [...ts, ts.at(-1)! + (one ? 1 : g)], [0]);
          const endT = times.at(-1)!;
          const samples = run(times, (t) => 8 + (t % 60) / 10);
          // Each step starts at its own moment (a mark records the steps in the order they ran; two at one moment would leave the order to it).
          const steps = [{ fromT: 0, speedKmh: stepSpec[0]!.speedKmh }, ...stepSpec.slice(1).map((s) => ({ fromT: s.at * endT * 1.2, speedKmh: s.speedKmh }))]
            .filter((s, i, all) => all.findIndex((o) => o.fromT === s.fromT) === i);
          // Pauses as a workout records them: in order, apart, the last perhaps still open.
          const pauses = pauseSpec
            .map((p) => ({ fromT: p.at * endT, toT: p.length === null ? null : (p.at + p.length) * endT }))
            .sort((a, b) => a.fromT - b.fromT)
            .reduce<Array<{ fromT: number; toT: number | null }>>((kept, p) => {
              const last = kept.at(-1);
              return last === undefined || (last.toT !== null && p.fromT >= last.toT) ? [...kept, p] : kept;
            }, []);
          const planned = { steps, pauses, ...(endAt !== undefined ? { toT: endAt * endT } : {}) };
          const stretches = plannedPace(planned, samples, x, unit);
          const shuffled = plannedPace({ ...planned, steps: [...steps].reverse(), pauses: [...pauses].reverse() }, samples, x, unit);
          expect(shuffled).to.deep.equal(stretches);
          const workoutEndT = Math.min(endT, planned.toT ?? endT);
          const xs = x === 'time' ? samples.t : samples.distanceM;
          const xAt = (t: number) => (x === 'time' ? t : samples.distanceM[samples.t.findIndex((st) => st >= t)] ?? samples.distanceM.at(-1)!);
          stretches.forEach((s, i) => {
            expect(s.to).to.be.greaterThan(s.from);
            expect(s.from).to.be.at.least(xs[0]!);
            expect(s.to).to.be.at.most(xAt(workoutEndT));
            if (i > 0) expect(s.from).to.be.at.least(stretches[i - 1]!.to);
            expect(steps.some((step) => step.speedKmh !== null && Math.abs(pace(step.speedKmh, unit) - s.paceS) < 1e-9)).to.equal(true);
            if (x === 'time') {
              for (const p of pauses) expect(s.to <= p.fromT || s.from >= (p.toT ?? workoutEndT), `${s.from}-${s.to} over a pause`).to.equal(true);
            }
          });
          if (x === 'time' && steps.every((s) => s.speedKmh !== null)) {
            const covered = stretches.reduce((sum, s) => sum + (s.to - s.from), 0);
            const paused = pauses.reduce((sum, p) => sum + Math.max(0, Math.min(p.toT ?? workoutEndT, workoutEndT) - Math.min(p.fromT, workoutEndT)), 0);
            expect(covered).to.be.closeTo(workoutEndT - paused, 1e-6);
          }
        },
      ),
      { numRuns: invariantRuns(150) },
    );
  });
});
