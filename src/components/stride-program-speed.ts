import { LitElement, css, html, nothing } from 'lit';
import { formControlStyles } from './form-control-styles.js';
import { type DistanceUnit, speedPerHour, speedUnitLabel } from '../session/units.js';
import { formatBeltSpeed } from './program-format.js';

/** Detail of `test-speed`: the chosen belt speed in m/s. */
export type TestSpeedDetail = number;

/** Belt speeds a runner could hold easily for ten minutes, km/h: slower is a walk, faster not easy. */
const LOWEST_KMH = 5;
const HIGHEST_KMH = 20;

/** m/s from a speed in the runner's unit per hour. */
export const mpsFrom = (perHour: number, unit: DistanceUnit): number => perHour / speedPerHour(1, unit);

/** Speeds typed in the runner's unit are kept to a tenth, as a treadmill's display shows them. */
const tenth = (perHour: number): number => Math.round(perHour * 10) / 10;

/**
 * The test speed: one belt speed, in the runner's unit, that every test of the program is run at,
 * an easy pace they can repeat. A suggestion from their own runs fills the box when there is one.
 * Emits `test-speed` (m/s); a speed out of range or not a number is said in words and not sent.
 */
export class StrideProgramSpeed extends LitElement {
  static override properties = { unit: {}, suggestedMps: { attribute: false }, problem: { state: true } };
  declare unit: DistanceUnit;
  /** From the runner's usual pace; null without runs to go by. */
  declare suggestedMps: number | null;
  declare problem: string | null;

  constructor() {
    super();
    this.unit = 'km';
    this.suggestedMps = null;
    this.problem = null;
  }

  static override styles = [css`
    :host { display: block; }
    form { display: grid; gap: 0.6rem; }
    p { margin: 0; }
    input { width: 6rem; font-size: 1.2rem; font-variant-numeric: tabular-nums; }
    label { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
  `, formControlStyles];

  #range(): [number, number] {
    return [tenth(speedPerHour(mpsFrom(LOWEST_KMH, 'km'), this.unit)), tenth(speedPerHour(mpsFrom(HIGHEST_KMH, 'km'), this.unit))];
  }

  #submit(event: Event): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#speed')!;
    const value = Number(input.value.replace(',', '.'));
    const [low, high] = this.#range();
    const label = speedUnitLabel[this.unit];
    if (input.value.trim() === '' || !Number.isFinite(value)) {
      this.problem = `Type the belt speed in ${label}, for example ${this.unit === 'km' ? '9.5' : '6.0'}.`;
    } else if (value < low || value > high) {
      this.problem = `A test speed between ${low.toFixed(1)} and ${high.toFixed(1)} ${label}: an easy running pace you can hold for ten minutes.`;
    } else {
      this.problem = null;
      this.dispatchEvent(new CustomEvent<TestSpeedDetail>('test-speed', { detail: mpsFrom(tenth(value), this.unit), bubbles: true, composed: true }));
    }
  }

  protected override render() {
    const label = speedUnitLabel[this.unit];
    const suggested = this.suggestedMps === null ? '' : tenth(speedPerHour(this.suggestedMps, this.unit)).toFixed(1);
    return html`<form @submit=${(e: Event) => this.#submit(e)} novalidate>
      <p>Pick one belt speed for every test of the program: an easy pace you could hold for ten minutes and can set again in
        weeks. Cadence changes with speed, so the tests compare like with like only at the same speed.</p>
      ${this.suggestedMps === null
        ? nothing
        : html`<p id="suggested">Suggested from your recent runs: ${formatBeltSpeed(mpsFrom(Number(suggested), this.unit), this.unit)}, about your usual pace. Lower it if that is not easy.</p>`}
      <div class="actions">
        <label>Test speed <input id="speed" type="text" inputmode="decimal" autocomplete="off" .value=${suggested}
          aria-describedby=${this.problem ? 'speed-problem' : nothing} aria-invalid=${this.problem ? 'true' : 'false'} /> ${label}</label>
        <button class="primary" id="use-speed" type="submit">Use this speed</button>
      </div>
      ${this.problem ? html`<p class="problem" id="speed-problem" role="alert">${this.problem}</p>` : nothing}
    </form>`;
  }
}
customElements.define('stride-program-speed', StrideProgramSpeed);

declare global {
  interface HTMLElementTagNameMap {
    'stride-program-speed': StrideProgramSpeed;
  }
}
