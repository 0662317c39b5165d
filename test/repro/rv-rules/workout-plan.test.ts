// rv-rules: planSteps' guard against huge repeats does not cover a repeat with no steps.
import { expect } from '@open-wc/testing';
import { checkWorkout } from '../../../src/store/workout-check.js';
import { planSteps } from '../../../src/workout/workout-plan.js';
import type { Workout } from '../../../src/workout/workout-types.js';

describe('rv-rules: planSteps on a damaged stored workout', () => {
  // planSteps says "the list stops at MAX_PLANNED_STEPS so a repeat of a million times cannot hang
  // the page", but the loop over rounds only stops when a step was added: a repeat with no steps
  // loops `times` times doing nothing. checkWorkout (the store's read check) accepts any safe
  // integer of times and an empty step list, so a damaged or hand-edited stored workout (or a
  // restored backup) with { kind: 'repeat', times: 9007199254740991, steps: [] } freezes the tab
  // for ever wherever the workout is planned (the list, the editor, Start). Here 1e8 rounds
  // (seconds of a frozen page) stand in for Number.MAX_SAFE_INTEGER (for ever).
  it('plans a repeat with no steps at once, however many times it says', () => {
    const damaged: Workout = {
      id: 'w',
      name: 'Damaged',
      origin: 'mine',
      updatedAt: 0,
      items: [
        { kind: 'step', name: 'Easy', intensity: 'active', length: { kind: 'time', seconds: 60 }, speedKmh: 10, inclinePercent: null, cadence: null },
        { kind: 'repeat', times: 1e8, steps: [] },
      ],
    };
    expect(checkWorkout({ ...damaged, items: [damaged.items[0], { kind: 'repeat', times: Number.MAX_SAFE_INTEGER, steps: [] }] }).ok, 'the store reads it').to.equal(true);
    const started = performance.now();
    const planned = planSteps(damaged);
    const tookMs = performance.now() - started;
    expect(planned.length).to.equal(1);
    expect(tookMs, 'milliseconds to plan').to.be.below(100);
  });
});
