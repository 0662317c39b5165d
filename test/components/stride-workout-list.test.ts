// Workouts as cards: the name as text, the length as far as the plan knows it, the steps in a
// line in the runner's unit, and the actions given; and the words a workout's steps are said in.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/stride-workout-list.js';
import { type StrideWorkoutList, type WorkoutActionDetail, totalsWords } from '../../src/components/stride-workout-list.js';
import { parseLength } from '../../src/components/workout-fields.js';
import { beltSpeedText, distanceText, itemsSummary, paceText, stepLine, timeText } from '../../src/components/workout-format.js';
import { libraryWorkouts } from '../../src/workout/workout-library.js';
import type { Workout } from '../../src/workout/workout-types.js';
import { themes, useTheme } from '../support/app-theme.js';

const mine: Workout = {
  id: 'm1', name: '<img src=x> Hill day', origin: 'mine', updatedAt: 1,
  items: [
    { kind: 'step', name: 'Easy', intensity: 'warmup', length: { kind: 'time', seconds: 600 }, speedKmh: 9, inclinePercent: null, cadence: null },
    { kind: 'repeat', times: 4, steps: [{ kind: 'step', name: 'Hill', intensity: 'active', length: { kind: 'distance', metres: 400 }, speedKmh: 10, inclinePercent: 6, cadence: null }] },
  ],
};

describe('workout words', () => {
  for (const miles of ['1', '5']) {
    it(`a step typed as ${miles} mi is listed as ${miles}.00 mi, not a hundredth short`, () => {
      // A distance typed in miles was kept to a tenth of a metre (1609.3 m a mile), and the list cuts to the hundredth.
      const typed = parseLength(miles, 'distance', 'mi');
      if (!typed.ok) throw new Error(typed.problem);
      const workout: Workout = { id: 'w', name: 'Miles', origin: 'mine', updatedAt: 1,
        items: [{ kind: 'step', name: 'Tempo', intensity: 'active', length: typed.value, speedKmh: 12, inclinePercent: null, cadence: null }] };
      expect(totalsWords(workout, 'mi')).to.contain(`${miles}.00 mi`);
    });
  }

  it('says speeds, paces, times and distances as a runner reads them', () => {
    expect(beltSpeedText(12, 'km')).to.equal('12.0 km/h');
    expect(beltSpeedText(12.07, 'mi')).to.equal('7.5 mph');
    expect(paceText(12, 'km')).to.equal('5:00 min/km');
    expect(timeText(45)).to.equal('45 s');
    expect(timeText(180)).to.equal('3 min');
    expect(timeText(90)).to.equal('1:30 min');
    // An hour or more reads as a clock: "1:01:30 min" would be hours written as minutes.
    expect(timeText(3690)).to.equal('1:01:30');
    expect(timeText(3600)).to.equal('1:00:00');
    expect(timeText(3540)).to.equal('59 min');
    expect(distanceText(400, 'km')).to.equal('400 m');
    expect(distanceText(1500, 'km')).to.equal('1.5 km');
    expect(distanceText(402.336, 'mi')).to.equal('0.25 mi');
    expect(stepLine({ name: 'Hill', length: { kind: 'time', seconds: 120 }, speedKmh: null, inclinePercent: 5, cadence: 170 }, 'km'))
      .to.equal('Hill: 2 min, speed as it is, incline 5 %, 170 steps/min');
    expect(itemsSummary(mine.items, 'km')).to.equal('Easy 10 min, 4 × (Hill 400 m)');
  });

  it('gives a workout’s length from its plan: time and distance when every step has a speed', () => {
    // 600 s at 9 km/h is 1500 m; 4 × 400 m at 10 km/h is 1600 m in 576 s.
    expect(totalsWords(mine, 'km')).to.equal('About 20 min, 3.10 km');
    const noSpeed: Workout = { ...mine, items: [{ kind: 'step', name: 'Hill', intensity: 'active', length: { kind: 'distance', metres: 400 }, speedKmh: null, inclinePercent: 6, cadence: null }] };
    expect(totalsWords(noSpeed, 'km')).to.equal('About 0.40 km');
    const short: Workout = { ...mine, items: [{ kind: 'step', name: 'Strides', intensity: 'active', length: { kind: 'time', seconds: 20 }, speedKmh: 18, inclinePercent: null, cadence: null }] };
    expect(totalsWords(short, 'km')).to.equal('Under a minute, 0.10 km');
  });
});

describe('stride-workout-list', () => {
  it('shows each workout with its actions, the name as text, and emits the action pressed', async () => {
    const el = await fixture<StrideWorkoutList>(html`<stride-workout-list .workouts=${[mine]} unit="km" .actions=${['start', 'edit', 'delete']}></stride-workout-list>`);
    const card = el.shadowRoot!.querySelector('#workout-m1')!;
    expect(card.querySelector('h3')!.textContent).to.equal('<img src=x> Hill day');
    expect(card.querySelector('img')).to.equal(null);
    expect([...card.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal(['Start', 'Edit', 'Delete']);
    setTimeout(() => card.querySelector<HTMLButtonElement>('[data-action="edit"]')!.click());
    const { detail } = (await oneEvent(el, 'workout-action')) as CustomEvent<WorkoutActionDetail>;
    expect(detail).to.deep.equal({ action: 'edit', workout: mine });
    el.busy = true;
    await el.updateComplete;
    expect(card.querySelector<HTMLButtonElement>('[data-action="start"]')!.disabled).to.equal(true);
  });

  it('lists the library at the runner’s easy pace, and meets AA in both themes', async () => {
    const el = await fixture<StrideWorkoutList>(html`<stride-workout-list .workouts=${libraryWorkouts(10)} unit="mi" .actions=${['start', 'copy']}></stride-workout-list>`);
    expect(el.shadowRoot!.querySelectorAll('li')).to.have.length(libraryWorkouts(10).length);
    expect(el.shadowRoot!.querySelector('#workout-library-intervals .summary')!.textContent).to.contain('6 × (Hard 3 min, Easy 2 min)');
    for (const theme of themes) {
      await useTheme(theme);
      await expect(el).to.be.accessible();
    }
    await useTheme('dark');
  });
});
