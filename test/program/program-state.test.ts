// The program's transitions: each returns a new state and leaves the one it was given as it was.
import { expect } from '@open-wc/testing';
import {
  blockSource,
  canStartBlock,
  needsNewBaseline,
  newProgram,
  withAnswers,
  withBlockStarted,
  withPaused,
  withProgress,
  withRepeatChoice,
  withResumed,
  withRunCancelled,
  withRunStarted,
  withSessionDone,
  withTestDone,
  withTestSpeed,
} from '../../src/program/program-state.js';
import { nextItem } from '../../src/program/program-schedule.js';
import type { ProgramState } from '../../src/program/program-types.js';
import { at, sessionAt, testAt } from './program-fixtures.js';

const deepFrozen = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFrozen);
    Object.freeze(value);
  }
  return value;
};

function withBaseline(cadence: number, atMs: number): ProgramState {
  const state = withTestSpeed(newProgram(atMs - 3600_000), 2.8);
  return withTestDone(withRunStarted(state, nextItem(state, atMs)!, atMs), { ok: true, result: testAt(atMs, cadence), note: null }, 'base-run');
}

describe('program transitions', () => {
  it('start with nothing: no speed, no baseline, no blocks', () => {
    expect(newProgram(5)).to.deep.equal({ version: 1, createdAtMs: 5, testSpeedMps: null, baseline: null, blocks: [], pauses: [], active: null });
  });

  it('refuse a test speed that is no belt speed', () => {
    expect(() => withTestSpeed(newProgram(0), 0)).to.throw(RangeError);
    expect(() => withTestSpeed(newProgram(0), Number.NaN)).to.throw(RangeError);
    expect(withTestSpeed(newProgram(0), 2.5).testSpeedMps).to.equal(2.5);
  });

  it('keep a run going on, its progress, and clear it when cancelled', () => {
    const state = deepFrozen(withTestSpeed(newProgram(0), 2.8));
    const started = withRunStarted(state, nextItem(state, 10)!, 10);
    expect(started.active).to.deep.include({ kind: 'test', test: 'baseline', n: null, block: 0, startedAtMs: 10 });
    expect(withProgress(started, 120, 30).active).to.deep.include({ warmUpRunningS: 120, mainRunningS: 30 });
    expect(withRunCancelled(started).active).to.equal(null);
    expect(state.active).to.equal(null);
  });

  it('put a valid baseline in state.baseline, and record nothing for an invalid test', () => {
    const now = at(2026, 12, 1);
    const state = deepFrozen(withTestSpeed(newProgram(now), 2.8));
    const running = withRunStarted(state, nextItem(state, now)!, now);
    const failed = withTestDone(running, { ok: false, why: 'Only 2 minutes were at the test speed: take it again.' }, 'x');
    expect(failed.baseline).to.equal(null);
    expect(failed.active).to.equal(null);
    const passed = withTestDone(running, { ok: true, result: testAt(now, 165), note: null }, 'run-1');
    expect(passed.baseline).to.deep.include({ cadenceSpm: 165, sessionId: 'run-1' });
  });

  it('begin a block from the baseline with the chosen percent, and a later one 5 % above the held test that came out above it', () => {
    const start = at(2026, 12, 2);
    const state = deepFrozen(withBaseline(160, at(2026, 12, 1)));
    const begun = withBlockStarted(state, 7.5, start);
    expect(begun.baseline).to.equal(null);
    expect(begun.blocks[0]).to.deep.include({ number: 1, targetPercent: 7.5, targetSpm: 172, startedAtMs: start, repeatChosen: null });
    let done = begun;
    for (let n = 1; n <= 8; n++) done = withSessionDone(done, { ...sessionAt(n, start + n * 2 * 86_400_000), n });
    const endTest = at(2026, 12, 20);
    done = withTestDone(done, { ok: true, result: testAt(endTest, 180), note: null }, 'end');
    expect(done.blocks[0]!.tests.map((t) => t.kind)).to.deep.equal(['end-of-block']);
    expect(canStartBlock(done, endTest)).to.equal(true);
    const next = withBlockStarted(done, 5, at(2026, 12, 21));
    // The runner kept 180, above the target 172: the next step is at most 5 % above the last
    // target (issue 18), 172 × 1.05 = 180.6, floored; never 189 (180 × 1.05), a 9.9 % jump.
    expect(next.blocks[1]).to.deep.include({ number: 2, targetSpm: 180 });
  });

  it('offer no block from a retention test that faded', () => {
    let state = withBlockStarted(withBaseline(160, at(2026, 12, 1)), 5, at(2026, 12, 2));
    for (let n = 1; n <= 8; n++) state = withSessionDone(state, { ...sessionAt(n, at(2026, 12, 2 + 2 * n)), n });
    state = withTestDone(state, { ok: true, result: testAt(at(2026, 12, 20), 163), note: null }, 'end');
    expect(blockSource(state)).to.equal(null);
    expect(canStartBlock(state, at(2026, 12, 20))).to.equal(false);
    expect(() => withBlockStarted(state, 5, at(2026, 12, 20))).to.throw(/baseline/);
  });

  it('begin a block from a new baseline after one that faded at the chosen percent above that baseline alone', () => {
    let state = withBlockStarted(withBaseline(150, at(2026, 12, 1)), 5, at(2026, 12, 2));
    for (let n = 1; n <= 8; n++) state = withSessionDone(state, { ...sessionAt(n, at(2026, 12, 2 + 2 * n)), n });
    for (const [day, cadence] of [[20, 150], [27, 151], [48, 152]] as const) {
      state = withTestDone(state, { ok: true, result: testAt(at(2026, 12, day), cadence), note: null }, `t${day}`);
    }
    // Faded against 157; a new baseline of 156 starts afresh: 10 % above it is 171 (171.6, floored),
    // though that is 9 % above the last target: the 5 % step applies to a test that held.
    state = withTestDone(state, { ok: true, result: testAt(at(2027, 1, 20), 156), note: null }, 'again');
    expect(state.baseline!.cadenceSpm).to.equal(156);
    expect(withBlockStarted(state, 10, at(2027, 1, 20, 12)).blocks[1]!.targetSpm).to.equal(171);
    expect(withBlockStarted(state, 5, at(2027, 1, 20, 12)).blocks[1]!.targetSpm).to.equal(163);
  });

  it('aim a block begun from a much higher new baseline above that baseline, not at 5 % above the last target', () => {
    let state = withBlockStarted(withBaseline(150, at(2026, 12, 1)), 5, at(2026, 12, 2));
    for (let n = 1; n <= 8; n++) state = withSessionDone(state, { ...sessionAt(n, at(2026, 12, 2 + 2 * n)), n });
    for (const [day, cadence] of [[20, 150], [27, 151], [48, 152]] as const) {
      state = withTestDone(state, { ok: true, result: testAt(at(2026, 12, day), cadence), note: null }, `t${day}`);
    }
    // A new baseline of 170, far above the last target 157: capped at 164 (157 × 1.05, floored) the
    // block would aim below the cadence the runner runs today; it aims 5 or 10 % above 170.
    state = withTestDone(state, { ok: true, result: testAt(at(2027, 1, 20), 170), note: null }, 'again');
    expect(withBlockStarted(state, 5, at(2027, 1, 20, 12)).blocks[1]!.targetSpm).to.equal(178);
    expect(withBlockStarted(state, 10, at(2027, 1, 20, 12)).blocks[1]!.targetSpm).to.equal(187);
  });

  it('aim a block from a new baseline after a held test went stale above that baseline, not at 5 % above the last target', () => {
    let state = withBlockStarted(withBaseline(164, at(2026, 12, 1)), 5, at(2026, 12, 2)); // target 172
    for (let n = 1; n <= 8; n++) state = withSessionDone(state, { ...sessionAt(n, at(2026, 12, 2 + 2 * n)), n });
    // Held and rising at all three tests, then nine weeks away: the held test is stale.
    for (const [day, cadence] of [[20, 176], [27, 177], [48, 178]] as const) {
      state = withTestDone(state, { ok: true, result: testAt(at(2026, 12, day), cadence), note: null }, `t${day}`);
    }
    expect(needsNewBaseline(state, at(2027, 3, 20))).to.equal(true);
    state = withTestDone(state, { ok: true, result: testAt(at(2027, 3, 20), 182), note: null }, 'again');
    // 182 + 5 % is 191; capped at the last target (172 × 1.05 → 180) it would aim below 182.
    expect(withBlockStarted(state, 5, at(2027, 3, 20, 12)).blocks[1]!.targetSpm).to.equal(191);
  });

  it('ask for a new baseline when the test to start from is older than 56 days', () => {
    const state = withBaseline(160, at(2026, 12, 1));
    expect(needsNewBaseline(state, at(2027, 1, 26, 23))).to.equal(false);
    expect(needsNewBaseline(state, at(2027, 1, 27, 1))).to.equal(true);
    expect(canStartBlock(state, at(2027, 1, 27, 1))).to.equal(false);
  });

  it('record answers and the repeat choice, and clear the choice once the next session is done', () => {
    let state = withBlockStarted(withBaseline(160, at(2026, 12, 1)), 5, at(2026, 12, 2));
    state = withSessionDone(state, { ...sessionAt(1, at(2026, 12, 2)), n: 1 });
    state = deepFrozen(withAnswers(state, 1, 0, { effort: 6, natural: 3 }));
    expect(state.blocks[0]!.sessions[0]!.answers).to.deep.equal({ effort: 6, natural: 3 });
    expect(() => withAnswers(state, 1, 0, { effort: 11, natural: 3 })).to.throw(RangeError);
    expect(() => withAnswers(state, 1, 4, { effort: 5, natural: 3 })).to.throw(RangeError);
    const chosen = withRepeatChoice(state, true);
    expect(chosen.blocks[0]!.repeatChosen).to.equal(true);
    expect(withSessionDone(chosen, { ...sessionAt(1, at(2026, 12, 4)), n: 1 }).blocks[0]!.repeatChosen).to.equal(null);
  });

  it('pause once and resume once', () => {
    const paused = deepFrozen(withPaused(newProgram(0), 100));
    expect(withPaused(paused, 200)).to.equal(paused);
    expect(withResumed(paused, 300).pauses).to.deep.equal([{ fromMs: 100, toMs: 300 }]);
    expect(withResumed(newProgram(0), 300).pauses).to.deep.equal([]);
  });
});
