import { LitElement, css, html, nothing } from 'lit';
import { formControlStyles } from './form-control-styles.js';
import { beltSpeedText } from './workout-format.js';
import { maxSpeedBox, parseOptional, parseSpeed } from './workout-fields.js';
import { type DistanceUnit, speedUnitLabel } from '../session/units.js';
import { DEFAULT_MAX_SPEED_KMH } from '../workout/belt-limits.js';

/** The fields of the workout store's `workout-settings` this section edits or shows (contract section 4). */
export interface WorkoutSettingsShown {
  /** null: the default, from the treadmill. */
  maxSpeedKmh: number | null;
  maxInclinePercent: number | null;
  holdPace: boolean;
  sendEarly: boolean;
  /** Learned lag in seconds, by treadmill. */
  lagS: Readonly<Record<string, number>>;
}

/** Shown, inert, while the stored settings are read: the section keeps its height, so the page below it does not jump. */
const READING: WorkoutSettingsShown = { maxSpeedKmh: null, maxInclinePercent: null, holdPace: false, sendEarly: false, lagS: {} };

/** Detail of `workout-settings`: the fields changed. */
export type WorkoutSettingsChange = Partial<Pick<WorkoutSettingsShown, 'maxSpeedKmh' | 'maxInclinePercent' | 'holdPace' | 'sendEarly'>>;

/**
 * Settings → Treadmill workouts: the highest speed and incline a workout may set (empty: the
 * treadmill's own maximum, the speed capped at a sane running speed), holding the footpod's pace
 * (off unless chosen), sending a step's change early by the learned lag (off unless chosen), and
 * each treadmill's learned lag. A maximum is shown never above the one applied (maxSpeedBox). A
 * box that cannot be read says so and changes nothing. Emits
 * `workout-settings` with the fields changed.
 */
export class StrideWorkoutSettings extends LitElement {
  static override properties = {
    settings: { attribute: false }, unit: {}, defaultMaxSpeedKmh: { attribute: false }, defaultMaxInclinePercent: { attribute: false },
    treadmillNames: { attribute: false }, treadmillKnown: { type: Boolean }, problem: { state: true },
  };
  declare settings: WorkoutSettingsShown | null;
  declare unit: DistanceUnit;
  /** What an empty box means: the connected treadmill's maximum capped at 20 km/h, or 20 km/h with none. */
  declare defaultMaxSpeedKmh: number;
  /** What an empty incline box means: the connected treadmill's maximum, or 15 % with none. */
  declare defaultMaxInclinePercent: number;
  /** The defaults are the connected treadmill's own (it said its ranges). */
  declare treadmillKnown: boolean;
  /** Treadmill ids to names, for the lag list; an unknown id is shown as "A treadmill". */
  declare treadmillNames: Readonly<Record<string, string>>;
  declare problem: string | null;

  constructor() {
    super();
    this.settings = null;
    this.unit = 'km';
    this.defaultMaxSpeedKmh = 20;
    this.defaultMaxInclinePercent = 15;
    this.treadmillKnown = false;
    this.treadmillNames = {};
    this.problem = null;
  }

  static override styles = [css`
    :host { display: grid; gap: 0.6rem; }
    p { margin: 0; }
    label.typed { flex-wrap: wrap; white-space: normal; }
    input:not([type='checkbox']) { width: 6rem; }
    ul { margin: 0; padding-left: 1.2rem; }
  `, formControlStyles];

