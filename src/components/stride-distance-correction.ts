import { LitElement, css, html, nothing } from 'lit';
import { MAX_FACTOR, MIN_FACTOR, isSaneFactor } from '../session/calibration.js';
import { type TypedPrecision, showsTyped, typedPrecision } from '../session/run-correction.js';
import { type DistanceUnit, formatDistanceIn } from '../session/units.js';
import { formatFactor, metresFrom, parseTypedNumber } from './calibration-format.js';
import { cardStyles, formControlStyles } from './form-control-styles.js';

export interface CorrectionApplyDetail {
  treadmillDistanceM: number;
  /** How it was typed: a run already showing that figure is left as it is. */
  typed: TypedPrecision;
  /** Also scale this run's distance and speed (raw values are kept, so it can be done again). */
  rescaleRun: boolean;
}

/** What the typed distance makes of the pod, worked out as the runner types. */
type Reading =
  | { kind: 'empty' }
  | { kind: 'not-a-number'; typed: string }
  | { kind: 'same'; treadmillDistanceM: number }
  | { kind: 'factor'; factor: number; treadmillDistanceM: number; typedAs: TypedPrecision };


const [minPercent, maxPercent] = [Math.round(MIN_FACTOR * 100), Math.round(MAX_FACTOR * 100)];

/**
 * After a run on a treadmill: type the distance the treadmill showed, see what it is of the pod's
 * raw count (treadmill ÷ pod) as you type, and correct with it: this run, if ticked, shows that
 * distance, and the pod's factor at the run's pace is set when the run kept one pace. A run that
 * already shows the typed distance has nothing to correct. Properties in; 'correction-apply'
 * (CustomEvent<CorrectionApplyDetail>) out. Names are text only.
 */
export class StrideDistanceCorrection extends LitElement {
  static override properties = {
    podName: {},
    podDistanceM: { type: Number },
    runDistanceM: { type: Number },
    unit: {},
    available: { type: Boolean },
    unavailableReason: {},
    outcome: {},
    typed: { state: true },
    rescaleRun: { state: true },
  };
  declare podName: string | null;
  /** The run's distance as the pod measured it, before any factor. */
  declare podDistanceM: number;
  /** The run's distance as it shows now (calibrated, re-scaled), or NaN when not known. */
  declare runDistanceM: number;
  declare unit: DistanceUnit;
  /** False for a run there is no pod reading of (imported, simulated); `unavailableReason` says why. */
  declare available: boolean;
  declare unavailableReason: string | null;
  /** A sentence once the correction was applied. */
  declare outcome: string | null;
  declare typed: string;
  declare rescaleRun: boolean;

  constructor() {
    super();
    this.podName = null;
    this.podDistanceM = 0;
    this.runDistanceM = Number.NaN;
    this.unit = 'km';
    this.available = true;
    this.unavailableReason = null;
    this.outcome = null;
    this.typed = '';
    // The runner typed what this run really was: correcting it too is what they most likely want.
    this.rescaleRun = true;
  }

  static override styles = [
    formControlStyles,
    cardStyles,
    css`
      .distance { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; font-weight: 600; }
      .distance input { width: 6rem; }
      .factor { font-weight: 700; font-variant-numeric: tabular-nums; }
    `,
  ];

  protected override render() {
    return html`<section aria-labelledby="correction-heading">
      <h2 id="correction-heading">Correct the distance from the treadmill</h2>
      ${this.available ? this.#renderForm() : html`<p class="hint" id="unavailable">${this.unavailableReason ?? 'This run cannot be corrected.'}</p>`}
      <p class="ok" id="outcome" role="status">${this.outcome ?? nothing}</p>
    </section>`;
  }

