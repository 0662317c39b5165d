// rv-ui2: a pace typed in the workout editor must read back as typed, in the box at once and
// after save and reload. The editor keeps a typed pace as km/h rounded to a thousandth, and the
// box shows that speed's pace cut to the second; about half of all whole-second paces come back
// a second faster (4:45 /km is kept as 12.632 km/h = 4:44.99 /km, shown "4:44").
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/stride-workout-editor.js';
import type { StrideWorkoutEditor } from '../../../src/components/stride-workout-editor.js';
import type { Workout, WorkoutStep } from '../../../src/workout/workout-types.js';

const one = (): Workout => ({
  id: 'w1', name: 'Tempo', origin: 'mine', updatedAt: 1,
  items: [{ kind: 'step', name: 'Run', intensity: 'active', length: { kind: 'time', seconds: 600 }, speedKmh: 12, inclinePercent: null, cadence: null }],
});
const editor = (workout: Workout, unit: string) => fixture<StrideWorkoutEditor>(html`<stride-workout-editor .workout=${workout} unit=${unit}></stride-workout-editor>`);
const box = (el: StrideWorkoutEditor, id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
async function pick(el: StrideWorkoutEditor, id: string): Promise<void> {
  const radio = box(el, id);
  radio.checked = true;
  radio.dispatchEvent(new Event('change'));
  await el.updateComplete;
}
async function type(el: StrideWorkoutEditor, id: string, value: string): Promise<void> {
  const input = box(el, id);
  input.value = value;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}
async function save(el: StrideWorkoutEditor): Promise<Workout | null> {
  let saved: Workout | null = null;
  el.addEventListener('save', (e) => { saved = (e as CustomEvent<Workout>).detail; }, { once: true });
  el.shadowRoot!.querySelector<HTMLButtonElement>('#save')!.click();
  await el.updateComplete;
  return saved;
}

describe('rv-ui2 editor pace round trip', () => {
  for (const [unit, pace] of [['km', '4:45'], ['km', '6:30'], ['mi', '8:45'], ['mi', '5:15']] as const) {
    it(`a pace typed as ${pace} /${unit} stays ${pace} in its box, and after save and reopening`, async () => {
      // Issue 19: the editor takes "speed or pace in the runner's unit". A runner who types their
      // goal pace and sees it turn one second faster (and the workout run at it) has lost input.
      const el = await editor(one(), unit);
      await pick(el, 'form-pace');
      await type(el, 'speed-0', pace);
      expect(box(el, 'speed-0').value, 'box right after typing').to.equal(pace);
      const saved = (await save(el))!;
      expect(saved).to.not.equal(null);
      const reopened = await editor(saved, unit);
      await pick(reopened, 'form-pace');
      expect(box(reopened, 'speed-0').value, `reopened (stored ${(saved.items[0] as WorkoutStep).speedKmh} km/h)`).to.equal(pace);
    });
  }
});
