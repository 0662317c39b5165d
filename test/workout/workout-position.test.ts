import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { planSteps, plannedTotals } from '../../src/workout/workout-plan.js';
import { type StepStart, type WorkoutPosition, WORKOUT_START, positionAt } from '../../src/workout/workout-position.js';
import type { Workout, WorkoutStep } from '../../src/workout/workout-types.js';
import { generatedWorkout, steadyWorkout } from '../support/generated-workouts.js';
import { invariantRuns } from '../support/invariant-runs.js';

const step = (name: string, length: WorkoutStep['length'], speedKmh: number | null): WorkoutStep => ({
  kind: 'step', name, intensity: 'active', length, speedKmh, inclinePercent: null, cadence: null,
});
const plan = (...items: Workout['items']) => planSteps({ id: 'w', name: 'W', items, origin: 'mine', updatedAt: 0 });
const brief = (p: WorkoutPosition) => ({ step: p.stepIndex, done: p.done, leftS: p.leftS, leftM: p.leftM, fraction: Number(p.fraction.toFixed(4)) });

describe('positionAt', () => {
  const steps = plan(step('Warm', { kind: 'time', seconds: 180 }, 9), step('Hard', { kind: 'time', seconds: 120 }, 12));

  it('a step of 180 s covers [0, 180): at exactly 180 s the next is current', () => {
    expect(brief(positionAt(steps, { seconds: 179.999, metres: 450 })).step).to.equal(0);
    expect(brief(positionAt(steps, { seconds: 180, metres: 450 }))).to.deep.equal({ step: 1, done: false, leftS: 120, leftM: null, fraction: 0.6 });
    expect(brief(positionAt(steps, { seconds: 299, metres: 800 }))).to.deep.equal({ step: 1, done: false, leftS: 1, leftM: null, fraction: 0.9967 });
    expect(brief(positionAt(steps, { seconds: 300, metres: 850 }))).to.deep.equal({ step: 1, done: true, leftS: 0, leftM: null, fraction: 1 });
  });

  it('counts a distance step by its distance, and the time after it from where it ended', () => {
    const mixed = plan(step('Km', { kind: 'distance', metres: 1000 }, 10), step('Jog', { kind: 'time', seconds: 60 }, 8));
    // 1000 m at 10 km/h is 360 s; the run went 1100 m in 400 s, steadily: the km ended at 363.6 s.
    const p = positionAt(mixed, { seconds: 400, metres: 1100 });
    expect(p.stepIndex).to.equal(1);
    expect(p.stepElapsedS).to.be.closeTo(400 - 4000 / 11, 1e-9);
    expect(p.stepCoveredM).to.be.closeTo(100, 1e-9);
    expect(positionAt(mixed, { seconds: 300, metres: 500 })).to.deep.equal({ stepIndex: 0, done: false, stepElapsedS: 300, stepCoveredM: 500, leftS: null, leftM: 500, fraction: 500 / 1000 * 360 / 420 });
  });

  it('goes on from the step start the runner kept (a skip, or a distance step ended earlier)', () => {
    const from: StepStart = { stepIndex: 1, seconds: 100, metres: 250 };
    expect(positionAt(steps, { seconds: 130, metres: 350 }, from)).to.deep.equal({ stepIndex: 1, done: false, stepElapsedS: 30, stepCoveredM: 100, leftS: 90, leftM: null, fraction: (180 + 30) / 300 });
  });

  it('is done at once with no steps, and takes nonsense progress as the start', () => {
    expect(positionAt([], { seconds: 10, metres: 10 }).done).to.equal(true);
    expect(brief(positionAt(steps, { seconds: Number.NaN, metres: -5 }))).to.deep.equal({ step: 0, done: false, leftS: 180, leftM: null, fraction: 0 });
  });
});

/** A run's progress at each tick: speeds (km/h) held for tick lengths, standing (0) included. */
const runTicks = fc.array(fc.record({ dtS: fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 4, noNaN: true })), kmh: fc.oneof(fc.constant(0), fc.double({ min: 3, max: 20, noNaN: true })) }), { minLength: 20, maxLength: 400 });

