// Two parts of the Program page that read a finished run or a held test: the test's cadence
// revealed after it was hidden (with the minutes left out), and the next block offered once a
// retention test held. Plain templates rendered in the page's shadow root.

import { html, nothing } from 'lit';
import { formatBeltSpeed, formatStride, keptWords, testName, wholeCadence } from '../components/program-format.js';
import { blockSource } from '../program/program-state.js';
import type { ProgramState, TestKind } from '../program/program-types.js';
import { nextBlockTarget } from '../program/targets.js';
import type { TestOutcome } from '../program/test-result.js';
import type { DistanceUnit } from '../session/units.js';

/** A test just run: its cadence and stride, hidden while it ran; or why it did not count. */
export function programReveal(finished: { outcome: TestOutcome; test: TestKind }, unit: DistanceUnit) {
  const name = testName(finished.test);
  const outcome = finished.outcome;
  if (!outcome.ok) {
    return html`<section class="card today" id="reveal" aria-labelledby="reveal-heading">
      <h2 id="reveal-heading">${name}: not counted</h2>
      <p id="reveal-why">${outcome.why}</p>
      <p>The Start button below sets it up again.</p>
    </section>`;
  }
  const { result } = outcome;
  const note = outcome.note ?? keptWords(result);
  return html`<section class="card today" id="reveal" aria-labelledby="reveal-heading">
    <h2 id="reveal-heading">${name} done</h2>
    <p>Hidden while you ran, here it is. At ${formatBeltSpeed(result.speedMps, unit)}:</p>
    <p class="sentence" id="reveal-cadence">Cadence ${wholeCadence(result.cadenceSpm)} steps/min, stride ${formatStride(result.strideLengthM)}</p>
    <p id="reveal-kept">Measured over ${result.keptMinutes} of the test's minutes.${note ? html` <span id="reveal-note">${note}</span>` : nothing}</p>
  </section>`;
}

/** The retention tests still to come after `kind`, which show whether a change lasts, in words. */
const laterTests: Readonly<Partial<Record<TestKind, string>>> = {
  'end-of-block': 'one-week and four-weeks tests, which show',
  'one-week': 'four-weeks test, which shows',
};

/**
 * Once the last block's latest retention test held: the next block, at most 5 % above the last
 * target. When the runner already runs above that step, the page says so plainly. Before the
 * four-weeks test it also says which of this block's tests starting now leaves out, and that
 * waiting for them is fine: the plan goes on with them, and the offer comes back after each that holds.
 */
export function programNextBlock(state: ProgramState, startable: boolean, busy: boolean, start: () => void) {
  const source = blockSource(state);
  const block = state.blocks.at(-1);
  if (!source || source.lastTargetSpm === null || !block || !startable) return nothing;
  const target = nextBlockTarget(source.lastTargetSpm, source.from.cadenceSpm);
  const held = wholeCadence(source.from.cadenceSpm);
  const from = block.tests.find((t) => t.result.sessionId === source.from.sessionId);
  const left = from ? laterTests[from.kind] : undefined;
  return html`<section class="card" id="next-block" aria-labelledby="next-block-heading">
    <h2 id="next-block-heading">The change held: a next block?</h2>
    <p>Your cadence at the test was ${held} steps/min against the target of ${source.lastTargetSpm}.
      A next block of eight sessions would aim at <strong id="next-target">${target} steps/min</strong>, at most 5 % above the last target.
      Starting it also moves your target zone to match.</p>
    ${left
      ? html`<p id="leaves-out">Starting it now leaves out this block's ${left} whether the change lasts. You can wait
          instead: the plan goes on with this block's tests, and this offer comes back after each one that holds.</p>`
      : nothing}
    ${held > target
      ? html`<p id="above-step">You already run at ${held} at this speed, above the next step of ${target}: the program moves in steps of at most 5 %.</p>`
      : nothing}
    <div class="actions"><button class="primary" id="start-next-block" ?disabled=${busy} @click=${start}>Start block ${block.number + 1}</button></div>
  </section>`;
}

/** The latest session of the current block still without its two taps, or null. */
export function latestUnanswered(state: ProgramState): { block: number; index: number; n: number } | null {
  const block = state.blocks.at(-1);
  if (!block) return null;
  for (let index = block.sessions.length - 1; index >= 0; index--) {
    if (block.sessions[index]!.answers === null) return { block: block.number, index, n: block.sessions[index]!.n };
  }
  return null;
}

/**
 * Why a baseline comes before the next block, truly: the last block's change faded (no held test
 * to start from), or the test to start from is older than eight weeks.
 */
export function newBaselineReason(state: ProgramState): string {
  return state.baseline === null && blockSource(state) === null
    ? 'The change faded at your last test'
    : 'Your last test is more than 8 weeks old';
}
