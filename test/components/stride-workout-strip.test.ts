// The workout strip of the treadmill screen: the step, what is left of it, the next step and the
// whole workout's progress in the runner's unit; Stop whenever a workout is under way; the
// runner's messages in a polite live region; the first-time question as a modal dialog.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/stride-workout-strip.js';
import { CONFIRM_WORDS, type StrideWorkoutStrip, type WorkoutStripView } from '../../src/components/stride-workout-strip.js';
import type { PlannedStep } from '../../src/workout/workout-types.js';
import { themes, useTheme } from '../support/app-theme.js';

const step = (index: number, name: string, length: PlannedStep['length'], speedKmh: number | null, extra: Partial<PlannedStep> = {}): PlannedStep => ({
  index, name, intensity: 'active', length, speedKmh, inclinePercent: null, cadence: null, round: null, ...extra,
});
const steps: PlannedStep[] = [
  step(0, 'Warm-up', { kind: 'time', seconds: 600 }, 9, { intensity: 'warmup' }),
  step(1, 'Hard', { kind: 'time', seconds: 180 }, 13.5, { inclinePercent: 1, cadence: 175, round: { n: 1, of: 6 } }),
  step(2, 'Easy', { kind: 'distance', metres: 400 }, 9.5, { round: { n: 1, of: 6 } }),
];
const view = (change: Partial<WorkoutStripView> = {}): WorkoutStripView => ({
  workout: { name: 'Intervals <b>6 × 3</b>' }, phase: 'running', mode: 'belt', modeReason: null, steps,
  position: { stepIndex: 1, done: false, leftS: 83.4, leftM: null, fraction: 0.43 },
  beltTargetKmh: 13.5, inclineTarget: 1, message: null, lagS: null, ...change,
});
const text = (el: StrideWorkoutStrip, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const strip = (v: WorkoutStripView, unit = 'km') => fixture<StrideWorkoutStrip>(html`<stride-workout-strip .view=${v} unit=${unit}></stride-workout-strip>`);

describe('stride-workout-strip', () => {
  it('after Confirm pressed from the keyboard, the focus goes to Stop in the strip, not the page’s start', async () => {
    // The dialog goes away with the focus on it; Stop must stay a key away while the belt is driven.
    const el = await strip(view({ phase: 'confirm', position: { stepIndex: 0, done: false, leftS: 600, leftM: null, fraction: 0 }, beltTargetKmh: null }));
    el.addEventListener('confirm', () => { el.view = view({ phase: 'starting', position: { stepIndex: 0, done: false, leftS: 600, leftM: null, fraction: 0 }, beltTargetKmh: null }); });
    el.shadowRoot!.querySelector<HTMLButtonElement>('#confirm')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.view!.phase).to.equal('starting');
    expect(el.shadowRoot!.activeElement?.id).to.equal('workout-stop');
  });

  it('shows the step with its round and targets, the time left, the next step and the progress', async () => {
    const el = await strip(view());
    expect(text(el, '#step-name')).to.equal('Hard (1 of 6)');
    expect(text(el, '#step-left')).to.equal('1:24 left');
    expect(text(el, '#step-targets')).to.equal('13.5 km/h, incline 1 %, 175 steps/min');
    expect(text(el, '#next-step')).to.equal('Next: Easy (1 of 6), 400 m, 9.5 km/h');
    const bar = el.shadowRoot!.querySelector('#workout-progress')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('43');
    // Drawn through the CSSOM (the app's Content Security Policy refuses style attributes in markup).
    expect(bar.querySelector<HTMLElement>('.done')!.style.width).to.equal('43%');
    // The name is the runner's text, never markup.
    expect(text(el, '#workout-name')).to.equal('Intervals <b>6 × 3</b>');
    expect(el.shadowRoot!.querySelector('#workout-name b')).to.equal(null);
  });

  it('says a distance step’s metres left, the last step, and speeds in mph', async () => {
    const el = await strip(view({ position: { stepIndex: 2, done: false, leftS: null, leftM: 120.2, fraction: 0.9 } }), 'mi');
    expect(text(el, '#step-left')).to.equal('0.08 mi left');
    expect(text(el, '#step-targets')).to.equal('5.9 mph');
    expect(text(el, '#next-step')).to.equal('Last step');
  });

  it('never reads 0 left while metres of the step remain', async () => {
    const left = (leftM: number, unit: string) => strip(view({ position: { stepIndex: 2, done: false, leftS: null, leftM, fraction: 0.99 } }), unit)
      .then((el) => text(el, '#step-left'));
    expect(await left(7, 'mi')).to.equal('0.01 mi left');
    expect(await left(0.4, 'km')).to.equal('1 m left');
    expect(await left(1609.344, 'mi')).to.equal('1 mi left');
  });

  it('has Stop whenever a workout is under way, and emits the runner’s presses', async () => {
    for (const phase of ['starting', 'running', 'paused'] as const) {
      const el = await strip(view({ phase }));
      const stop = el.shadowRoot!.querySelector<HTMLButtonElement>('#workout-stop')!;
      expect(stop, phase).to.exist;
      expect(stop.disabled, phase).to.equal(false);
      setTimeout(() => stop.click());
      await oneEvent(el, 'stop');
    }
    const running = await strip(view());
    expect(text(running, '#workout-stop')).to.equal('Stop the belt');
    setTimeout(() => running.shadowRoot!.querySelector<HTMLButtonElement>('#workout-pause')!.click());
    await oneEvent(running, 'pause');
    setTimeout(() => running.shadowRoot!.querySelector<HTMLButtonElement>('#workout-skip')!.click());
    await oneEvent(running, 'skip');
    const paused = await strip(view({ phase: 'paused' }));
    setTimeout(() => paused.shadowRoot!.querySelector<HTMLButtonElement>('#workout-resume')!.click());
    await oneEvent(paused, 'resume');
    // By voice there is no belt to stop, but the workout still stops.
    expect(text(await strip(view({ mode: 'voice', modeReason: 'This treadmill takes no commands.' })), '#workout-stop')).to.equal('Stop');
  });

  it('puts the runner’s messages in a polite live region: status, why by voice, the learned lag', async () => {
    const el = await strip(view({ message: 'The step asks 22.0 km/h; the belt is set to your maximum of 16.0 km/h.', lagS: 3.24 }));
    const region = el.shadowRoot!.querySelector('#workout-messages')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.textContent).to.contain('the belt is set to your maximum of 16.0 km/h').and.contain('takes 3.2 s to reach a new speed');
    const voice = await strip(view({ mode: 'voice', modeReason: 'This treadmill takes no commands.' }));
    expect(voice.shadowRoot!.querySelector('#workout-messages #mode-reason')!.textContent).to.equal('By voice: This treadmill takes no commands.');
  });

  it('asks first, modally, in the issue’s words: Confirm and Cancel, Esc is Cancel', async () => {
    const el = await strip(view({ phase: 'confirm', position: null }));
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(text(el, '#confirm-words')).to.equal(CONFIRM_WORDS);
    expect(CONFIRM_WORDS).to.equal("Stridewise will change this treadmill's speed and incline. Keep the safety key clipped on.");
    // Nothing runs yet: no Stop to press behind the question.
    expect(el.shadowRoot!.querySelector('#workout-stop')).to.equal(null);
    // It opens on its words: a space or held Enter out of habit presses no answer.
    expect(el.shadowRoot!.activeElement?.id).to.equal('confirm-words');
    setTimeout(() => dialog.querySelector<HTMLButtonElement>('#confirm')!.click());
    await oneEvent(el, 'confirm');
    setTimeout(() => dialog.querySelector<HTMLButtonElement>('#cancel')!.click());
    await oneEvent(el, 'cancel');
    setTimeout(() => void sendKeys({ press: 'Escape' }));
    await oneEvent(el, 'cancel');
  });

  it('a finished workout says so and offers Close; on a driven belt, which keeps its speed, Stop the belt stays', async () => {
    const done = { stepIndex: 2, done: true, leftS: null, leftM: 0, fraction: 1 };
    const el = await strip(view({ phase: 'finished', position: done }));
    expect(text(el, '#step-name')).to.equal('Every step done');
    expect(text(el, '#workout-stop')).to.equal('Stop the belt');
    expect(el.shadowRoot!.querySelector('#workout-pause')).to.equal(null);
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('#workout-stop')!.click());
    await oneEvent(el, 'stop');
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('#workout-close')!.click());
    await oneEvent(el, 'close');
    expect(el.shadowRoot!.querySelector('#workout-progress')!.getAttribute('aria-valuenow')).to.equal('100');
    // Stopped mid-step: over, with no time left or next step to read as still to run.
    const stopped = await strip(view({ phase: 'finished' }));
    expect(text(stopped, '#step-name')).to.equal('Stopped before the end');
    expect(stopped.shadowRoot!.querySelector('#step-left')).to.equal(null);
    expect(stopped.shadowRoot!.querySelector('#next-step')).to.equal(null);
    // By voice there is no belt to stop once the workout is over.
    const voice = await strip(view({ phase: 'finished', mode: 'voice', position: done }));
    expect(voice.shadowRoot!.querySelector('#workout-stop')).to.equal(null);
    expect(voice.shadowRoot!.querySelector('#workout-close')).to.exist;
  });

  it('offers Pause while the workout starts (control asked for, the belt starting)', async () => {
    const el = await strip(view({ phase: 'starting', position: null }));
    const pause = el.shadowRoot!.querySelector<HTMLButtonElement>('#workout-pause')!;
    expect(pause.disabled).to.equal(false);
    setTimeout(() => pause.click());
    await oneEvent(el, 'pause');
  });

  it('shows nothing when no workout is under way', async () => {
    const el = await strip(view({ phase: 'idle' }));
    expect(el.shadowRoot!.querySelector('#workout-strip')).to.equal(null);
  });

  it('meets AA in both themes, running and asking', async () => {
    for (const theme of themes) {
      await useTheme(theme);
      await expect(await strip(view({ message: 'Control refused by the treadmill.', lagS: 2 }))).to.be.accessible();
      await expect(await strip(view({ phase: 'confirm', position: null }))).to.be.accessible();
    }
    await useTheme('dark');
  });
});
