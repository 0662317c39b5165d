// rv-ui repro: the treadmill screen's keys while a workout is under way.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import '../../../src/pages/stride-treadmill-page.js';
import type { StrideTreadmillPage } from '../../../src/pages/stride-treadmill-page.js';
import { type AppServices, createServices } from '../../../src/services/services.js';
import type { WorkoutView } from '../../../src/services/workout-view.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { planSteps } from '../../../src/workout/workout-plan.js';
import { libraryWorkouts } from '../../../src/workout/workout-library.js';
import { appTheme } from '../../support/app-theme.js';
import { fakeCoachEngine } from '../../support/fake-coach-engine.js';
import { ScriptedFootpod } from '../../support/scripted-footpod.js';

useSeparateDatabase('stride-test-rv-ui-treadmill-keys');

let services: AppServices;
const pressed: string[] = [];

let view: WorkoutView;

/** The real services, with the workout service showing `phase` on a driven belt and counting presses. */
function workoutIn(phase: WorkoutView['phase'], workout = libraryWorkouts(10).find((w) => w.id === 'library-intervals')!): void {
  view = {
    workout, phase, mode: 'belt', modeReason: null, steps: planSteps(workout),
    position: phase === 'running' ? { stepIndex: 0, done: false, stepElapsedS: 5, stepCoveredM: 10, leftS: 595, leftM: null, fraction: 0.01 }
      : phase === 'finished' ? { stepIndex: 13, done: true, stepElapsedS: 0, stepCoveredM: 0, leftS: 0, leftM: 0, fraction: 1 } : null,
    beltTargetKmh: phase === 'running' ? 9 : null, inclineTarget: null, message: null, lagS: null,
  } as unknown as WorkoutView;
  const w = services.workouts as unknown as Record<string, unknown>;
  Object.defineProperty(w, 'view', { get: () => view, configurable: true });
  services.workouts.dispatchEvent(new Event('change'));
  for (const name of ['pause', 'resume', 'stop', 'skip', 'confirm']) w[name] = async () => { pressed.push(name); };
  w['cancel'] = () => { pressed.push('cancel'); };
}

describe('rv-ui: keys on the treadmill screen during a workout', () => {
  before(() => appTheme);
  beforeEach(async () => {
    pressed.length = 0;
    await clear(kvStore());
    const pod = new ScriptedFootpod('Test pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 0 });
    await services.footpod.simulate();
    for (let t = 0; t <= 3; t++) pod.send(t, { cadence: 171, speedMps: 2.8 });
  });

  // While control is being asked for and the belt started ('starting', which can last for the
  // command timeouts of a slow treadmill), space is not given to the workout: #toggleWorkout only
  // knows 'running' and 'paused', so space starts (or pauses) the RECORDING instead, and the
  // workout goes on to start the belt. Issue 19: "space pauses the workout and the belt (0x08
  // 0x02)"; the machine itself accepts a pause in 'starting'.
  it('space while the workout is starting pauses the workout, and leaves the recording alone', async () => {
    workoutIn('starting');
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    await waitUntil(() => page.shadowRoot!.querySelector('stride-workout-strip') !== null, 'the strip', { timeout: 5000 });
    expect(services.recording.state).to.equal('idle');
    await sendKeys({ press: ' ' });
    await new Promise((r) => setTimeout(r, 500));
    expect({ pressed, recording: services.recording.state }).to.deep.equal({ pressed: ['pause'], recording: 'idle' });
  });

  // Esc leaves the treadmill screen (Router.go('/')) while the belt is being driven: the strip with
  // its Stop goes with it, and no other page has a Stop. Issue 19: "A Stop button, always on screen
  // during a workout". (During the first-time question Esc is guarded; during the workout it is not.)
  it('Esc during a running workout keeps the treadmill screen and its Stop on screen', async () => {
    workoutIn('running');
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    await waitUntil(() => page.shadowRoot!.querySelector('stride-workout-strip') !== null, 'the strip', { timeout: 5000 });
    let left = false;
    const onGo = () => { left = true; };
    window.addEventListener('vaadin-router-go', onGo);
    try {
      await sendKeys({ press: 'Escape' });
      await new Promise((r) => setTimeout(r, 100));
      expect(left, 'Esc left the screen with the belt running').to.equal(false);
    } finally {
      window.removeEventListener('vaadin-router-go', onGo);
    }
  });

  // The first-time question opens with Confirm focused, on the screen where space is the runner's
  // start/pause key ("Space" is printed on its buttons). A runner who reaches for space, out of
  // habit, to start the recording or pause, answers "yes, drive my belt" without reading the
  // question. Issue 19: the belt is driven "only after a first-time confirmation per treadmill that
  // says the app will change the belt's speed and incline and that the safety key stays clipped on".
  it('space while the first-time question is open does not confirm it', async () => {
    workoutIn('confirm');
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    await waitUntil(() => page.shadowRoot!.querySelector('stride-workout-strip')?.shadowRoot?.querySelector<HTMLDialogElement>('dialog')?.open === true, 'the question', { timeout: 5000 });
    await sendKeys({ press: ' ' });
    await new Promise((r) => setTimeout(r, 100));
    expect(pressed, 'space answered the question').to.not.include('confirm');
  });

  // The treadmill page hides a finished workout's strip after Close by remembering the workout
  // OBJECT. Start the same saved workout again (My workouts hands the same object) and, when it
  // finishes, its strip is hidden at once: "Workout done. The belt keeps its speed: slow it or stop
  // it on the treadmill." and Close are never shown, while the belt keeps running.
  it('a workout run a second time shows its finish', async () => {
    workoutIn('finished');
    const workout = view.workout!;
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    await waitUntil(() => page.shadowRoot!.querySelector('stride-workout-strip') !== null, 'the strip', { timeout: 5000 });
    const strip = page.shadowRoot!.querySelector('stride-workout-strip')!;
    await strip.updateComplete;
    strip.shadowRoot!.querySelector<HTMLButtonElement>('#workout-close')!.click();
    await page.updateComplete;
    expect(page.shadowRoot!.querySelector('stride-workout-strip')).to.equal(null);
    workoutIn('running', workout as never);
    await page.updateComplete;
    expect(page.shadowRoot!.querySelector('stride-workout-strip'), 'the second run shows').to.not.equal(null);
    workoutIn('finished', workout as never);
    await page.updateComplete;
    const again = page.shadowRoot!.querySelector('stride-workout-strip');
    expect(again, 'the second run’s finish shows').to.not.equal(null);
  });
});
