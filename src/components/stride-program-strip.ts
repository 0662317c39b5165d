import { LitElement, css, html, nothing } from 'lit';
import type { ProgramMoment } from '../program/program-types.js';
import { SESSIONS_PER_BLOCK } from '../program/session-plan.js';
import { formatDuration } from '../session/units.js';

/** Whole minutes done and left read best from a belt; the last minute counts down in seconds. */
function left(seconds: number): string {
  return seconds < 60 ? `${formatDuration(seconds)} left` : `${Math.ceil(seconds / 60)} min left`;
}
const done = (seconds: number): string => `${Math.floor(seconds / 60)} min done`;

/** The run's name on the strip: "Session 5 of 8", "Baseline test". */
export type ProgramRunName = string;

/**
 * A program run's progress on the treadmill screen, in words and large type: the phase, the
 * minutes at target done and left, the metronome block of blocks, and whether the metronome is on
 * now. It sits in the side part of the screen, never over the cadence. A test says its time only.
 */
export class StrideProgramStrip extends LitElement {
  static override properties = {
    moment: { attribute: false }, name: {}, targetSpm: { attribute: false }, muted: { type: Boolean }, paused: { type: Boolean },
  };
  declare moment: ProgramMoment | null;
  declare name: ProgramRunName;
  /** A session's target; null for a test, whose cadence stays hidden. */
  declare targetSpm: number | null;
  /** The coach is muted, or the recording paused: the plan's metronome block is on, but nothing clicks. */
  declare muted: boolean;
  declare paused: boolean;

  constructor() {
    super();
    this.moment = null;
    this.name = '';
    this.targetSpm = null;
    this.muted = false;
    this.paused = false;
  }

  static override styles = css`
    :host { display: block; }
    .strip {
      display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2em 0.8em; margin: 0;
      padding: 1.2vmin 2vmin; border-radius: 1.5vmin; background: var(--surface); border: 2px solid var(--accent);
      font-size: clamp(1rem, 2.8vmin, 1.6rem); line-height: 1.2;
    }
    .name { font-weight: 800; }
    .phase { font-weight: 700; }
    .metronome { font-weight: 700; }
  `;

  #words(m: ProgramMoment): string[] {
    const test = m.cueFree;
    if (m.phase === 'warm-up') return ['Warm-up', test ? 'the 5 test minutes start after 5 minutes of running' : `then the minutes at ${this.targetSpm ?? 'target'}`];
    if (m.phase === 'cool-down') return [test ? 'Test done' : 'Minutes at target done', 'cool down, then Stop'];
    const parts = [test ? 'Test' : `At ${this.targetSpm ?? 'target'}`, `${done(m.mainDoneS)}, ${left(m.mainLeftS)}`];
    if (!test && m.blocks > 1) parts.push(`block ${m.block} of ${m.blocks}`);
    return parts;
  }

  /** "On now" only when it clicks: a muted coach or a paused recording plays nothing. */
  #metronomeWords(on: boolean): string {
    if (!on) return 'Metronome off now';
    if (this.paused) return 'Metronome paused';
    return this.muted ? 'Metronome muted' : 'Metronome on now';
  }

  protected override render() {
    const m = this.moment;
    if (!m) return nothing;
    const [phase, ...rest] = this.#words(m);
    return html`<p class="strip" id="program-strip">
      <span class="name">${this.name}</span>
      <span class="phase" id="program-phase">${phase}</span>
      ${rest.map((words) => html`<span class="detail">${words}</span> `)}
      ${m.cueFree ? nothing : html`<span class="metronome" id="program-metronome">${this.#metronomeWords(m.metronomeOn)}</span>`}
    </p>`;
  }
}
customElements.define('stride-program-strip', StrideProgramStrip);

declare global {
  interface HTMLElementTagNameMap {
    'stride-program-strip': StrideProgramStrip;
  }
}

export const sessionOf = (n: number): string => `Session ${n} of ${SESSIONS_PER_BLOCK}`;
