// rv-ui2: after the first-time question is answered Confirm from the keyboard, the dialog goes
// away with the focus on it, and the focus falls to the page's start: Stop, the one button that
// must always be at hand while the belt is driven, is no longer a Tab away.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/stride-workout-strip.js';
import type { StrideWorkoutStrip, WorkoutStripView } from '../../../src/components/stride-workout-strip.js';
import type { PlannedStep } from '../../../src/workout/workout-types.js';

const steps: PlannedStep[] = [
  { index: 0, name: 'Warm-up', intensity: 'warmup', length: { kind: 'time', seconds: 600 }, speedKmh: 9, inclinePercent: null, cadence: null, round: null },
  { index: 1, name: 'Hard', intensity: 'active', length: { kind: 'time', seconds: 180 }, speedKmh: 13.5, inclinePercent: null, cadence: null, round: null },
];
const view = (change: Partial<WorkoutStripView> = {}): WorkoutStripView => ({
  workout: { name: 'Intervals' }, phase: 'confirm', mode: 'belt', modeReason: null, steps,
  position: { stepIndex: 0, done: false, leftS: 600, leftM: null, fraction: 0 },
  beltTargetKmh: null, inclineTarget: null, message: null, lagS: null, ...change,
});

describe('rv-ui2 strip focus after the first-time question', () => {
  it('after Confirm pressed from the keyboard, the focus stays in the workout strip (Stop within reach)', async () => {
    // Issue 19: Stop is always on screen while a workout drives the belt; a keyboard runner who
    // just confirmed must not have to hunt for it from the top of the page.
    const el = await fixture<StrideWorkoutStrip>(html`<stride-workout-strip .view=${view()} unit="km"></stride-workout-strip>`);
    el.addEventListener('confirm', () => { el.view = view({ phase: 'starting' }); });
    el.shadowRoot!.querySelector<HTMLButtonElement>('#confirm')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.view!.phase).to.equal('starting');
    expect(el.shadowRoot!.activeElement, 'focused element in the strip').to.not.equal(null);
  });
});
