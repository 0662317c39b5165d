import { LitElement, css, html, nothing } from 'lit';
import type { ScheduleItem } from '../program/program-types.js';
import { formatDate } from '../session/date-format.js';
import type { DistanceUnit } from '../session/units.js';
import { formatStride, itemHolds, itemName, wholeCadence } from './program-format.js';

/** Whether `a` is the not-yet-done item `next` (a repeated session's done run has the same number). */
export function isNextItem(a: ScheduleItem, next: ScheduleItem | null): boolean {
  if (!next || a.done || a.kind !== next.kind || a.block !== next.block) return false;
  return a.kind === 'session' ? a.n === (next as typeof a).n : a.test === (next as typeof a).test;
}

/** What a done item came to: "21 min, cadence 171, effort 4/10"; a test its cadence and stride. */
export function doneWords(item: ScheduleItem): string | null {
  if (item.kind === 'test') {
    return item.done ? `cadence ${wholeCadence(item.done.cadenceSpm)}, stride ${formatStride(item.done.strideLengthM)}` : null;
  }
  const done = item.done;
  if (!done) return null;
  const parts = [`${Math.round(done.mainRunningS / 60)} min`, `cadence ${done.cadenceSpm === null ? '–' : Math.round(done.cadenceSpm)}`];
  parts.push(done.answers ? `effort ${done.answers.effort}/10, natural ${done.answers.natural}/5` : 'not rated');
  return parts.join(', ');
}

const blockTitle = (items: readonly ScheduleItem[]): string => {
  const first = items[0]!;
  if (first.block === 0) return 'Before the first block';
  const session = items.find((i) => i.kind === 'session');
  return `Block ${first.block}${session?.kind === 'session' ? `: target ${session.targetSpm} steps/min` : ''}`;
};

/**
 * The program's schedule: every block's sessions and tests in order, each with its day (through
 * date-format.ts), what it holds (minutes, target, how much metronome; a test's speed), and once
 * done a tick and what it came to. The next item is marked in words, not by colour alone.
 */
export class StrideProgramSchedule extends LitElement {
  static override properties = { items: { attribute: false }, next: { attribute: false }, unit: {} };
  declare items: readonly ScheduleItem[];
  declare next: ScheduleItem | null;
  declare unit: DistanceUnit;

  constructor() {
    super();
    this.items = [];
    this.next = null;
    this.unit = 'km';
  }

  static override styles = css`
    :host { display: grid; gap: 0.75rem; }
    h3 { margin: 0; font-size: 1rem; }
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; }
    li {
      display: grid; grid-template-columns: 1.5rem minmax(7rem, 9rem) minmax(0, 1fr); gap: 0.1rem 0.75rem; align-items: baseline;
      padding: 0.4rem 0.5rem; border-radius: 8px; border: 1px solid transparent;
    }
    li.next { border-color: var(--accent); background: var(--surface); }
    .tick { font-weight: 700; color: var(--ok-text); }
    .when { color: var(--muted); font-variant-numeric: tabular-nums; }
    .what { min-width: 0; }
    .name { font-weight: 600; }
    .done, .next-word { display: block; color: var(--muted); font-size: 0.9rem; }
    .next-word { color: var(--text); font-weight: 600; }
    @media (max-width: 30rem) {
      li { grid-template-columns: 1.5rem minmax(0, 1fr); }
      .when { grid-column: 2; }
      .what { grid-column: 2; }
    }
  `;

  #blocks(): ScheduleItem[][] {
    const blocks: ScheduleItem[][] = [];
    for (const item of this.items) {
      const last = blocks.at(-1);
      if (last && last[0]!.block === item.block) last.push(item);
      else blocks.push([item]);
    }
    return blocks;
  }

  #item(item: ScheduleItem) {
    const isNext = isNextItem(item, this.next);
    const done = doneWords(item);
    return html`<li class=${isNext ? 'next' : item.done ? 'is-done' : 'planned'} data-kind=${item.kind}>
      <span class="tick" aria-hidden="true">${item.done ? '✓' : ''}</span>
      <span class="when">${formatDate(item.dayMs)}</span>
      <span class="what">
        <span class="name">${itemName(item)}</span>: ${itemHolds(item, this.unit)}
        ${done ? html`<span class="done">Done: ${done}</span>` : nothing}
        ${isNext ? html`<span class="next-word">Next</span>` : nothing}
      </span>
    </li>`;
  }

  protected override render() {
    if (this.items.length === 0) return nothing;
    return this.#blocks().map(
      (items) => html`<section aria-label=${blockTitle(items)}>
        <h3>${blockTitle(items)}</h3>
        <ol>${items.map((item) => this.#item(item))}</ol>
      </section>`,
    );
  }
}
customElements.define('stride-program-schedule', StrideProgramSchedule);

declare global {
  interface HTMLElementTagNameMap {
    'stride-program-schedule': StrideProgramSchedule;
  }
}