  #renderForm() {
    const reading = this.#reading();
    const usable = reading.kind === 'factor' && isSaneFactor(reading.factor) ? reading : null;
    const pod = this.podName ? html`<span class="pod">${this.podName}</span>` : 'this footpod';
    const shows = Number.isFinite(this.runDistanceM)
      ? html` This run shows ${formatDistanceIn(this.runDistanceM, this.unit)}&nbsp;${this.unit}.`
      : nothing;
    return html`<p class="hint">The footpod measured ${formatDistanceIn(this.podDistanceM, this.unit)}&nbsp;${this.unit} before calibration.${shows}</p>
      <form class="actions" @submit=${(e: Event) => this.#apply(e, usable)}>
        <label class="distance">The treadmill showed
          <span class="typed"><input id="treadmill-distance" inputmode="decimal" autocomplete="off" .value=${this.typed} aria-describedby="reading"
            aria-invalid=${reading.kind === 'not-a-number' || (reading.kind === 'factor' && !usable) ? 'true' : 'false'}
            @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)} />
          ${this.unit}</span></label>
      </form>
      <p id="reading" role="status">${this.#describe(reading)}</p>
      <label class="check">
        <input type="checkbox" id="rescale-run" .checked=${this.rescaleRun}
          @change=${(e: Event) => (this.rescaleRun = (e.target as HTMLInputElement).checked)} />
        Also correct this run
      </label>
      <p class="hint" id="rule">The footpod's factor is set only when the run kept one pace and one gait on the flat, with nearly
        all its distance from the footpod: one distance for a run at several paces cannot say at which pace ${pod} is off.</p>
      <div class="actions">
        <button id="apply" class="primary" ?disabled=${!usable} @click=${(e: Event) => this.#apply(e, usable)}>
          Correct with the treadmill's distance</button>
      </div>`;
  }

  #reading(): Reading {
    const typed = this.typed.trim();
    if (typed === '') return { kind: 'empty' };
    const amount = parseTypedNumber(typed);
    if (amount === null || amount <= 0 || !(this.podDistanceM > 0)) return { kind: 'not-a-number', typed };
    const treadmillDistanceM = metresFrom(amount, this.unit);
    // Same only when this run shows the typed figure: a run showing 3.10 mi is corrected to 3.11.
    const typedAs = typedPrecision(typed.replace(',', '.').split('.')[1]?.length ?? 0, this.unit);
    if (showsTyped(this.runDistanceM, treadmillDistanceM, typedAs)) return { kind: 'same', treadmillDistanceM };
    return { kind: 'factor', factor: treadmillDistanceM / this.podDistanceM, treadmillDistanceM, typedAs };
  }

  #describe(reading: Reading) {
    switch (reading.kind) {
      case 'empty':
        return html`<span class="hint">Type the distance on the treadmill's display to see the factor it makes.</span>`;
      case 'not-a-number':
        return html`<span class="problem">“${reading.typed}” is not a distance: type the number the treadmill shows, for example 5.2.</span>`;
      case 'same':
        return html`This run already shows that distance: there is nothing to correct.`;
      case 'factor':
        return isSaneFactor(reading.factor)
          ? html`That is <span class="factor">${formatFactor(reading.factor)}</span> of what the footpod measured (treadmill ÷ footpod).`
          : html`<span class="problem">That would make the factor ${formatFactor(reading.factor)}: a footpod is not off by that much
              (${minPercent} to ${maxPercent}&nbsp;%). Check the distance you typed, and that this run was on that treadmill.</span>`;
    }
  }

  #apply(event: Event, usable: { treadmillDistanceM: number; typedAs: TypedPrecision } | null): void {
    event.preventDefault();
    if (!usable) return;
    this.dispatchEvent(
      new CustomEvent<CorrectionApplyDetail>('correction-apply', {
        detail: { treadmillDistanceM: usable.treadmillDistanceM, typed: usable.typedAs, rescaleRun: this.rescaleRun },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
customElements.define('stride-distance-correction', StrideDistanceCorrection);

declare global {
  interface HTMLElementTagNameMap {
    'stride-distance-correction': StrideDistanceCorrection;
  }
}
