// The treadmill screen during a workout, over the real services: the workout strip loads by itself
// once a workout is under way, beside the cadence, which stays; Stop is there whenever a workout
// runs, and on a driven belt after it finished until Close; space pauses and resumes the workout
// (while it starts, too); Esc does not take the strip away; the first-time question per treadmill
// owns the keys while it is open (Esc cancels it, and does not leave the screen) and is never
// answered by a stray space or Enter.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import type { StrideWorkoutStrip } from '../../src/components/stride-workout-strip.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import type { WorkoutView } from '../../src/services/workout-view.js';
import { libraryWorkouts } from '../../src/workout/workout-library.js';
import { planSteps } from '../../src/workout/workout-plan.js';
import { appTheme } from '../support/app-theme.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-treadmill-workout');

let services: AppServices;
const intervals = () => libraryWorkouts(10).find((w) => w.id === 'library-intervals')!;

async function screen(): Promise<StrideTreadmillPage> {
  return fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
}
async function stripOf(page: StrideTreadmillPage): Promise<StrideWorkoutStrip> {
  await waitUntil(() => page.shadowRoot!.querySelector('stride-workout-strip') !== null, 'the workout strip loaded', { timeout: 5000 });
  const strip = page.shadowRoot!.querySelector('stride-workout-strip')!;
  await strip.updateComplete;
  return strip;
}
const inStrip = (strip: StrideWorkoutStrip, selector: string) => strip.shadowRoot!.querySelector<HTMLElement>(selector);

