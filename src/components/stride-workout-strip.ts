import { LitElement, css, html, nothing } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';
import { beltSpeedText, distanceLeftText, lengthText, stepTargets } from './workout-format.js';
import { type DistanceUnit, formatDuration } from '../session/units.js';
import type { PlannedStep } from '../workout/workout-types.js';

/**
 * What the strip shows of a workout going on: the parts of the runner's WorkoutView it reads
 * (contract section 3), so any view of that shape fits.
 */
export interface WorkoutStripView {
  workout: { name: string } | null;
  phase: 'idle' | 'confirm' | 'starting' | 'running' | 'paused' | 'finished';
  mode: 'belt' | 'voice';
  modeReason: string | null;
  steps: readonly PlannedStep[];
  position: { stepIndex: number; done: boolean; leftS: number | null; leftM: number | null; fraction: number } | null;
  beltTargetKmh: number | null;
  inclineTarget: number | null;
  message: string | null;
  lagS: number | null;
}

/** The words of the first-time question, per treadmill (issue 19). */
export const CONFIRM_WORDS = "Stridewise will change this treadmill's speed and incline. Keep the safety key clipped on.";

/** Time left in a step as a clock reads from a belt; distance left in the runner's unit; both rounded up, so never 0 while the step goes on. */
function leftWords(position: NonNullable<WorkoutStripView['position']>, unit: DistanceUnit): string {
  if (position.leftS !== null) return `${formatDuration(Math.max(0, Math.ceil(position.leftS)))} left`;
  if (position.leftM !== null) return `${distanceLeftText(position.leftM, unit)} left`;
  return '';
}

const stepTitle = (step: PlannedStep): string => `${step.name || 'Step'}${step.round ? ` (${step.round.n} of ${step.round.of})` : ''}`;

const phaseWords: Partial<Record<WorkoutStripView['phase'], string>> = {
  starting: 'Starting…',
  paused: 'Paused',
  finished: 'Workout done',
};

/**
 * A workout on the treadmill screen: the step now (its name, round, what it asks of the belt),
 * the time or distance left in it, the next step, and the whole workout's progress; Stop (stops
 * the belt) always in the strip while a workout runs, and after it finished on a driven belt (the
 * belt keeps its speed then) until Close; Pause (while it starts, too) or Resume (space) and Skip; the
 * runner's messages (the treadmill's status, a clamped speed, why the workout runs by voice, the
 * learned lag) in a polite live region. The first time a treadmill is to be driven, a modal dialog
 * asks first. It sits beside the cadence, never over it. Events: stop, pause, resume, skip,
 * confirm, cancel, close (a finished workout put away).
 */
export class StrideWorkoutStrip extends LitElement {
  static override properties = { view: { attribute: false }, unit: {} };
  declare view: WorkoutStripView | null;
  declare unit: DistanceUnit;

  constructor() {
    super();
    this.view = null;
    this.unit = 'km';
  }

  static override styles = [css`
    :host { display: block; }
    p { margin: 0; }
    .strip {
      display: grid; gap: 1vmin; padding: 1.2vmin 2vmin; border-radius: 1.5vmin;
      background: var(--surface); border: 2px solid var(--accent); font-size: clamp(1rem, 2.6vmin, 1.5rem); line-height: 1.2;
    }
    .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2em 0.8em; }
    .workout-name { font-weight: 600; color: var(--muted); }
    .step { font-weight: 800; font-size: 1.3em; }
    .left { font-weight: 800; font-size: 1.6em; font-variant-numeric: tabular-nums; }
    .targets { font-weight: 600; }
    .next { color: var(--muted); }
    .bar { height: 0.6em; border-radius: 0.3em; background: var(--surface-2); border: 1px solid var(--border); overflow: hidden; }
    .bar > div { height: 100%; background: var(--accent); }
    .buttons { display: flex; flex-wrap: wrap; gap: 1.5vmin; }
    button {
      font: inherit; padding: 0.4rem 1rem; border-radius: 8px; cursor: pointer;
      border: 1px solid var(--border); background: var(--surface-2); color: inherit;
    }
    button.stop { background: var(--alert-bg); color: var(--alert-text); border-color: var(--alert-text); font-weight: 800; }
    button.primary { background: var(--primary-bg); border-color: var(--primary-bg); color: var(--on-strong); }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    kbd { font: inherit; font-size: 0.8em; border: 1px solid currentColor; border-radius: 4px; padding: 0 0.3em; margin-left: 0.3em; }
    .messages:empty { display: none; }
    .messages { display: grid; gap: 0.3em; }
    .message { color: var(--warn-text); }
    dialog { max-width: min(32rem, 90vw); border: 2px solid var(--accent); border-radius: 12px; background: var(--surface); color: var(--text); padding: 1.25rem; }
    dialog::backdrop { background: rgb(0 0 0 / 0.6); }
    dialog p { font-size: 1.2rem; margin-bottom: 1rem; }
    dialog p:focus { outline: none; }
  `, touchTargetStyles];

  /** The first-time question was on screen at the last render. */
  #asking = false;