function progressOf(ticks: { dtS: number; kmh: number }[]): { seconds: number; metres: number }[] {
  let seconds = 0;
  let metres = 0;
  return ticks.map(({ dtS, kmh }) => ({ seconds: (seconds += dtS), metres: (metres += (kmh / 3.6) * dtS) }));
}

/** Where the step now current began, as a runner keeps it. */
const startOf = (p: WorkoutPosition, at: { seconds: number; metres: number }): StepStart => ({ stepIndex: p.stepIndex, seconds: at.seconds - p.stepElapsedS, metres: at.metres - p.stepCoveredM });

describe('positionAt, a done step kept as the start', () => {
  it('stays done when the kept start loses its last bits (a generated run found it going back)', () => {
    const steps = planSteps({ id: 'w', name: 'W', origin: 'mine', updatedAt: 0, items: [{ kind: 'step', name: 'Hard', intensity: 'warmup', length: { kind: 'distance', metres: 28 }, speedKmh: null, inclinePercent: null, cadence: null }] } as Workout);
    const from: StepStart = { stepIndex: 0, seconds: 3.011269804536095, metres: 5.658976400918927 };
    const p = positionAt(steps, { seconds: 18.42356391829802, metres: 33.658976400918924 }, from);
    expect([p.done, p.fraction]).to.deep.equal([true, 1]);
  });
});

describe('positionAt over generated workouts and runs', () => {
  it('never goes back as the run goes on (pauses and standing included, ticks of 1 s or irregular)', () => {
    fc.assert(
      fc.property(generatedWorkout, runTicks, fc.boolean(), (workout, ticks, keepStart) => {
        const steps = planSteps(workout);
        let from = WORKOUT_START;
        let last = { stepIndex: 0, done: false, fraction: 0 };
        for (const at of progressOf(ticks)) {
          const p = positionAt(steps, at, from);
          const key = `${p.stepIndex}${p.done}`;
          expect(p.stepIndex >= last.stepIndex && (!last.done || p.done), `step at ${at.seconds} s (${key})`).to.equal(true);
          expect(p.fraction, `fraction at ${at.seconds} s`).to.be.at.least(last.fraction - 1e-12);
          expect(p.fraction).to.be.within(0, 1);
          if (keepStart) from = startOf(p, at);
          last = p;
        }
      }),
      { numRuns: invariantRuns(150) },
    );
  });

  it('at one steady speed, each step takes its planned time, in order, adding up to plannedTotals', () => {
    fc.assert(
      fc.property(steadyWorkout, ({ workout, kmh }) => {
        const steps = planSteps(workout);
        const mps = kmh / 3.6;
        const total = plannedTotals(steps).seconds!;
        let startS = 0;
        let summed = 0;
        for (const s of steps) {
          const planned = s.length.kind === 'time' ? s.length.seconds : s.length.metres / mps;
          const mid = startS + planned / 2;
          const p = positionAt(steps, { seconds: mid, metres: mid * mps });
          expect(p.stepIndex, `step in the middle of step ${s.index}`).to.equal(s.index);
          expect(p.stepElapsedS).to.be.closeTo(planned / 2, 1e-6);
          const lasts = p.stepElapsedS + (p.leftS ?? p.leftM! / mps);
          expect(lasts, `step ${s.index} lasts`).to.be.closeTo(planned, 1e-6);
          summed += lasts;
          startS += planned;
        }
        expect(summed).to.be.closeTo(total, 1e-6);
        expect(positionAt(steps, { seconds: total - 1e-6, metres: (total - 1e-6) * mps }).done).to.equal(false);
        expect(positionAt(steps, { seconds: total + 1e-6, metres: (total + 1e-6) * mps }).done).to.equal(true);
      }),
      { numRuns: invariantRuns(150) },
    );
  });
});
