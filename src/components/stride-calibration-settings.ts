import { LitElement, css, html, nothing } from 'lit';
import { type CalibrationPoint, MAX_FACTOR, MIN_FACTOR, WALKING_BELOW_SPM, WALKING_FASTEST_MPS, describeCurve, isSaneFactor } from '../session/calibration.js';
import type { DistanceUnit } from '../session/units.js';
import { formatFactor, formatSpeed, parseTypedNumber } from './calibration-format.js';
import { formControlStyles } from './form-control-styles.js';

export interface CalibrationChangeDetail {
  curve: CalibrationPoint[];
}

export interface AutoLockChangeDetail {
  locked: boolean;
}

/**
 * A factor typed as one number is the same at every speed; its point still needs a speed. Keep
 * the speed of the curve it replaces (so a check at another speed later reads as another pace),
 * or a steady easy run's speed when there was none.
 */
const TYPICAL_RUN_SPEED_MPS = 3;

const [minPercent, maxPercent] = [Math.round(MIN_FACTOR * 100), Math.round(MAX_FACTOR * 100)];

/**
 * One footpod's calibration in Settings: the factor by speed as the runner reads it, a factor
 * typed by hand, a reset, and whether the treadmill may keep adjusting it. Properties in;
 * 'calibration-change' (CustomEvent<CalibrationChangeDetail>) and 'auto-lock-change'
 * (CustomEvent<AutoLockChangeDetail>) out. The pod's name is text only.
 */
export class StrideCalibrationSettings extends LitElement {
  static override properties = {
    podName: {},
    curve: { attribute: false },
    autoLocked: { type: Boolean },
    autoAvailable: { type: Boolean },
    unit: {},
    typingProblem: { state: true },
  };
  declare podName: string | null;
  /** Sorted by speed; empty: not calibrated (100 %). */
  declare curve: readonly CalibrationPoint[];
  /** The runner keeps the factor as it is: the treadmill no longer adjusts it. */
  declare autoLocked: boolean;
  /** A treadmill is connected now, so learning from it can happen. */
  declare autoAvailable: boolean;
  declare unit: DistanceUnit;
  declare typingProblem: string | null;

  constructor() {
    super();
    this.podName = null;
    this.curve = [];
    this.autoLocked = false;
    this.autoAvailable = false;
    this.unit = 'km';
    this.typingProblem = null;
  }

  static override styles = [
    formControlStyles,
    css`
      :host { display: block; }
      fieldset { display: grid; gap: 0.75rem; border: 1px solid var(--border); border-radius: 8px; margin: 0; padding: 0.75rem 1rem; min-width: 0; }
      legend { font-weight: 600; padding: 0 0.25rem; overflow-wrap: anywhere; }
      p { margin: 0; }
      .factor { font-size: 1.2rem; font-weight: 700; font-variant-numeric: tabular-nums; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35rem; }
      li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; }
      li .point { min-width: 10rem; font-variant-numeric: tabular-nums; }
      .set { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
      .set label { display: flex; align-items: center; gap: 0.5rem; font-weight: 600; }
      .set input { width: 5.5rem; }
    `,
  ];

  protected override render() {
    const name = this.podName ? html`<span class="pod">${this.podName}</span>` : 'this footpod';
    return html`<fieldset>
      <legend>Calibration of ${name}</legend>
      ${this.#renderCurve()}
      ${this.#renderSetFactor()}
      ${this.#renderAuto()}
    </fieldset>`;
  }

  #renderCurve() {
    const curve = this.curve;
    const walking = curve.some((p) => p.walking);
    if (curve.length < 2 && !walking) {
      return html`<p>Factor: <span class="factor" id="curve">${describeCurve(curve, this.unit)}</span>${curve.length === 1 ? ' at every speed' : nothing}</p>`;
    }
    const label = (point: CalibrationPoint) => `${formatFactor(point.factor)} at ${formatSpeed(point.podSpeedMps, this.unit)}${point.walking ? ' walking' : ''}`;
    return html`<p id="curve">Factor by pace, in a straight line between these speeds${walking
        ? `; walking points count for walking (below ${WALKING_BELOW_SPM} steps a minute and ${formatSpeed(WALKING_FASTEST_MPS, this.unit)}), the others for running`
        : nothing}:</p>
      <ul aria-label="Calibrated speeds">
        ${curve.map(
          (point, i) => html`<li>
            <span class="point">${label(point)}</span>
            <button class="remove" aria-label=${`Remove ${label(point)}`}
              @click=${() => this.#change(curve.filter((_, j) => j !== i))}>Remove</button>
          </li>`,
        )}
      </ul>`;
  }

  #renderSetFactor() {
    return html`<form class="set" @submit=${(e: Event) => this.#setFactor(e)}>
        <label>One factor for every speed
          <span class="typed"><input id="factor" inputmode="decimal" autocomplete="off" aria-describedby="factor-problem"
            aria-invalid=${this.typingProblem ? 'true' : 'false'} @input=${() => (this.typingProblem = null)} /> %</span></label>
        <button id="set-factor" type="submit">Set</button>
        <button id="reset" type="button" ?disabled=${this.curve.length === 0} @click=${() => this.#change([])}>Reset to 100&nbsp;%</button>
      </form>
      <p class="problem" id="factor-problem" role="alert">${this.typingProblem ?? nothing}</p>`;
  }

  #renderAuto() {
    return html`<div>
      <label class="check">
        <input type="checkbox" id="auto" .checked=${!this.autoLocked} aria-describedby="auto-hint"
          @change=${(e: Event) => this.#fireLock(!(e.target as HTMLInputElement).checked)} />
        Learn from the treadmill automatically
      </label>
      <p class="hint" id="auto-hint">
        ${this.autoLocked
          ? 'Off: the factor stays as it is now, whatever the treadmill shows.'
          : 'On: at each steady pace, the factor follows the belt speed of a connected treadmill. Untick to keep the factor as it is now.'}
        ${this.autoAvailable ? nothing : html`<span id="no-treadmill">No treadmill is connected now.</span>`}
      </p>
    </div>`;
  }

  #setFactor(event: Event): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#factor')!;
    const percent = parseTypedNumber(input.value);
    const factor = percent === null ? Number.NaN : percent / 100;
    if (!isSaneFactor(factor)) {
      this.typingProblem = `Type a factor from ${minPercent} to ${maxPercent}\u00a0%: a footpod is not off by more than that. 100\u00a0% leaves its reading as it is.`;
      input.focus();
      return;
    }
    this.typingProblem = null;
    input.value = '';
    this.#change([{ podSpeedMps: this.#speedForOneFactor(), factor }]);
  }

  #speedForOneFactor(): number {
    const curve = this.curve;
    return curve.length > 0 ? curve[Math.floor((curve.length - 1) / 2)]!.podSpeedMps : TYPICAL_RUN_SPEED_MPS;
  }

  #change(curve: CalibrationPoint[]): void {
    this.dispatchEvent(new CustomEvent<CalibrationChangeDetail>('calibration-change', { detail: { curve }, bubbles: true, composed: true }));
  }

  #fireLock(locked: boolean): void {
    this.dispatchEvent(new CustomEvent<AutoLockChangeDetail>('auto-lock-change', { detail: { locked }, bubbles: true, composed: true }));
  }
}
customElements.define('stride-calibration-settings', StrideCalibrationSettings);

declare global {
  interface HTMLElementTagNameMap {
    'stride-calibration-settings': StrideCalibrationSettings;
  }
}