  #emit(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  protected override updated(): void {
    // The bar's width through the CSSOM: the Content Security Policy refuses style attributes
    // (which lit's styleMap writes on first render).
    const done = this.renderRoot.querySelector<HTMLElement>('.bar .done');
    if (done) done.style.width = `${done.dataset['percent']}%`;
    // The question is modal: nothing else on the screen can be pressed until it is answered. It
    // opens on its words, not on a button: space is this screen's start/pause key, and a space
    // or a held Enter out of habit must not answer "yes, drive my belt" unread. Confirm takes a
    // click or a move to it first (Tab).
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (dialog && !dialog.open && dialog.isConnected) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('#confirm-words')?.focus();
    }
    // Answered, the dialog goes with the focus on it, which would fall to the page's start: it goes
    // to Stop instead, the one button that must be at hand while the belt is driven.
    if (this.#asking && !dialog) this.renderRoot.querySelector<HTMLElement>('#workout-stop')?.focus();
    this.#asking = dialog !== null;
  }

  #confirmDialog() {
    // Esc (the dialog's cancel) is the same as Cancel: nothing is sent to the treadmill.
    return html`<dialog id="confirm-dialog" aria-labelledby="confirm-words" @cancel=${(e: Event) => { e.preventDefault(); this.#emit('cancel'); }}>
      <p id="confirm-words" tabindex="-1">${CONFIRM_WORDS}</p>
      <div class="buttons">
        <button class="primary" id="confirm" @click=${() => this.#emit('confirm')}>Confirm</button>
        <button id="cancel" @click=${() => this.#emit('cancel')}>Cancel</button>
      </div>
    </dialog>`;
  }

  #messages(view: WorkoutStripView) {
    const unit = this.unit;
    return html`<div class="messages" id="workout-messages" role="status" aria-live="polite">${[
      ...(view.mode === 'voice' && view.modeReason ? [html`<p id="mode-reason">By voice: ${view.modeReason}</p>`] : []),
      ...(view.message ? [html`<p class="message" id="workout-message">${view.message}</p>`] : []),
      ...(view.lagS !== null && view.mode === 'belt' ? [html`<p id="lag">This treadmill takes ${view.lagS.toFixed(1)} s to reach a new speed.</p>`] : []),
      ...(view.mode === 'belt' && view.beltTargetKmh !== null && view.phase === 'running'
        ? [html`<p id="belt-target">Belt set to ${beltSpeedText(view.beltTargetKmh, unit)}${view.inclineTarget === null ? '' : `, incline ${view.inclineTarget} %`}</p>`]
        : []),
    ]}</div>`;
  }

  protected override render() {
    const view = this.view;
    if (!view || view.phase === 'idle') return nothing;
    const unit = this.unit;
    const position = view.position;
    // A workout stopped mid-step is over: its step's time left and next step would read as still to run.
    const step = position && !position.done && view.phase !== 'finished' ? view.steps[position.stepIndex] ?? null : null;
    const next = step ? view.steps[step.index + 1] ?? null : null;
    const percent = Math.round(Math.min(1, Math.max(0, position?.fraction ?? 0)) * 100);
    const finished = view.phase === 'finished' || position?.done === true;
    const going = !finished && view.phase !== 'confirm';
    return html`${view.phase === 'confirm' ? this.#confirmDialog() : nothing}
      <section class="strip" id="workout-strip" aria-label="Workout">
        <div class="head">
          <span class="workout-name" id="workout-name">${view.workout?.name ?? 'Workout'}</span>
          ${phaseWords[view.phase] ? html`<span class="phase" id="workout-phase">${phaseWords[view.phase]}</span>` : nothing}
        </div>
        ${step
          ? html`<div class="head">
              <span class="step" id="step-name">${stepTitle(step)}</span>
              <span class="left" id="step-left">${position ? leftWords(position, unit) : ''}</span>
            </div>
            <p class="targets" id="step-targets">${stepTargets(step, unit)}</p>
            <p class="next" id="next-step">${next ? `Next: ${stepTitle(next)}, ${lengthText(next.length, unit)}, ${stepTargets(next, unit)}` : 'Last step'}</p>`
          : finished ? html`<p class="step" id="step-name">${position?.done ? 'Every step done' : 'Stopped before the end'}</p>` : nothing}
        <div class="bar" role="progressbar" id="workout-progress" aria-label="Workout done" aria-valuemin="0" aria-valuemax="100"
          aria-valuenow=${percent} aria-valuetext="${percent} % of the workout"><div class="done" data-percent=${percent}></div></div>
        ${this.#messages(view)}
        <div class="buttons">
          ${going || (finished && view.mode === 'belt')
            ? html`<button class="stop" id="workout-stop" @click=${() => this.#emit('stop')}>Stop${view.mode === 'belt' ? ' the belt' : ''}</button>`
            : nothing}
          ${going
            ? html`${view.phase === 'paused'
                ? html`<button class="primary" id="workout-resume" @click=${() => this.#emit('resume')}>Resume <kbd>Space</kbd></button>`
                : html`<button id="workout-pause" ?disabled=${view.phase !== 'running' && view.phase !== 'starting'} @click=${() => this.#emit('pause')}>Pause <kbd>Space</kbd></button>`}
              <button id="workout-skip" ?disabled=${view.phase !== 'running' || !step} @click=${() => this.#emit('skip')}>Skip step</button>`
            : finished ? html`<button id="workout-close" @click=${() => this.#emit('close')}>Close</button>` : nothing}
        </div>
      </section>`;
  }
}
customElements.define('stride-workout-strip', StrideWorkoutStrip);

declare global {
  interface HTMLElementTagNameMap {
    'stride-workout-strip': StrideWorkoutStrip;
  }
}
