// The workout editor: steps by time or distance, speed or pace in the runner's unit, incline,
// cadence and repeats; a box that cannot be read is said beside the form and changes nothing; the
// rules' problems in words on Save, and Save only for a workout that can run.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/stride-workout-editor.js';
import type { StrideWorkoutEditor } from '../../src/components/stride-workout-editor.js';
import type { Workout, WorkoutRepeat, WorkoutStep } from '../../src/workout/workout-types.js';
import { themes, useTheme } from '../support/app-theme.js';

const intervals = (): Workout => ({
  id: 'w1', name: 'Tuesday <i>intervals</i>', origin: 'mine', updatedAt: 1,
  items: [
    { kind: 'step', name: 'Warm-up', intensity: 'warmup', length: { kind: 'time', seconds: 600 }, speedKmh: 9, inclinePercent: 1, cadence: null },
    { kind: 'repeat', times: 6, steps: [
      { kind: 'step', name: 'Hard', intensity: 'active', length: { kind: 'time', seconds: 180 }, speedKmh: 13.5, inclinePercent: null, cadence: 175 },
      { kind: 'step', name: 'Easy', intensity: 'recovery', length: { kind: 'distance', metres: 400 }, speedKmh: 9, inclinePercent: null, cadence: null },
    ] },
  ],
});

const editor = (workout: Workout, unit = 'km') => fixture<StrideWorkoutEditor>(html`<stride-workout-editor .workout=${workout} unit=${unit}></stride-workout-editor>`);
const box = (el: StrideWorkoutEditor, id: string) => el.shadowRoot!.querySelector<HTMLInputElement & HTMLSelectElement>(`#${id}`)!;
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
const problems = (el: StrideWorkoutEditor) => [...el.shadowRoot!.querySelectorAll('#problems li')].map((li) => li.textContent);
const repeatSteps = (w: Workout) => (w.items[1] as WorkoutRepeat).steps;

const one = (change: Partial<WorkoutStep> = {}): Workout => ({
  id: 'w1', name: 'Tempo', origin: 'mine', updatedAt: 1,
  items: [{ kind: 'step', name: 'Run', intensity: 'active', length: { kind: 'time', seconds: 600 }, speedKmh: 12, inclinePercent: null, cadence: null, ...change }],
});
const named = (name: string): WorkoutStep => ({ kind: 'step', name, intensity: 'active', length: { kind: 'time', seconds: 120 }, speedKmh: 10, inclinePercent: null, cadence: null });
const order = (el: StrideWorkoutEditor) => el.draft!.items.map((i) => (i as WorkoutStep).name);
async function pick(el: StrideWorkoutEditor, id: string): Promise<void> {
  box(el, id).checked = true;
  box(el, id).dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('stride-workout-editor: what is typed reads back as typed', () => {
  for (const [unit, pace] of [['km', '4:45'], ['km', '6:30'], ['mi', '8:45'], ['mi', '5:15']] as const) {
    it(`a pace typed as ${pace} /${unit} stays ${pace} in its box, and after save and reopening`, async () => {
      // Its speed was rounded to a thousandth of a km/h: 4:45 /km came back 4:44, and ran a second fast.
      const el = await editor(one(), unit);
      await pick(el, 'form-pace');
      await type(el, 'speed-0', pace);
      expect(box(el, 'speed-0').value, 'right after typing').to.equal(pace);
      const saved = (await save(el))!;
      const reopened = await editor(saved, unit);
      await pick(reopened, 'form-pace');
      expect(box(reopened, 'speed-0').value, 'reopened').to.equal(pace);
    });
  }

  it('a speed over the limit typed in mph is refused with the limit in mph', async () => {
    const el = await editor(one(), 'mi');
    await type(el, 'speed-0', '20');
    expect(await save(el)).to.equal(null);
    const speedProblem = problems(el).find((p) => p!.includes('speed'));
    expect(speedProblem).to.equal('Step 1 (“Run”): the speed must be between 0.7 and 18.6 mph.');
  });

  it('a step switched from time to distance gets a round distance in the runner’s unit', async () => {
    // 10 min at 12 km/h is 2000 m: 1.24 mi, shown as a quarter mile's multiple, 1.25.
    const el = await editor(one(), 'mi');
    box(el, 'by-0').value = 'distance';
    box(el, 'by-0').dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(box(el, 'length-0').value).to.equal('1.25');
  });

  it('adding or removing a step in a repeat keeps what was typed, unreadable, in another item’s box', async () => {
    // Items before and after the repeat: neither moves when a step of the repeat comes or goes.
    const el = await editor({ ...intervals(), items: [...intervals().items, named('After')] });
    await type(el, 'speed-0', 'fast');
    await type(el, 'speed-2', 'faster');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#add-in-1')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#remove-1-0')!.click();
    await el.updateComplete;
    expect([box(el, 'speed-0').value, box(el, 'speed-2').value]).to.deep.equal(['fast', 'faster']);
    expect(problems(el).map((p) => p!.split(':')[0])).to.deep.equal(['Step 1', 'Step 4']);
    // Focus goes to the step now in the removed one's place.
    expect(el.shadowRoot!.activeElement?.id).to.equal('name-1-0');
  });
});

describe('stride-workout-editor from the keyboard', () => {
  it('Move up pressed twice moves the same step up twice: focus follows the moved step', async () => {
    // Items are drawn by position; the focused button belonged to the other step after a move, and pressed again undid it.
    const el = await editor({ id: 'w1', name: 'Three', origin: 'mine', updatedAt: 1, items: [named('A'), named('B'), named('C')] });
    box(el, 'up-2').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['A', 'C', 'B']);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['C', 'A', 'B']);
    // At the top Move up cannot be pressed: focus goes to the step's Move down.
    expect(el.shadowRoot!.activeElement?.id).to.equal('down-0');
  });

  it('after Remove, focus goes to the step now in its place, or to Add a step after the last', async () => {
    const el = await editor({ id: 'w1', name: 'Three', origin: 'mine', updatedAt: 1, items: [named('A'), named('B'), named('C')] });
    box(el, 'remove-1').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['A', 'C']);
    expect(el.shadowRoot!.activeElement?.id).to.equal('name-1');
    box(el, 'remove-1').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['A']);
    expect(el.shadowRoot!.activeElement?.id).to.equal('add-step');
  });
});

