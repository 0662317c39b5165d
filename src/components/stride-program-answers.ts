import { LitElement, css, html, nothing } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';
import type { SessionAnswers } from '../program/program-types.js';

/** Detail of `program-answers`: both taps. */
export type ProgramAnswersDetail = SessionAnswers;

const efforts = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const naturals = [1, 2, 3, 4, 5] as const;

/**
 * The two questions after a program session, as rows of large buttons a runner still out of
 * breath can hit: how hard it felt (1-10) and how natural the new rhythm felt (1-5). The second
 * tap sends both (`program-answers`); a tap can be changed until then. Each row is a group of
 * toggle buttons with its question as the name, and the ends of each scale are said in words.
 */
export class StrideProgramAnswers extends LitElement {
  static override properties = { session: { type: Number }, effort: { state: true }, natural: { state: true } };
  /** Which of the eight sessions, for the heading. */
  declare session: number;
  declare effort: number | null;
  declare natural: number | null;

  constructor() {
    super();
    this.session = 0;
    this.effort = null;
    this.natural = null;
  }

  static override styles = [css`
    /* Large targets for a runner still out of breath (touchTargetStyles reads this). */
    :host { display: block; --touch-target: 3.5rem; }
    section { display: grid; gap: 1rem; background: var(--surface); border: 2px solid var(--accent); border-radius: 12px; padding: 1rem; }
    h2 { margin: 0; font-size: 1.15rem; }
    p { margin: 0; }
    .question { display: grid; gap: 0.4rem; }
    .question > p:first-child { font-weight: 600; }
    .scale { display: grid; gap: 0.4rem; }
    .effort { grid-template-columns: repeat(5, minmax(0, 1fr)); }
    .natural { grid-template-columns: repeat(5, minmax(0, 1fr)); }
    @media (min-width: 40rem) { .effort { grid-template-columns: repeat(10, minmax(0, 1fr)); } }
    button {
      font: inherit; font-size: 1.3rem; font-weight: 700; border-radius: 10px; cursor: pointer;
      border: 1px solid var(--border-strong); background: var(--surface-2); color: inherit; font-variant-numeric: tabular-nums;
    }
    button[aria-pressed='true'] { background: var(--primary-bg); border-color: var(--primary-bg); color: var(--on-strong); }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .ends { display: flex; justify-content: space-between; gap: 1rem; color: var(--muted); font-size: 0.9rem; }
  `, touchTargetStyles];

  #pick(which: 'effort' | 'natural', value: number): void {
    this[which] = value;
    if (this.effort === null || this.natural === null) return;
    this.dispatchEvent(new CustomEvent<ProgramAnswersDetail>('program-answers', {
      detail: { effort: this.effort, natural: this.natural },
      bubbles: true,
      composed: true,
    }));
  }

  #scale(which: 'effort' | 'natural', values: readonly number[], ends: [string, string]) {
    const chosen = this[which];
    return html`<div class="scale ${which}">
        ${values.map((v) => html`<button data-value=${v} aria-pressed=${chosen === v ? 'true' : 'false'} @click=${() => this.#pick(which, v)}>${v}</button>`)}
      </div>
      <p class="ends" aria-hidden="true"><span>${values[0]}: ${ends[0]}</span><span>${values.at(-1)}: ${ends[1]}</span></p>`;
  }

  protected override render() {
    return html`<section aria-labelledby="answers-heading">
      <h2 id="answers-heading">Session ${this.session || ''} done: two taps</h2>
      <div class="question" role="group" aria-labelledby="effort-question" aria-describedby="effort-ends">
        <p id="effort-question">How hard did it feel?</p>
        <span id="effort-ends" hidden>1 is very easy, 10 is maximal.</span>
        ${this.#scale('effort', efforts, ['very easy', 'maximal'])}
      </div>
      <div class="question" role="group" aria-labelledby="natural-question" aria-describedby="natural-ends">
        <p id="natural-question">How natural did the new rhythm feel?</p>
        <span id="natural-ends" hidden>1 is not at all, 5 is like my own.</span>
        ${this.#scale('natural', naturals, ['not at all', 'like my own'])}
      </div>
      ${this.effort !== null && this.natural === null ? html`<p role="status">One more tap: how natural it felt.</p>` : nothing}
      ${this.effort === null && this.natural !== null ? html`<p role="status">One more tap: how hard it felt.</p>` : nothing}
    </section>`;
  }
}
customElements.define('stride-program-answers', StrideProgramAnswers);

declare global {
  interface HTMLElementTagNameMap {
    'stride-program-answers': StrideProgramAnswers;
  }
}