describe('the treadmill screen during a workout', () => {
  before(() => appTheme);
  beforeEach(async () => {
    await clear(kvStore());
    const pod = new ScriptedFootpod('Test pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 0 });
    await services.footpod.simulate();
    for (let t = 0; t <= 3; t++) pod.send(t, { cadence: 171, speedMps: 2.8 });
  });
  afterEach(async () => {
    if (services.workouts.view.phase !== 'idle' && services.workouts.view.phase !== 'finished') await services.workouts.stop();
    services.sensors.disconnect('treadmill');
    services.sensors.disconnect('heart-rate');
  });

  it('without a treadmill: no strip until a workout starts, then the strip by voice with Stop, the cadence still shown', async () => {
    const page = await screen();
    expect(page.shadowRoot!.querySelector('stride-workout-strip')).to.equal(null);
    await services.workouts.start(intervals());
    if (services.workouts.view.phase === 'confirm') await services.workouts.confirm();
    const strip = await stripOf(page);
    await waitUntil(() => services.workouts.view.phase === 'running', 'running', { timeout: 5000 });
    await strip.updateComplete;
    expect(services.workouts.view.mode).to.equal('voice');
    expect(inStrip(strip, '#workout-stop')).to.exist;
    expect(inStrip(strip, '#mode-reason')!.textContent).to.contain(services.workouts.view.modeReason!);
    expect(inStrip(strip, '#step-name')!.textContent).to.equal('Warm up');
    expect(page.shadowRoot!.querySelector('#cadence')!.textContent).to.equal('171');
  });

  it('space pauses and resumes the workout', async () => {
    const page = await screen();
    await services.workouts.start(intervals());
    if (services.workouts.view.phase === 'confirm') await services.workouts.confirm();
    await waitUntil(() => services.workouts.view.phase === 'running', 'running', { timeout: 5000 });
    await sendKeys({ press: ' ' });
    await waitUntil(() => services.workouts.view.phase === 'paused', 'space paused the workout', { timeout: 5000 });
    await sendKeys({ press: ' ' });
    await waitUntil(() => services.workouts.view.phase === 'running', 'space resumed it', { timeout: 5000 });
    await stripOf(page);
  });

  it('asks first on a treadmill it can drive; the keys are the question’s, Esc cancels and stays; Confirm runs and Stop stops', async () => {
    await services.sensors.simulate();
    await waitUntil(() => services.sensors.source('treadmill')?.state === 'connected', 'the simulated treadmill', { timeout: 5000 });
    const page = await screen();
    let left = false;
    const onGo = () => { left = true; };
    window.addEventListener('vaadin-router-go', onGo);
    try {
      await services.workouts.start(intervals());
      expect(services.workouts.view.phase).to.equal('confirm');
      const strip = await stripOf(page);
      const dialog = strip.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'the question is open');
      expect(dialog.textContent).to.contain("Stridewise will change this treadmill's speed and incline. Keep the safety key clipped on.");
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => services.workouts.view.phase === 'idle', 'Esc cancelled', { timeout: 5000 });
      expect(left, 'Esc did not leave the screen').to.equal(false);

      await services.workouts.start(intervals());
      const again = await stripOf(page);
      await waitUntil(() => again.shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.open === true, 'asked again');
      again.shadowRoot!.querySelector<HTMLButtonElement>('#confirm')!.click();
      await waitUntil(() => services.workouts.view.phase === 'running', 'running on the belt', { timeout: 10_000 });
      expect(services.workouts.view.mode).to.equal('belt');
      await again.updateComplete;
      inStrip(again, '#workout-stop')!.click();
      await waitUntil(() => !['running', 'starting', 'paused'].includes(services.workouts.view.phase), 'stopped', { timeout: 10_000 });
      await again.updateComplete;
      // The belt may still turn (a refused or lost stop): Stop the belt stays until Close.
      expect(inStrip(again, '#workout-stop')!.textContent).to.equal('Stop the belt');
      inStrip(again, '#workout-close')!.click();
      await page.updateComplete;
      expect(page.shadowRoot!.querySelector('stride-workout-strip')).to.equal(null);
    } finally {
      window.removeEventListener('vaadin-router-go', onGo);
    }
  });

  it('space or Enter out of habit does not answer the first-time question; a move to Confirm does', async () => {
    await services.sensors.simulate();
    await waitUntil(() => services.sensors.source('treadmill')?.state === 'connected', 'the simulated treadmill', { timeout: 5000 });
    const page = await screen();
    await services.workouts.start(intervals());
    const strip = await stripOf(page);
    await waitUntil(() => strip.shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.open === true, 'the question is open');
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Enter' });
    await new Promise((r) => setTimeout(r, 100));
    expect(services.workouts.view.phase, 'a stray key answered the question').to.equal('confirm');
    expect(services.recording.state, 'nor did space start the recording behind it').to.equal('idle');
    await sendKeys({ press: 'Tab' });
    expect(strip.shadowRoot!.activeElement?.id).to.equal('confirm');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => services.workouts.view.phase === 'running', 'confirmed on purpose', { timeout: 10_000 });
  });

  it('Esc during a workout keeps the treadmill screen and its Stop; Leave goes to the Workouts page', async () => {
    const page = await screen();
    const went: string[] = [];
    const onGo = (e: Event) => { went.push(String((e as CustomEvent<{ pathname: string }>).detail?.pathname)); };
    window.addEventListener('vaadin-router-go', onGo);
    try {
      await services.workouts.start(intervals());
      const strip = await stripOf(page);
      await waitUntil(() => services.workouts.view.phase === 'running', 'running', { timeout: 5000 });
      await sendKeys({ press: 'Escape' });
      await new Promise((r) => setTimeout(r, 100));
      expect(went, 'Esc left the screen').to.deep.equal([]);
      expect(inStrip(strip, '#workout-stop')).to.exist;
      page.shadowRoot!.querySelector<HTMLButtonElement>('#leave')!.click();
      expect(went).to.deep.equal(['/workouts']);
    } finally {
      window.removeEventListener('vaadin-router-go', onGo);
    }
  });

  it('shows the finish of a workout run a second time', async () => {
    const page = await screen();
    const workout = intervals();
    await services.workouts.start(workout);
    await waitUntil(() => services.workouts.view.phase === 'running', 'running', { timeout: 5000 });
    await services.workouts.stop();
    const strip = await stripOf(page);
    inStrip(strip, '#workout-close')!.click();
    await page.updateComplete;
    expect(page.shadowRoot!.querySelector('stride-workout-strip'), 'put away').to.equal(null);

    await services.workouts.start(workout);
    await waitUntil(() => services.workouts.view.phase === 'running', 'running again', { timeout: 5000 });
    await services.workouts.stop();
    const again = await stripOf(page);
    expect(inStrip(again, '#workout-close'), 'the second finish is shown').to.exist;
  });
});

describe('the treadmill screen while a workout starts', () => {
  before(() => appTheme);

  // Asking for control and starting the belt can take a slow treadmill's command timeouts; the
  // simulated one answers at once, so the phase is held here by a service that stays 'starting'.
  it('space pauses the workout, and leaves the recording alone', async () => {
    await clear(kvStore());
    const pod = new ScriptedFootpod('Test pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.footpod.simulate();
    const pressed: string[] = [];
    const workout = intervals();
    const view: WorkoutView = {
      workout, phase: 'starting', mode: 'belt', modeReason: null, steps: planSteps(workout), position: null,
      beltTargetKmh: null, inclineTarget: null, message: null, lagS: null,
    };
    Object.defineProperty(services.workouts, 'view', { value: view });
    services.workouts.pause = async () => { pressed.push('pause'); };
    const page = await screen();
    const strip = await stripOf(page);
    expect(inStrip(strip, '#workout-pause')!.hasAttribute('disabled'), 'Pause is offered').to.equal(false);
    await sendKeys({ press: ' ' });
    await new Promise((r) => setTimeout(r, 200));
    expect({ pressed, recording: services.recording.state }).to.deep.equal({ pressed: ['pause'], recording: 'idle' });
  });
});