describe('stride-workout-editor', () => {
  it('shows each step’s boxes in the runner’s unit, the name as text, and saves what is typed as km/h', async () => {
    const el = await editor(intervals());
    expect(box(el, 'workout-name').value).to.equal('Tuesday <i>intervals</i>');
    expect(box(el, 'length-0').value).to.equal('10:00');
    expect(box(el, 'speed-0').value).to.equal('9.0');
    expect(box(el, 'incline-0').value).to.equal('1');
    expect(box(el, 'length-1-1').value).to.equal('400');
    expect(box(el, 'cadence-1-0').value).to.equal('175');
    expect(box(el, 'times-1').value).to.equal('6');
    expect([...el.shadowRoot!.querySelectorAll('legend')].map((l) => l.textContent)).to.include.members(['Step 1', 'Repeat 1', 'Step 2, in repeat 1', 'Step 3, in repeat 1']);

    await type(el, 'speed-1-0', '14');
    await type(el, 'times-1', '8');
    await type(el, 'cadence-0', '170');
    await type(el, 'incline-1-0', '');
    const saved = (await save(el))!;
    expect(saved).to.not.equal(null);
    expect(repeatSteps(saved)[0]!.speedKmh).to.equal(14);
    expect((saved.items[1] as WorkoutRepeat).times).to.equal(8);
    expect((saved.items[0] as WorkoutStep).cadence).to.equal(170);
    expect(saved.id).to.equal('w1');
  });

  it('types speeds as pace, and in miles, and keeps km/h stored', async () => {
    const el = await editor(intervals(), 'mi');
    // 9 km/h is 5.592 mph: to the hundredth, cut, never shown faster than the step runs.
    expect(box(el, 'speed-0').value).to.equal('5.59');
    box(el, 'form-pace').click();
    await el.updateComplete;
    // 9 km/h is 643.7 s/mi: cut to the second as everywhere in the app.
    expect(box(el, 'speed-0').value).to.equal('10:43');
    await type(el, 'speed-0', '10:00');
    await type(el, 'length-1-1', '0.5');
    const saved = (await save(el))!;
    expect((saved.items[0] as WorkoutStep).speedKmh).to.be.closeTo(9.656, 0.001);
    expect(repeatSteps(saved)[1]!.length).to.deep.equal({ kind: 'distance', metres: 804.672 });
  });

  it('says which box cannot be read, keeps the step as it was, and saves nothing until it is fixed', async () => {
    const el = await editor(intervals());
    await type(el, 'speed-1-0', 'fast');
    expect(problems(el)).to.deep.equal(["Step 2, in repeat 1: type the speed in km/h, for example 12.5, or leave it empty to keep the belt's speed."]);
    expect(box(el, 'speed-1-0').getAttribute('aria-invalid')).to.equal('true');
    // The step keeps the speed it had; the box keeps what was typed, to be fixed.
    expect(repeatSteps(el.draft!)[0]!.speedKmh).to.equal(13.5);
    expect(box(el, 'speed-1-0').value).to.equal('fast');
    expect(await save(el)).to.equal(null);
    await type(el, 'speed-1-0', '12');
    expect(problems(el)).to.deep.equal([]);
    expect(repeatSteps((await save(el))!)[0]!.speedKmh).to.equal(12);
  });

  it('lists the rules’ problems in words on Save: a speed no treadmill runs, an empty repeat, no name', async () => {
    const el = await editor(intervals());
    await type(el, 'speed-0', '45');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#remove-1-0')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#remove-1-0')!.click();
    await el.updateComplete;
    await type(el, 'workout-name', '  ');
    expect(await save(el)).to.equal(null);
    const said = problems(el);
    expect(said).to.include('Give the workout a name.');
    expect(said).to.include('A repeat has no steps.');
    expect(said.some((p) => p!.startsWith('Step 1') && p!.includes('km/h'))).to.equal(true, said.join(' | '));
    expect(el.shadowRoot!.activeElement?.id).to.equal('problems');
  });

  it('adds steps and repeats, moves and removes them, and switches a step between time and distance', async () => {
    const el = await editor({ id: 'new', name: 'Mine', items: [], origin: 'mine', updatedAt: 0 });
    expect(await save(el)).to.equal(null);
    expect(problems(el)).to.include('The workout has no steps.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#add-step')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#add-repeat')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#add-in-1')!.click();
    await el.updateComplete;
    await type(el, 'speed-0', '10');
    box(el, 'by-0').value = 'distance';
    box(el, 'by-0').dispatchEvent(new Event('change'));
    await el.updateComplete;
    // 5 min at 10 km/h is 833 m: the step keeps about its length, to 100 m.
    expect(box(el, 'length-0').value).to.equal('800');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#down-0')!.click();
    await el.updateComplete;
    const saved = (await save(el))!;
    expect(saved.items.map((i) => i.kind)).to.deep.equal(['repeat', 'step']);
    expect((saved.items[0] as WorkoutRepeat).steps).to.have.length(3);
    expect((saved.items[1] as WorkoutStep).length).to.deep.equal({ kind: 'distance', metres: 800 });
    el.shadowRoot!.querySelector<HTMLButtonElement>('#remove-0')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('fieldset.repeat')).to.have.length(0);
  });

  it('after moving a step, its selects and boxes show its own kind, length and values', async () => {
    const workout: Workout = { ...intervals(), items: [
      { kind: 'step', name: 'A', intensity: 'warmup', length: { kind: 'distance', metres: 400 }, speedKmh: 9, inclinePercent: null, cadence: null },
      { kind: 'step', name: 'B', intensity: 'active', length: { kind: 'time', seconds: 300 }, speedKmh: 12, inclinePercent: null, cadence: null },
    ] };
    const el = await editor(workout);
    // Picked in by the runner and put back: Chromium then ignores the options' `selected` attributes.
    for (const [id, value] of [['by-0', 'time'], ['by-0', 'distance'], ['intensity-0', 'active'], ['intensity-0', 'warmup']]) await type(el, id!, value!);
    // A box left unreadable goes with the move too: the step in its place shows its own speed.
    await type(el, 'speed-1', 'fast');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#down-0')!.click();
    await el.updateComplete;
    expect(['name-0', 'by-0', 'intensity-0', 'length-0', 'speed-0', 'name-1', 'by-1', 'intensity-1', 'length-1', 'speed-1'].map((id) => box(el, id).value))
      .to.deep.equal(['B', 'time', 'active', '5:00', '12.0', 'A', 'distance', 'warmup', '400', '9.0']);
    expect(problems(el)).to.deep.equal([]);
  });

  it('switching to pace clears an unreadable speed box’s problem, since the box is drawn again as a pace', async () => {
    const el = await editor(intervals());
    await type(el, 'speed-0', 'fast');
    expect(problems(el)).to.have.length(1);
    box(el, 'form-pace').click();
    await el.updateComplete;
    expect(box(el, 'speed-0').value).to.equal('6:40');
    expect(problems(el)).to.deep.equal([]);
    expect(await save(el), 'saved').to.not.equal(null);
  });

  it('Cancel says so and saves nothing', async () => {
    const el = await editor(intervals());
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('#cancel')!.click());
    await oneEvent(el, 'cancel');
  });

  it('meets AA in both themes, with a problem shown', async () => {
    const el = await editor(intervals());
    await type(el, 'cadence-0', 'quick');
    for (const theme of themes) {
      await useTheme(theme);
      await expect(el).to.be.accessible();
    }
    await useTheme('dark');
  });
});
