// rv-ui2: the workout editor used from the keyboard alone. Items are drawn by position, so after
// "Move up" the focused button belongs to the other item; pressing it again moves that one back.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/stride-workout-editor.js';
import type { StrideWorkoutEditor } from '../../../src/components/stride-workout-editor.js';
import type { Workout, WorkoutStep } from '../../../src/workout/workout-types.js';

const step = (name: string): WorkoutStep => ({ kind: 'step', name, intensity: 'active', length: { kind: 'time', seconds: 120 }, speedKmh: 10, inclinePercent: null, cadence: null });
const three = (): Workout => ({ id: 'w1', name: 'Three', origin: 'mine', updatedAt: 1, items: [step('A'), step('B'), step('C')] });
const editor = (workout: Workout) => fixture<StrideWorkoutEditor>(html`<stride-workout-editor .workout=${workout} unit="km"></stride-workout-editor>`);
const order = (el: StrideWorkoutEditor) => el.draft!.items.map((i) => (i as WorkoutStep).name);

describe('rv-ui2 editor from the keyboard', () => {
  it('Move up pressed twice with the keyboard moves the same step up twice', async () => {
    // Issue 19 asks for an editor a runner can use; a keyboard user presses Enter on "Move up"
    // again to move the step further and instead undoes their move.
    const el = await editor(three());
    el.shadowRoot!.querySelector<HTMLButtonElement>('#up-2')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['A', 'C', 'B']);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['C', 'A', 'B']);
  });

  it('after Remove pressed with the keyboard, focus stays in the editor', async () => {
    // The pressed button goes away with its step; focus falls to the page's start and a keyboard
    // or screen reader user must find their place in the workout again.
    const el = await editor(three());
    el.shadowRoot!.querySelector<HTMLButtonElement>('#remove-2')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['A', 'B']);
    expect(el.shadowRoot!.activeElement, 'focused element in the editor').to.not.equal(null);
  });
});
