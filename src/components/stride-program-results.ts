import { LitElement, css, html, nothing } from 'lit';
import type { ProgramBlock } from '../program/program-types.js';
import { blockTarget, highestAfter, nextBlockTarget, retentionVerdict } from '../program/targets.js';
import { formatDate } from '../session/date-format.js';
import type { DistanceUnit } from '../session/units.js';
import { formatBeltSpeed, formatStride, testName, verdictWords, wholeCadence } from './program-format.js';

const verdictNames = { held: 'Held', faded: 'Faded' } as const;

/**
 * "Target (+N %)": the chosen percent for a block from a baseline (from that baseline alone); else
 * N is the real rise over the start row as shown (whole steps), to a tenth, since a block from a
 * held test is not a chosen percent above its start. One held back by the last target says
 * "capped" (blocks stored before a new baseline started afresh may be capped too).
 */
function targetLabel(block: ProgramBlock, before: ProgramBlock | undefined, fromHeld: boolean): string {
  const from = wholeCadence(block.from.cadenceSpm);
  const rise = Math.round(((block.targetSpm - from) / from) * 1000) / 10;
  // What the block would aim at with no last target to hold it back.
  const uncapped = fromHeld ? nextBlockTarget(Number.POSITIVE_INFINITY, block.from.cadenceSpm) : blockTarget(block.from.cadenceSpm, block.targetPercent);
  const capped = before !== undefined && block.targetSpm === highestAfter(before.targetSpm) && block.targetSpm < uncapped;
  if (!fromHeld && !capped) return `Target (+${block.targetPercent}\u00a0%)`;
  const percent = `${rise < 0 ? '\u2212' : '+'}${Math.abs(rise)}\u00a0%`;
  return capped ? `Target (${percent}, capped)` : `Target (${percent})`;
}

/**
 * The tests of each block side by side: where the block started (the baseline, or the retention
 * test that held), its target, and each retention test, with cadence and stride length at the
 * test speed, and whether the change held (within 2 % of the target) or faded, in words under
 * the table for the latest test. A table a phone can show without scrolling sideways: four short
 * columns, the date under the test's name.
 */
export class StrideProgramResults extends LitElement {
  static override properties = { blocks: { attribute: false }, unit: {} };
  declare blocks: readonly ProgramBlock[];
  declare unit: DistanceUnit;

  constructor() {
    super();
    this.blocks = [];
    this.unit = 'km';
  }

  static override styles = css`
    :host { display: grid; gap: 1rem; min-width: 0; }
    h3 { margin: 0; font-size: 1rem; }
    section { display: grid; gap: 0.5rem; min-width: 0; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; max-width: 100%; justify-self: start; }
    td { white-space: nowrap; }
    .hint { color: var(--muted); }
    caption { text-align: left; color: var(--muted); padding-bottom: 0.25rem; }
    th, td { padding: 0.35rem 0.4rem; border-bottom: 1px solid var(--divider); text-align: right; vertical-align: top; }
    th:first-child { text-align: left; font-weight: 600; }
    thead th { font-weight: 600; vertical-align: bottom; }
    .unit { display: block; font-weight: 400; font-size: 0.85rem; color: var(--muted); }
    .when { display: block; font-weight: 400; color: var(--muted); font-size: 0.85rem; }
    .held { color: var(--ok-text); font-weight: 700; }
    .faded { color: var(--warn-text); font-weight: 700; }
    p { margin: 0; }
  `;

  #row(label: string, cadence: number, stride: string, verdict: string, cls = '', when: number | null = null) {
    return html`<tr class=${cls}>
      <th scope="row">${label}${when === null ? nothing : html`<span class="when">${formatDate(when)}</span>`}</th>
      <td>${cadence}</td>
      <td>${stride}</td>
      <td class=${verdict === 'Held' ? 'held' : verdict === 'Faded' ? 'faded' : ''}>${verdict}</td>
    </tr>`;
  }

  #block(block: ProgramBlock, before: ProgramBlock | undefined) {
    // A block starts from the last block's held retention test, or from a baseline (the first
    // block, or a new one after a change that faded or a test too old).
    const fromHeld = before?.tests.some((t) => t.result.sessionId === block.from.sessionId) ?? false;
    const start = fromHeld ? 'Start: the test that held' : 'Baseline test';
    const latest = block.tests.at(-1) ?? null;
    const latestVerdict = latest ? retentionVerdict(latest.result.cadenceSpm, block.targetSpm) : null;
    return html`<section aria-labelledby=${`results-${block.number}`} data-block=${block.number}>
      <h3 id=${`results-${block.number}`}>Block ${block.number}</h3>
      <table>
        <caption>At the test speed, ${formatBeltSpeed(block.from.speedMps, this.unit)}</caption>
        <thead><tr><th scope="col">Test</th><th scope="col">Cadence <span class="unit">steps/min</span></th><th scope="col">Stride</th><th scope="col">Verdict</th></tr></thead>
        <tbody>
          ${this.#row(start, wholeCadence(block.from.cadenceSpm), formatStride(block.from.strideLengthM), '–', 'from', block.from.atMs)}
          ${this.#row(targetLabel(block, before, fromHeld), block.targetSpm, '–', '–', 'target', block.startedAtMs)}
          ${block.tests.map(({ kind, result }) => this.#row(
            testName(kind), wholeCadence(result.cadenceSpm), formatStride(result.strideLengthM),
            verdictNames[retentionVerdict(result.cadenceSpm, block.targetSpm)], `test ${kind}`, result.atMs,
          ))}
        </tbody>
      </table>
      ${latest && latestVerdict
        ? html`<p class="verdict" id=${`verdict-${block.number}`}>${testName(latest.kind)}: ${verdictWords(latestVerdict, latest.result, block.targetSpm)}</p>`
        : html`<p class="hint">No retention test yet: the first comes after session 8.</p>`}
    </section>`;
  }

  protected override render() {
    return this.blocks.length === 0 ? nothing : this.blocks.map((block, i) => this.#block(block, this.blocks[i - 1]));
  }
}
customElements.define('stride-program-results', StrideProgramResults);

declare global {
  interface HTMLElementTagNameMap {
    'stride-program-results': StrideProgramResults;
  }
}
