// rv-ui repro: the workout editor and the step lengths as a runner reads them.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/stride-workout-editor.js';
import type { StrideWorkoutEditor } from '../../../src/components/stride-workout-editor.js';
import { timeText } from '../../../src/components/workout-format.js';
import type { Workout } from '../../../src/workout/workout-types.js';

const one = (): Workout => ({
  id: 'w', name: 'W', origin: 'mine', updatedAt: 0, items: [
    { kind: 'step', name: 'A', intensity: 'active', length: { kind: 'time', seconds: 300 }, speedKmh: 12, inclinePercent: null, cadence: null },
  ],
});
const editor = (w: Workout) => fixture<StrideWorkoutEditor>(html`<stride-workout-editor .workout=${w} unit="km"></stride-workout-editor>`);
const box = (el: StrideWorkoutEditor, id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;

describe('rv-ui: the workout editor', () => {
  // The runner types "fast" in the speed box (refused: "Step 1: type the speed in km/h…"), then
  // switches "Type speeds as" to Pace. The box is redrawn with the step's real pace (5:00), so
  // nothing on screen is wrong any more, but the old box problem stays listed and Save does
  // nothing: a workout that can run cannot be saved until the runner retypes a box that looks right.
  it('after switching to pace, a box that now shows a readable value does not keep Save blocked', async () => {
    const el = await editor(one());
    const speed = box(el, 'speed-0');
    speed.value = 'fast';
    speed.dispatchEvent(new Event('change'));
    await el.updateComplete;
    box(el, 'form-pace').click();
    await el.updateComplete;
    expect(box(el, 'speed-0').value).to.equal('5:00');
    let saved: Workout | null = null;
    el.addEventListener('save', (e) => { saved = (e as CustomEvent<Workout>).detail; });
    box(el, 'save').click();
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('#problems li')].map((li) => li.textContent)).to.deep.equal([]);
    expect(saved, 'saved').to.not.equal(null);
  });

  // A step of 1 h 1 min 30 s (a long run imported from a watch) reads "1:01:30 min" in the list, the
  // strip's "Next:" line and the editor's summary: hours written as if they were minutes.
  it('a step over an hour is not written as minutes', () => {
    expect(timeText(3690)).to.not.match(/^1:01:30 min$/);
  });
});
