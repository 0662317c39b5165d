import { LitElement, css, html } from 'lit';
import { formControlStyles } from './form-control-styles.js';
import { DEFAULT_TARGET_PERCENT, type TargetPercent, type TestResult, targetPercents } from '../program/program-types.js';
import { blockTarget } from '../program/targets.js';
import type { DistanceUnit } from '../session/units.js';
import { defaultCadenceZones } from '../session/zones.js';
import { formatBeltSpeed, formatStride, wholeCadence } from './program-format.js';

/** Detail of `start-block`: how far above the baseline the block aims. */
export type StartBlockDetail = TargetPercent;

/**
 * The target after a baseline: +5 % by default, 7.5 and 10 % offered, each with the whole
 * steps/min the block will really get (from this baseline alone, even after an earlier block: a
 * new baseline starts afresh); the 170-180 guideline beside it as context, never as the target.
 * Emits `start-block` with the percent; `busy` disables the button while a start is under way.
 */
export class StrideProgramTarget extends LitElement {
  static override properties = {
    baseline: { attribute: false }, unit: {}, busy: { type: Boolean }, percent: { state: true },
  };
  declare baseline: TestResult | null;
  declare busy: boolean;
  declare unit: DistanceUnit;
  declare percent: TargetPercent;

  constructor() {
    super();
    this.baseline = null;
    this.busy = false;
    this.unit = 'km';
    this.percent = DEFAULT_TARGET_PERCENT;
  }

  static override styles = [css`
    :host { display: block; }
    form { display: grid; gap: 0.6rem; }
    fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 0.25rem; }
    legend { font-weight: 600; padding: 0; margin-bottom: 0.25rem; }
    p { margin: 0; }
    .target { font-size: 1.3rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    .context { color: var(--muted); }
  `, formControlStyles];

  #start(event: Event): void {
    event.preventDefault();
    if (this.busy) return;
    this.dispatchEvent(new CustomEvent<StartBlockDetail>('start-block', { detail: this.percent, bubbles: true, composed: true }));
  }

  #target(percent: TargetPercent): number {
    return blockTarget(this.baseline!.cadenceSpm, percent);
  }

  protected override render() {
    const baseline = this.baseline;
    if (!baseline) return html``;
    const cadence = wholeCadence(baseline.cadenceSpm);
    const { targetFrom, targetTo } = defaultCadenceZones;
    return html`<form @submit=${(e: Event) => this.#start(e)}>
      <p id="baseline">Your cadence at ${formatBeltSpeed(baseline.speedMps, this.unit)}: <strong>${cadence} steps/min</strong>,
        stride ${formatStride(baseline.strideLengthM)}.</p>
      <fieldset>
        <legend>How far above it to aim</legend>
        ${targetPercents.map((p) => html`<label><input type="radio" name="percent" value=${p} .checked=${p === this.percent}
          @change=${() => (this.percent = p)} />+${p} %: ${this.#target(p)} steps/min${p === DEFAULT_TARGET_PERCENT ? ' (suggested)' : ''}</label>`)}
      </fieldset>
      <p class="target" id="target">Target: ${this.#target(this.percent)} steps/min</p>
      <p class="context" id="guideline">For context only: ${targetFrom}–${targetTo} steps/min is the range often quoted for runners. Your
        target comes from your own cadence at this speed, in a small step, not from that range.</p>
      <div class="actions"><button class="primary" id="start-block" type="submit" ?disabled=${this.busy}>Start the eight sessions</button></div>
    </form>`;
  }
}
customElements.define('stride-program-target', StrideProgramTarget);

declare global {
  interface HTMLElementTagNameMap {
    'stride-program-target': StrideProgramTarget;
  }
}
