import { LitElement, css, html, nothing } from 'lit';
import { type DistanceUnit, formatDuration, speedUnitLabel } from '../session/units.js';
import { formatFactor, formatSpeed, parseTypedNumber, speedFromPerHour } from './calibration-format.js';
import { cardStyles, formControlStyles } from './form-control-styles.js';

export type GuidedCalibrationPhase = 'idle' | 'running' | 'ready' | 'done';

export type GuidedCalibrationResult =
  /**
   * `atSpeedMps`: the pod's raw speed, where the point is filed and Settings lists it; `beltSpeedMps`:
   * the belt speed typed. `change`: which old points the new one replaced or merged, in words (null: it only added).
   */
  | { ok: true; percent: number; atSpeedMps: number; beltSpeedMps?: number; change?: string | null }
  | { ok: false; problem: string };

export interface CalibrationFinishDetail {
  beltSpeedMps: number;
}

const DEFAULT_DISABLED_REASON = 'Connect your footpod first: the check compares its speed with the belt’s.';

/**
 * "Check the footpod against the belt": run a minute at one steady belt speed, type the speed the
 * treadmill shows, and the pod's factor at that speed is set. Properties in (the service runs the
 * check); 'calibration-start', 'calibration-finish' (CustomEvent<CalibrationFinishDetail>) and
 * 'calibration-cancel' out.
 */
export class StrideGuidedCalibration extends LitElement {
  static override properties = {
    phase: {},
    elapsedS: { type: Number },
    neededS: { type: Number },
    unit: {},
    result: { attribute: false },
    disabled: { type: Boolean },
    disabledReason: {},
    typingProblem: { state: true },
  };
  declare phase: GuidedCalibrationPhase;
  /** Seconds run at a steady speed so far, and how many the check needs. */
  declare elapsedS: number;
  declare neededS: number;
  /** The belt speed is typed in km/h or mph. */
  declare unit: DistanceUnit;
  /** What the last check found, shown when `phase` is 'done'. */
  declare result: GuidedCalibrationResult | null;
  /** No footpod to check; `disabledReason` says so (a sentence about the pod by default). */
  declare disabled: boolean;
  declare disabledReason: string | null;
  /** Why the typed belt speed was refused; cleared as the runner types again. */
  declare typingProblem: string | null;

  constructor() {
    super();
    this.phase = 'idle';
    this.elapsedS = 0;
    this.neededS = 60;
    this.unit = 'km';
    this.result = null;
    this.disabled = false;
    this.disabledReason = null;
    this.typingProblem = null;
  }

  static override styles = [
    formControlStyles,
    cardStyles,
    css`
      progress { width: 100%; height: 0.9rem; accent-color: var(--accent); }
      .belt { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; font-weight: 600; }
      .belt input { width: 6rem; }
      .result { font-size: 1.1rem; font-weight: 600; }
    `,
  ];

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A problem with a typed speed belongs to that one 'ready' step.
    if (changed.has('phase')) this.typingProblem = null;
  }

  protected override render() {
    return html`<section aria-labelledby="guided-heading">
      <h2 id="guided-heading">Check the footpod against the belt</h2>
      ${this.disabled ? html`<p class="problem" id="disabled-reason">${this.disabledReason ?? DEFAULT_DISABLED_REASON}</p>` : nothing}
      ${this.#renderPhase()}
    </section>`;
  }

  #renderPhase() {
    switch (this.phase) {
      case 'idle':
        return html`<p class="hint">Set the treadmill to one speed and run steadily for about a minute. Then type the speed the
            treadmill shows: the footpod's reading is scaled to match it at that pace.</p>
          <div class="actions">
            <button id="start" class="primary" ?disabled=${this.disabled} @click=${() => this.#fire('calibration-start')}>Start the check</button>
          </div>`;
      case 'running':
        return html`<p id="progress-label">Keep running at one steady speed: ${formatDuration(this.elapsedS)} of ${formatDuration(this.neededS)}.</p>
          <progress max=${Math.max(1, this.neededS)} value=${Math.min(this.elapsedS, this.neededS)} aria-labelledby="progress-label"></progress>
          <div class="actions">${this.#cancelButton()}</div>`;
      case 'ready':
        return this.#renderReady();
      case 'done':
        return this.#renderDone();
    }
  }

  #renderReady() {
    const label = speedUnitLabel[this.unit];
    return html`<p>Enough steady running. What speed does the treadmill show?</p>
      <form class="actions" @submit=${(e: Event) => this.#finish(e)}>
        <label class="belt">Belt speed
          <span class="typed"><input id="belt-speed" inputmode="decimal" autocomplete="off" aria-describedby="typing-problem"
            aria-invalid=${this.typingProblem ? 'true' : 'false'} @input=${() => (this.typingProblem = null)} />
          ${label}</span></label>
        <button id="finish" class="primary" type="submit" ?disabled=${this.disabled}>Finish</button>
        ${this.#cancelButton()}
      </form>
      <p class="problem" id="typing-problem" role="alert">${this.typingProblem ?? nothing}</p>`;
  }

  #renderDone() {
    const result = this.result;
    const outcome = !result
      ? nothing
      : result.ok
        ? html`<p class="result ok" role="status">Footpod calibrated: ${formatFactor(result.percent / 100)} at ${formatSpeed(result.atSpeedMps, this.unit)}${result.beltSpeedMps !== undefined
              ? ` as the footpod reads it (the belt ran at ${formatSpeed(result.beltSpeedMps, this.unit)})`
              : nothing}</p>
            ${result.change ? html`<p id="change">${result.change}</p>` : nothing}`
        : html`<p class="result problem" role="alert">${result.problem}</p>`;
    return html`${outcome}
      <p class="hint">A footpod is often off by a different amount at a different pace: checks at more speeds make a curve.</p>
      <div class="actions">
        <button id="again" ?disabled=${this.disabled} @click=${() => this.#fire('calibration-start')}>Check at another speed</button>
      </div>`;
  }

  #cancelButton() {
    return html`<button id="cancel" type="button" @click=${() => this.#fire('calibration-cancel')}>Cancel</button>`;
  }

  #finish(event: Event): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#belt-speed')!;
    const typed = parseTypedNumber(input.value);
    if (typed === null || typed <= 0) {
      const what = input.value.trim();
      this.typingProblem = what
        ? `“${what}” is not a speed: type the number the treadmill shows, for example ${this.unit === 'km' ? '10.5' : '6.5'}.`
        : `Type the belt speed the treadmill shows, in ${speedUnitLabel[this.unit]}.`;
      input.focus();
      return;
    }
    this.typingProblem = null;
    this.#fire('calibration-finish', { beltSpeedMps: speedFromPerHour(typed, this.unit) });
  }

  #fire(name: 'calibration-start' | 'calibration-cancel'): void;
  #fire(name: 'calibration-finish', detail: CalibrationFinishDetail): void;
  #fire(name: string, detail?: CalibrationFinishDetail): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
customElements.define('stride-guided-calibration', StrideGuidedCalibration);

declare global {
  interface HTMLElementTagNameMap {
    'stride-guided-calibration': StrideGuidedCalibration;
  }
}
