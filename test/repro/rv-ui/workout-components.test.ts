// rv-ui repro: numbers the workout screens show a runner (strip, editor, Settings' maximums).
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/stride-workout-strip.js';
import '../../../src/components/stride-workout-editor.js';
import '../../../src/components/stride-workout-settings.js';
import type { StrideWorkoutStrip, WorkoutStripView } from '../../../src/components/stride-workout-strip.js';
import type { StrideWorkoutEditor } from '../../../src/components/stride-workout-editor.js';
import type { StrideWorkoutSettings, WorkoutSettingsChange } from '../../../src/components/stride-workout-settings.js';
import { parseSpeed } from '../../../src/components/workout-fields.js';
import { clampSpeed } from '../../../src/workout/belt-limits.js';
import type { PlannedStep, Workout } from '../../../src/workout/workout-types.js';

const planned = (index: number, name: string, length: PlannedStep['length'], speedKmh: number | null): PlannedStep => ({
  index, name, intensity: 'active', length, speedKmh, inclinePercent: null, cadence: null, round: null,
});
const stripView = (change: Partial<WorkoutStripView>): WorkoutStripView => ({
  workout: { name: 'Miles' }, phase: 'running', mode: 'belt', modeReason: null,
  steps: [planned(0, 'Mile', { kind: 'distance', metres: 1609.344 }, 12), planned(1, 'Easy', { kind: 'time', seconds: 300 }, 9)],
  position: { stepIndex: 0, done: false, leftS: null, leftM: 7, fraction: 0.4 },
  beltTargetKmh: 12, inclineTarget: null, message: null, lagS: null, ...change,
});
const text = (root: ShadowRoot, selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

describe('rv-ui: workout screen numbers', () => {
  // The strip rounds the time left UP (ceil) so it never reads 0:00 while the step goes on, but in
  // miles the distance left is rounded to hundredths of a mile: with 7 m (0.0043 mi) still to run
  // it reads "0 mi left", as if the step were over. Issue 19: the screen shows "time or distance
  // left in it".
  it('never reads 0 mi left while metres of the step remain', async () => {
    const el = await fixture<StrideWorkoutStrip>(html`<stride-workout-strip .view=${stripView({})} unit="mi"></stride-workout-strip>`);
    const left = text(el.shadowRoot!, '#step-left');
    expect(left).to.not.equal('0 mi left');
    expect(left).to.match(/^0\.01 mi left$/);
  });

  // A runner in miles sets "Highest speed" to 10 mph and writes a step at 10 mph. The box keeps
  // 16.093 km/h, the clamp floors the maximum to 16.09 km/h, so the step "asks more" than the
  // maximum: the screen says "The step asks 10.0 mph; the belt is set to your maximum of 10.0 mph"
  // for a step exactly at the maximum the runner typed (issue 19: "a step above the maximum sets
  // the maximum and says so" — only above).
  it('a step typed at exactly the runner’s maximum in mph is not reported as clamped', async () => {
    const el = await fixture<StrideWorkoutSettings>(html`<stride-workout-settings unit="mi"
      .settings=${{ maxSpeedKmh: null, maxInclinePercent: null, holdPace: false, sendEarly: false, lagS: {} }}></stride-workout-settings>`);
    let change: WorkoutSettingsChange | null = null;
    el.addEventListener('workout-settings', (e) => { change = (e as CustomEvent<WorkoutSettingsChange>).detail; });
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('#max-speed')!;
    box.value = '10';
    box.dispatchEvent(new Event('change'));
    const maxSpeedKmh = (change as WorkoutSettingsChange | null)!.maxSpeedKmh!;
    const stepKmh = (parseSpeed('10', 'speed', 'mi') as { ok: true; value: number }).value;
    const clamped = clampSpeed(stepKmh, { speed: null, incline: null, maxSpeedKmh, maxInclinePercent: 15 }, 'mi');
    expect(clamped.message).to.equal(null);
    expect(clamped.changed).to.equal(null);
  });

  // The runner typed 16.25 km/h as the highest speed (the box takes hundredths and the belt is capped
  // there), but the box shows it back as "16.3": the maximum read on screen is above the one applied.
  it('shows the saved highest speed as saved, never rounded above it', async () => {
    const el = await fixture<StrideWorkoutSettings>(html`<stride-workout-settings unit="km"
      .settings=${{ maxSpeedKmh: 16.25, maxInclinePercent: null, holdPace: false, sendEarly: false, lagS: {} }}></stride-workout-settings>`);
    const shown = Number(el.shadowRoot!.querySelector<HTMLInputElement>('#max-speed')!.value);
    expect(shown).to.be.at.most(16.25);
  });

  // The editor's selects take their choice from `?selected` on their options. Once the runner has
  // picked in a select, Chromium ignores later changes of those attributes (the options are
  // "dirty"), so after Move down the Kind/By selects show the other step's choices: the first
  // fieldset reads "Distance" beside a box labelled "Time (min:s)". The editor shows a value the
  // step does not have.
  it('after moving a step, its selects show the step’s own kind and length', async () => {
    const workout: Workout = {
      id: 'w', name: 'W', origin: 'mine', updatedAt: 0, items: [
        { kind: 'step', name: 'A', intensity: 'warmup', length: { kind: 'distance', metres: 400 }, speedKmh: 9, inclinePercent: null, cadence: null },
        { kind: 'step', name: 'B', intensity: 'active', length: { kind: 'time', seconds: 300 }, speedKmh: 12, inclinePercent: null, cadence: null },
      ],
    };
    const el = await fixture<StrideWorkoutEditor>(html`<stride-workout-editor .workout=${workout} unit="km"></stride-workout-editor>`);
    const root = el.shadowRoot!;
    const select = (id: string) => root.querySelector<HTMLSelectElement>(`#${id}`)!;
    // The runner picks in step 1's selects, then puts them back as they were.
    for (const [id, value] of [['by-0', 'time'], ['by-0', 'distance'], ['intensity-0', 'active'], ['intensity-0', 'warmup']] as const) {
      select(id).value = value;
      select(id).dispatchEvent(new Event('change'));
      await el.updateComplete;
    }
    root.querySelector<HTMLButtonElement>('#down-0')!.click();
    await el.updateComplete;
    // Step 1 is now B (by time, Run), step 2 is A (by distance, Warm-up).
    expect(root.querySelector<HTMLInputElement>('#name-0')!.value).to.equal('B');
    expect(select('by-0').value, 'step 1 is by time').to.equal('time');
    expect(select('intensity-0').value, 'step 1 is a Run').to.equal('active');
    expect(select('by-1').value, 'step 2 is by distance').to.equal('distance');
    expect(select('intensity-1').value, 'step 2 is a warm-up').to.equal('warmup');
  });
});
