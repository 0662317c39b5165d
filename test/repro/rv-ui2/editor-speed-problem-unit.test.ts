// rv-ui2: a runner in miles who types a speed no treadmill runs is told the allowed range in km/h
// ("the speed must be between 1 and 30 km/h"), a unit their boxes never show; they have to convert
// 30 km/h to mph in their head to fix a box labelled mph (or min/mi).
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/stride-workout-editor.js';
import type { StrideWorkoutEditor } from '../../../src/components/stride-workout-editor.js';
import type { Workout } from '../../../src/workout/workout-types.js';

const one = (): Workout => ({
  id: 'w1', name: 'Fast', origin: 'mine', updatedAt: 1,
  items: [{ kind: 'step', name: 'Run', intensity: 'active', length: { kind: 'time', seconds: 60 }, speedKmh: 12, inclinePercent: null, cadence: null }],
});

describe('rv-ui2 editor problems in the runner’s unit', () => {
  it('a speed over the limit typed in mph is refused with the limit in mph, not km/h', async () => {
    // Issue 19: speeds in the runner's unit everywhere; the editor's own boxes say mph.
    const el = await fixture<StrideWorkoutEditor>(html`<stride-workout-editor .workout=${one()} unit="mi"></stride-workout-editor>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#speed-0')!;
    input.value = '20';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#save')!.click();
    await el.updateComplete;
    const problems = [...el.shadowRoot!.querySelectorAll('#problems li')].map((li) => li.textContent ?? '');
    const speedProblem = problems.find((p) => p.includes('speed'));
    expect(speedProblem, 'a problem about the speed').to.not.equal(undefined);
    expect(speedProblem).to.contain('mph');
    expect(speedProblem).to.not.contain('km/h');
  });
});
