import { LitElement, css, html, nothing } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';
import type { CadencePlanOutcome, PlanBaseline } from '../coach/cadence-plan.js';
import { targetLabel } from '../coach/plan-steps.js';
import type { PlanTarget } from '../session/plan-settings.js';
import { formatShortDate } from './session-format.js';

/** A few words above the reason, so the state reads at a glance (never by colour alone). */
export const planHeadlines: Record<CadencePlanOutcome['kind'], string> = {
  'need-more-runs': 'Not enough runs yet',
  hold: 'Hold this target',
  regressed: 'Hold this target for now',
  'at-goal': 'At the goal',
  step: 'Next step',
};

/**
 * The cadence plan's answer and its reason in words; for a proposed step, Accept and Not now.
 * Emits `plan-accept` and `plan-decline`; the page changes the settings.
 */
export class StrideCadencePlan extends LitElement {
  static override properties = {
    outcome: { attribute: false },
    declined: { type: Boolean },
    accepted: { attribute: false },
  };
  declare outcome: CadencePlanOutcome | null;
  /** The runner said "Not now" to this very step. */
  declare declined: boolean;
  /** Steps taken so far, oldest first. */
  declare accepted: readonly PlanTarget[];

  constructor() {
    super();
    this.outcome = null;
    this.declined = false;
    this.accepted = [];
  }

  static override styles = [css`
    :host { display: grid; gap: 0.5rem; max-width: 48rem; }
    p { margin: 0; }
    .headline { font-weight: 700; font-size: 1.05rem; }
    .step { font-size: 1.3rem; font-variant-numeric: tabular-nums; }
    .step .to { color: var(--accent); font-weight: 700; }
    .hint { color: var(--muted); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    button { font: inherit; padding: 0.4rem 0.9rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; }
    button.primary { background: var(--primary-bg); border-color: var(--accent); color: var(--on-strong); }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  `, touchTargetStyles];

  #emit(name: 'plan-accept' | 'plan-decline'): void {
    this.dispatchEvent(new Event(name, { bubbles: true, composed: true }));
  }

  #renderStep(outcome: Extract<CadencePlanOutcome, { kind: 'step' }>) {
    const change = html`<p class="step" id="change">
      Target <span class="from">${targetLabel(outcome.from)}</span>
      <span aria-hidden="true">→</span><span class="visually-hidden"> to </span>
      <span class="to">${targetLabel(outcome.to)}</span> steps/min
    </p>`;
    if (this.declined) {
      return html`${change}
        <p class="hint" id="declined">You said not now. The plan asks again after your next run at this pace; you can always change the zones in Settings.</p>`;
    }
    return html`${change}
      <div class="actions">
        <button class="primary" id="accept" @click=${() => this.#emit('plan-accept')}>Accept ${targetLabel(outcome.to)}</button>
        <button id="decline" @click=${() => this.#emit('plan-decline')}>Not now</button>
      </div>`;
  }

  /** Where the plan's steps start from, said apart from the reason so a new tapped count shows at once. */
  #renderBaseline(baseline: PlanBaseline) {
    const from = baseline.source === 'tap' ? `tapped along on ${formatShortDate(baseline.atMs)}` : 'your last three runs at your usual pace';
    return html`<p id="baseline">Your baseline: <strong>${Math.round(baseline.spm)}</strong> steps/min, ${from}</p>`;
  }

  protected override render() {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    const steps = this.accepted;
    return html`
      <p class="headline" id="headline">${planHeadlines[outcome.kind]}</p>
      ${outcome.planBaseline ? this.#renderBaseline(outcome.planBaseline) : nothing}
      <p id="reason">${outcome.reason}</p>
      ${outcome.kind === 'step' ? this.#renderStep(outcome) : nothing}
      ${steps.length > 0
        ? html`<p class="hint" id="steps">Steps taken: ${steps.map((s, i) => `${i > 0 ? ', ' : ''}${targetLabel(s)} on ${formatShortDate(s.atMs)}`)}.</p>`
        : nothing}
    `;
  }
}
customElements.define('stride-cadence-plan', StrideCadencePlan);

declare global {
  interface HTMLElementTagNameMap {
    'stride-cadence-plan': StrideCadencePlan;
  }
}
