import { LitElement, css, html, nothing } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';
import { TAP_WINDOW_MS, type TapCadence, type TapMode, tapCadence } from '../coach/tap-cadence.js';
import type { TappedBaseline } from '../session/plan-settings.js';
import { KeyboardShortcuts } from './keyboard-shortcuts.js';

export interface TapBaselineDetail {
  /** Steps per minute, whole. */
  spm: number;
}

/** How often the countdown is looked at; the window's end is read from the clock, not counted in ticks. */
const TICK_MS = 200;

/**
 * A cadence check without a footpod: tap (click, touch, or the T key) on each step for 30 seconds.
 * The first tap starts the countdown. Emits `tap-baseline` with the result when the runner
 * chooses "Use as my baseline".
 */
export class StrideTapCadence extends LitElement {
  static override properties = {
    clock: { attribute: false },
    mode: { state: true },
    taps: { state: true },
    leftS: { state: true },
    done: { state: true },
    saved: { attribute: false },
    used: { state: true },
  };
  /** Milliseconds on a clock that only moves forward; tests drive their own. */
  declare clock: () => number;
  declare mode: TapMode;
  declare taps: number[];
  declare leftS: number;
  declare done: boolean;
  /** The tapped baseline the plan holds (from the settings), to confirm "Use as my baseline" took. */
  declare saved: TappedBaseline | null;
  /** The count "Use as my baseline" was pressed for, until the next count. */
  declare used: number | null;

  #timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    super();
    this.clock = () => performance.now();
    this.mode = 'every-step';
    this.taps = [];
    this.leftS = TAP_WINDOW_MS / 1000;
    this.done = false;
    this.saved = null;
    this.used = null;
    // Only while the tap area can be seen: a T pressed with it folded away must not start a count.
    new KeyboardShortcuts(this, { t: () => this.checkVisibility() && this.tap() });
  }

  static override styles = [css`
    :host { display: grid; gap: 0.6rem; max-width: 32rem; }
    p { margin: 0; }
    .hint { color: var(--muted); }
    fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: center; }
    legend { float: left; margin-right: 0.5rem; }
    .tap {
      font: inherit; font-size: 1.6rem; font-weight: 700; min-height: 8rem; border-radius: 14px;
      border: 2px solid var(--accent); background: var(--surface); color: inherit;
      touch-action: manipulation; user-select: none; cursor: pointer;
    }
    .tap:active:not(:disabled) { background: var(--accent-soft); }
    .tap:disabled { border-color: var(--border); color: var(--muted); }
    .tap small { display: block; font-size: 0.95rem; font-weight: 400; color: var(--muted); }
    .tap:focus-visible, button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .countdown { font-variant-numeric: tabular-nums; }
    .result { font-size: 1.3rem; }
    .result strong { font-size: 2rem; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .actions button { font: inherit; padding: 0.4rem 0.8rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; }
  `, touchTargetStyles];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTimer();
  }

  /** One step. The first starts the 30 s window; taps after it ends are not counted. */
  tap(): void {
    if (this.done) return;
    const now = this.clock();
    if (this.taps.length === 0) {
      this.#timer = setInterval(() => this.#tick(), TICK_MS);
    } else if (now - this.taps[0]! > TAP_WINDOW_MS) {
      this.#finish();
      return;
    }
    this.taps = [...this.taps, now];
    this.#tick();
  }

  /** What the taps so far say, in the mode chosen now. */
  get result(): TapCadence {
    return tapCadence(this.taps, this.mode);
  }

  #tick(): void {
    const first = this.taps[0];
    if (first === undefined) return;
    const leftMs = first + TAP_WINDOW_MS - this.clock();
    if (leftMs <= 0) this.#finish();
    else this.leftS = Math.ceil(leftMs / 1000);
  }

  #finish(): void {
    this.#stopTimer();
    this.leftS = 0;
    this.done = true;
  }

  #stopTimer(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  #restart(): void {
    this.#stopTimer();
    this.taps = [];
    this.leftS = TAP_WINDOW_MS / 1000;
    this.done = false;
    this.used = null;
  }

  #useAsBaseline(spm: number): void {
    this.used = spm;
    this.dispatchEvent(new CustomEvent<TapBaselineDetail>('tap-baseline', { detail: { spm }, bubbles: true, composed: true }));
  }

  #renderOutcome() {
    if (!this.done) return nothing;
    const result = this.result;
    if (result.kind !== 'cadence') {
      return html`<p class="result" id="result">${result.reason}</p>
        <div class="actions"><button id="again" @click=${() => this.#restart()}>Try again</button></div>`;
    }
    const spm = Math.round(result.spm);
    // Said once the plan holds it (the settings changed), not merely because the button was pressed.
    const taken = this.used === spm && this.saved?.spm === spm;
    return html`<p class="result" id="result"><strong>${spm}</strong> steps/min</p>
      ${taken ? html`<p id="saved">Saved: your cadence plan starts from ${spm} steps/min now (see the plan above).</p>` : nothing}
      <div class="actions">
        ${taken ? nothing : html`<button id="use" @click=${() => this.#useAsBaseline(spm)}>Use as my baseline</button>`}
        <button id="again" @click=${() => this.#restart()}>Try again</button>
      </div>`;
  }

  protected override render() {
    const started = this.taps.length > 0;
    const status = this.done
      ? 'Done.'
      : started
        ? `${this.taps.length} ${this.taps.length === 1 ? 'tap' : 'taps'}`
        : 'The first tap starts 30 seconds.';
    return html`
      <p class="hint">While you run, tap on each step for 30 seconds: the app counts your cadence from the rhythm.</p>
      <fieldset>
        <legend>Tap on</legend>
        <label><input type="radio" name="mode" value="every-step" .checked=${this.mode === 'every-step'} @change=${() => (this.mode = 'every-step')} /> every step</label>
        <label><input type="radio" name="mode" value="right-foot" .checked=${this.mode === 'right-foot'} @change=${() => (this.mode = 'right-foot')} /> right foot only</label>
      </fieldset>
      <button class="tap" id="tap" ?disabled=${this.done} @click=${() => this.tap()}>
        Tap<small>or press T, on each step</small>
      </button>
      <p class="countdown" id="countdown">${started && !this.done ? html`<strong>${this.leftS} s</strong> left · ` : nothing}${status}</p>
      <div role="status">${this.#renderOutcome()}</div>
    `;
  }
}
customElements.define('stride-tap-cadence', StrideTapCadence);

declare global {
  interface HTMLElementTagNameMap {
    'stride-tap-cadence': StrideTapCadence;
  }
  interface HTMLElementEventMap {
    'tap-baseline': CustomEvent<TapBaselineDetail>;
  }
}
