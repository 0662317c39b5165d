import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { planSteps, plannedTotals, workoutProblems } from '../../src/workout/workout-plan.js';
import type { Workout, WorkoutStep } from '../../src/workout/workout-types.js';
import { generatedWorkout } from '../support/generated-workouts.js';
import { invariantRuns } from '../support/invariant-runs.js';

const step = (name: string, length: WorkoutStep['length'], speedKmh: number | null, over: Partial<WorkoutStep> = {}): WorkoutStep => ({
  kind: 'step', name, intensity: 'active', length, speedKmh, inclinePercent: null, cadence: null, ...over,
});
const workout = (items: Workout['items']): Workout => ({ id: 'w', name: 'W', items, origin: 'mine', updatedAt: 0 });
const min = (n: number) => ({ kind: 'time' as const, seconds: n * 60 });

describe('planSteps', () => {
  it('expands repeats in order, numbering rounds', () => {
    const steps = planSteps(workout([step('Warm', min(10), 9), { kind: 'repeat', times: 2, steps: [step('Hard', min(3), 12), step('Easy', min(2), 8.5)] }]));
    expect(steps.map((s) => `${s.index} ${s.name} ${s.round ? `${s.round.n}/${s.round.of}` : '-'}`)).to.deep.equal([
      '0 Warm -', '1 Hard 1/2', '2 Easy 1/2', '3 Hard 2/2', '4 Easy 2/2',
    ]);
    expect(steps[1]).to.deep.equal({ name: 'Hard', intensity: 'active', length: min(3), speedKmh: 12, inclinePercent: null, cadence: null, index: 1, round: { n: 1, of: 2 } });
  });

  it('stops at 200 steps however many times a repeat asks', () => {
    expect(planSteps(workout([{ kind: 'repeat', times: 1e9, steps: [step('A', min(1), 10)] }])).length).to.equal(200);
  });

  it('plans a repeat with no steps at once, however many times it says (a damaged stored workout)', () => {
    const started = performance.now();
    const planned = planSteps(workout([step('Easy', min(1), 10), { kind: 'repeat', times: 1e8, steps: [] }]));
    const tookMs = performance.now() - started;
    expect(planned.map((s) => s.name)).to.deep.equal(['Easy']);
    expect(tookMs, 'milliseconds to plan').to.be.below(100);
  });

  it('has one planned step per step and round (generated workouts)', () => {
    fc.assert(
      fc.property(generatedWorkout, (w) => {
        const expected = w.items.reduce((n, item) => n + (item.kind === 'step' ? 1 : item.times * item.steps.length), 0);
        const steps = planSteps(w);
        expect(steps.length).to.equal(expected);
        steps.forEach((s, i) => expect(s.index).to.equal(i));
      }),
      { numRuns: invariantRuns(100) },
    );
  });
});

describe('workoutProblems', () => {
  it('says nothing of a workout that can run', () => {
    expect(workoutProblems(workout([step('Easy', min(30), 10, { inclinePercent: 1, cadence: 170 })]))).to.deep.equal([]);
  });

  it('says each problem in words', () => {
    expect(workoutProblems(workout([]))).to.deep.equal(['The workout has no steps.']);
    expect(
      workoutProblems(
        workout([
          step('Hard', { kind: 'time', seconds: 0 }, 31),
          step('', { kind: 'distance', metres: 0 }, 0.5, { inclinePercent: 40, cadence: 99 }),
          { kind: 'repeat', times: 51, steps: [step('Hill', min(1), null, { inclinePercent: -11, cadence: 231 }), step('Flat', min(1), Number.NaN)] },
        ]),
      ),
    ).to.deep.equal([
      'Step 1 (“Hard”) lasts no time: give it at least 1 s.',
      'Step 1 (“Hard”): the speed must be between 1 and 30 km/h.',
      'Step 2 covers no distance: give it at least 1 m.',
      'Step 2: the speed must be between 1 and 30 km/h.',
      'Step 2: the incline must be between -10 and 30 %.',
      'Step 2: the cadence must be between 100 and 230 steps/min.',
      'A repeat must run a whole number of times from 1 to 50.',
      'Step 3 (“Hill”): the incline must be between -10 and 30 %.',
      'Step 3 (“Hill”): the cadence must be between 100 and 230 steps/min.',
      'Step 4 (“Flat”): the speed must be between 1 and 30 km/h.',
    ]);
  });

  it('says the speed range in the runner’s unit: in mph, rounded inwards', () => {
    // A runner in miles types mph; a range in km/h would have them convert it to fix their box.
    const fast = workout([step('Fast', { kind: 'time', seconds: 60 }, 32.19)]);
    expect(workoutProblems(fast, 'mi')).to.deep.equal(['Step 1 (“Fast”): the speed must be between 0.7 and 18.6 mph.']);
    expect(workoutProblems(fast)).to.deep.equal(['Step 1 (“Fast”): the speed must be between 1 and 30 km/h.']);
  });

  it('counts planned steps past 200 and empty repeats', () => {
    expect(workoutProblems(workout([{ kind: 'repeat', times: 50, steps: [step('A', min(1), 10), step('B', min(1), 9), step('C', min(1), 9), step('D', min(1), 9), step('E', min(1), 9)] }])))
      .to.deep.equal(['The workout runs 250 steps; at most 200 fit in one workout.']);
    expect(workoutProblems(workout([{ kind: 'repeat', times: 2, steps: [] }]))).to.deep.equal(['The workout has no steps.', 'A repeat has no steps.']);
  });

  it('finds nothing wrong with generated workouts the editor could save', () => {
    fc.assert(fc.property(generatedWorkout, (w) => {
      expect(workoutProblems(w)).to.deep.equal([]);
    }), { numRuns: invariantRuns(100) });
  });
});

describe('plannedTotals', () => {
  it('adds time steps’ distance and distance steps’ time at their speeds', () => {
    const steps = planSteps(workout([step('Warm', min(10), 9), step('Tempo', { kind: 'distance', metres: 3000 }, 12)]));
    expect(plannedTotals(steps)).to.deep.equal({ seconds: 600 + 900, metres: 1500 + 3000 });
  });

  it('leaves a total unknown where a step without a speed makes it so', () => {
    expect(plannedTotals(planSteps(workout([step('Free', min(5), null), step('Km', { kind: 'distance', metres: 1000 }, 10)])))).to.deep.equal({ seconds: 660, metres: null });
    expect(plannedTotals(planSteps(workout([step('Free', { kind: 'distance', metres: 1000 }, null), step('T', min(1), 12)])))).to.deep.equal({ seconds: null, metres: 1200 });
    expect(plannedTotals([])).to.deep.equal({ seconds: 0, metres: 0 });
  });
});