  #emit(change: WorkoutSettingsChange): void {
    this.dispatchEvent(new CustomEvent<WorkoutSettingsChange>('workout-settings', { detail: change, bubbles: true, composed: true }));
  }

  #maxSpeed(text: string): void {
    const parsed = parseSpeed(text, 'speed', this.unit);
    if (!parsed.ok || (parsed.value !== null && (parsed.value < 4 || parsed.value > 30))) {
      this.problem = `Type the highest belt speed a workout may set, in ${speedUnitLabel[this.unit]} (between ${beltSpeedText(4, this.unit)} and ${beltSpeedText(30, this.unit)}), or leave it empty for the treadmill's own.`;
      return;
    }
    this.problem = null;
    this.#emit({ maxSpeedKmh: parsed.value });
  }

  #maxIncline(text: string): void {
    const parsed = parseOptional(text, 'incline');
    if (!parsed.ok || (parsed.value !== null && (parsed.value < 0 || parsed.value > 30))) {
      this.problem = 'Type the highest incline a workout may set, in percent (0 to 30), or leave it empty for the treadmill\'s own.';
      return;
    }
    this.problem = null;
    this.#emit({ maxInclinePercent: parsed.value });
  }

  protected override render() {
    const reading = this.settings === null;
    const s = this.settings ?? READING;
    const unit = this.unit;
    const speedBoxValue = s.maxSpeedKmh === null ? '' : maxSpeedBox(s.maxSpeedKmh, unit);
    const lags = Object.entries(s.lagS);
    return html`<div ?inert=${reading} aria-busy=${reading ? 'true' : 'false'}>
      ${reading ? html`<p class="hint" role="status">Reading the workout settings…</p>` : nothing}
      <p class="hint">A workout never sets the belt faster or steeper than these; a step that asks for more gets the maximum, and the screen says so.</p>
      <label class="typed">Highest speed <input id="max-speed" inputmode="decimal" autocomplete="off" .value=${speedBoxValue}
        placeholder=${maxSpeedBox(this.defaultMaxSpeedKmh, unit)}
        aria-describedby="max-speed-default" @change=${(e: Event) => this.#maxSpeed((e.target as HTMLInputElement).value)} /> ${speedUnitLabel[unit]}</label>
      <p class="hint" id="max-speed-default">Empty: ${maxSpeedBox(this.defaultMaxSpeedKmh, unit)} ${speedUnitLabel[unit]}, ${this.treadmillKnown ? "this treadmill's maximum" : "until a treadmill says its maximum"}, never above ${maxSpeedBox(DEFAULT_MAX_SPEED_KMH, unit)} ${speedUnitLabel[unit]}.</p>
      <label class="typed">Highest incline <input id="max-incline" inputmode="decimal" autocomplete="off"
        .value=${s.maxInclinePercent === null ? '' : String(s.maxInclinePercent)}
        placeholder=${String(this.defaultMaxInclinePercent)}
        aria-describedby="max-incline-default" @change=${(e: Event) => this.#maxIncline((e.target as HTMLInputElement).value)} /> %</label>
      <p class="hint" id="max-incline-default">Empty: ${this.defaultMaxInclinePercent} %, ${this.treadmillKnown ? "this treadmill's maximum" : 'until a treadmill says its maximum'}.</p>
      ${this.problem ? html`<p class="problem" id="workout-settings-problem" role="alert">${this.problem}</p>` : nothing}
      <label class="check"><input type="checkbox" id="hold-pace" .checked=${s.holdPace}
        @change=${(e: Event) => this.#emit({ holdPace: (e.target as HTMLInputElement).checked })} />
        Hold the footpod's pace: nudge the belt (at most 0.3 km/h each 30 s, within 5 % of the step) so the pod reads the step's speed</label>
      <label class="check"><input type="checkbox" id="send-early" .checked=${s.sendEarly}
        @change=${(e: Event) => this.#emit({ sendEarly: (e.target as HTMLInputElement).checked })} />
        Send each step's change early by the treadmill's learned lag</label>
      ${lags.length
        ? html`<p>Learned lag (from a command to 95 % of the new speed):</p>
            <ul id="lags">${lags.map(([id, lag]) => html`<li>${this.treadmillNames[id] ?? 'A treadmill'}: ${lag.toFixed(1)} s</li>`)}</ul>`
        : html`<p class="hint" id="lags">No lag learned yet: a workout on a treadmill that takes commands learns it.</p>`}
    </div>`;
  }
}
customElements.define('stride-workout-settings', StrideWorkoutSettings);

declare global {
  interface HTMLElementTagNameMap {
    'stride-workout-settings': StrideWorkoutSettings;
  }
}
