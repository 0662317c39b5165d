// Whole programs from no data: a baseline test measured from recorded columns, a block of eight
// sessions and the three retention tests, run through the pure transitions on the days the
// schedule gives (or later, for a runner who misses a week), as the service would.
import { expect } from '@open-wc/testing';
import { effortSuggestion } from '../../src/program/effort-rule.js';
import { daysBetween } from '../../src/program/local-days.js';
import { nextItem, programSchedule } from '../../src/program/program-schedule.js';
import {
  blockSource,
  canStartBlock,
  needsNewBaseline,
  newProgram,
  withBlockStarted,
  withRepeatChoice,
  withTestSpeed,
} from '../../src/program/program-state.js';
import type { ProgramState, ScheduleItem, TestKind } from '../../src/program/program-types.js';
import { retentionVerdict } from '../../src/program/targets.js';
import { type TestRun, onDay, runNext } from './program-driver.js';
import { at, dateOf } from './program-fixtures.js';

const label = (i: ScheduleItem): string => (i.kind === 'session' ? `session ${i.n}` : `${i.test} test`);

interface Lived {
  state: ProgramState;
  /** What was run, on which day. */
  log: { what: string; day: string; dayMs: number }[];
  now: number;
}

/** Runs items on their planned days (or `late` days after), until `until` says stop. */
function live(from: Lived, until: (item: ScheduleItem) => boolean, run: (item: ScheduleItem) => { test?: TestRun; effort?: number | null; late?: number }): Lived {
  let { state, now } = from;
  const log = [...from.log];
  for (let guard = 0; guard < 40; guard++) {
    const item = nextItem(state, now);
    if (item === null || until(item)) break;
    const plan = run(item);
    now = onDay(item.dayMs, 18) + (plan.late ?? 0) * 86_400_000;
    const step = runNext(state, now, { ...plan, speedMps: 2.8 });
    if (step.outcome !== null && !step.outcome.ok) throw new Error(step.outcome.why);
    state = step.state;
    log.push({ what: label(item), day: dateOf(now), dayMs: onDay(now, 0) });
  }
  return { state, log, now };
}

const start = at(2026, 12, 7, 8);

/** A new program with its baseline test measured at `cadence` and a block begun at 5 %. */
function baselineAndBlock(cadence: number): Lived {
  let state = withTestSpeed(newProgram(start), 2.8);
  const baseline = runNext(state, onDay(start, 9), { test: { cadence, offMinutes: [1] } });
  expect(baseline.outcome).to.deep.include({ ok: true, note: '1 of 5 minutes was left out: the speed was off by more than 3 %.' });
  state = baseline.state;
  expect(state.baseline!.cadenceSpm).to.be.closeTo(cadence, 1e-3);
  expect(state.baseline!.keptMinutes).to.equal(4);
  expect(nextItem(state, onDay(start, 10)), 'waiting for the runner to choose a target').to.equal(null);
  state = withBlockStarted(state, 5, onDay(start, 10));
  return { state, log: [{ what: 'baseline test', day: dateOf(start), dayMs: onDay(start, 0) }], now: onDay(start, 10) };
}

const sessionsOf = (lived: Lived) => lived.log.filter((l) => l.what.startsWith('session'));
const gaps = (days: { dayMs: number }[]): number[] => days.slice(1).map((d, i) => daysBetween(days[i]!.dayMs, d.dayMs));
const testCadence: Record<TestKind, number> = { baseline: 0, 'end-of-block': 0, 'one-week': 0, 'four-weeks': 0 };

describe('a whole program', () => {
  it('holds: baseline 162, target 170, eight sessions two days apart, three tests that held, then a next block at most 5 % above', () => {
    const begun = baselineAndBlock(162);
    expect(begun.state.blocks[0]!.targetSpm).to.equal(170);
    const cadences = { ...testCadence, 'end-of-block': 172, 'one-week': 169, 'four-weeks': 168 };
    const done = live(begun, () => false, (item) => (item.kind === 'test' ? { test: { cadence: cadences[item.test] } } : { effort: 4 }));
    expect(done.log.map((l) => `${l.what} ${l.day}`)).to.deep.equal([
      'baseline test 2026-12-07',
      'session 1 2026-12-08',
      'session 2 2026-12-10',
      'session 3 2026-12-12',
      'session 4 2026-12-14',
      'session 5 2026-12-16',
      'session 6 2026-12-18',
      'session 7 2026-12-20',
      'session 8 2026-12-22',
      'end-of-block test 2026-12-24',
      'one-week test 2026-12-31',
      'four-weeks test 2027-01-21',
    ]);
    const block = done.state.blocks[0]!;
    expect(block.tests.map((t) => retentionVerdict(t.result.cadenceSpm, block.targetSpm))).to.deep.equal(['held', 'held', 'held']);
    expect(block.sessions.map((s) => [s.n, s.plannedMinutes, s.metronomeShare])).to.deep.equal([
      [1, 15, 1], [2, 17, 1], [3, 18, 1], [4, 20, 1], [5, 22, 0.75], [6, 25, 0.5], [7, 27, 0.25], [8, 30, 0],
    ]);
    // Nothing more is planned until the runner takes the next block; the held test is where it starts.
    expect(nextItem(done.state, done.now)).to.equal(null);
    expect(needsNewBaseline(done.state, done.now)).to.equal(false);
    expect(canStartBlock(done.state, done.now)).to.equal(true);
    const next = withBlockStarted(done.state, 5, done.now);
    // The four-weeks test held at 168, just below 170: 5 % above it (176.4), under the cap of 5 %
    // above the target (178.5, floored).
    expect(next.blocks[1]!.targetSpm).to.equal(176);
    expect(next.blocks[1]!.targetSpm).to.be.at.most(block.targetSpm * 1.05);
    expect(nextItem(next, done.now)).to.deep.include({ kind: 'session', block: 2, n: 1 });
  });

  it('a runner who misses a week picks up where they left off, and every later date moves with them', () => {
    const begun = baselineAndBlock(162);
    const firstThree = live(begun, (item) => item.kind === 'session' && item.n === 4, () => ({ effort: 4 }));
    expect(firstThree.log.at(-1)!.day).to.equal('2026-12-12');
    // Session 4 was due on the 14th; the runner is back on the 21st.
    const rest = live(firstThree, () => false, (item) => ({ effort: 4, late: item.kind === 'session' && item.n === 4 ? 7 : 0, test: { cadence: 170 } }));
    const days = rest.log.map((l) => `${l.what} ${l.day}`);
    expect(days.slice(4, 10)).to.deep.equal([
      'session 4 2026-12-21',
      'session 5 2026-12-23',
      'session 6 2026-12-25',
      'session 7 2026-12-27',
      'session 8 2026-12-29',
      'end-of-block test 2026-12-31',
    ]);
    expect(days.slice(10)).to.deep.equal(['one-week test 2027-01-07', 'four-weeks test 2027-01-28']);
    // While away, nothing was planned in the past: on the 18th, session 4 was due that day.
    expect(programSchedule(firstThree.state, at(2026, 12, 18, 12)).find((i) => i.done === null)).to.deep.include({ n: 4, dayMs: at(2026, 12, 18, 0) });
  });

  it('a runner whose effort rises is offered a repeat, takes it, and runs session 5 twice', () => {
    const begun = baselineAndBlock(160);
    const efforts = [3, 3, 4, 4, 7];
    const toFive = live(begun, (item) => item.kind === 'session' && item.n === 6, (item) => ({ effort: efforts[(item as { n: number }).n - 1]! }));
    const suggestion = effortSuggestion(toFive.state.blocks[0]!.sessions);
    expect(suggestion).to.deep.equal({ repeat: 5, why: 'Effort rose from 3 to 7 at the same speed over the last sessions: repeat session 5 before moving on.' });
    const repeating = { ...toFive, state: withRepeatChoice(toFive.state, true) };
    expect(nextItem(repeating.state, repeating.now)).to.deep.include({ kind: 'session', n: 5, minutes: 22, metronomeShare: 0.75 });
    const done = live(repeating, (item) => item.kind === 'test', () => ({ effort: 4 }));
    expect(done.state.blocks[0]!.sessions.map((s) => s.n)).to.deep.equal([1, 2, 3, 4, 5, 5, 6, 7, 8]);
    expect(gaps(sessionsOf(done))).to.deep.equal([2, 2, 2, 2, 2, 2, 2, 2]);
    // Easier the second time: no suggestion, the block goes on.
    expect(effortSuggestion(done.state.blocks[0]!.sessions.slice(0, 6))).to.equal(null);
    expect(nextItem(done.state, done.now)).to.deep.include({ kind: 'test', test: 'end-of-block' });
    expect(daysBetween(done.log.at(-1)!.dayMs, nextItem(done.state, done.now)!.dayMs)).to.equal(2);
  });

  it('a runner whose change fades is offered no next block, and a new baseline once the tests are done', () => {
    const begun = baselineAndBlock(162);
    const cadences = { ...testCadence, 'end-of-block': 165, 'one-week': 164, 'four-weeks': 163 };
    const afterEnd = live(begun, (item) => item.kind === 'test' && item.test === 'one-week', (item) => (item.kind === 'test' ? { test: { cadence: cadences[item.test] } } : { effort: 4 }));
    const block = afterEnd.state.blocks[0]!;
    // 165 is below 98 % of 170 (166.6).
    expect(retentionVerdict(block.tests[0]!.result.cadenceSpm, block.targetSpm)).to.equal('faded');
    expect(blockSource(afterEnd.state)).to.equal(null);
    expect(canStartBlock(afterEnd.state, afterEnd.now)).to.equal(false);
    expect(needsNewBaseline(afterEnd.state, afterEnd.now), 'the one-week test is still to come').to.equal(false);
    const done = live(afterEnd, (item) => item.kind === 'test' && item.test === 'baseline', (item) => ({ test: { cadence: cadences[(item as { test: TestKind }).test] } }));
    expect(done.state.blocks[0]!.tests.map((t) => retentionVerdict(t.result.cadenceSpm, 170))).to.deep.equal(['faded', 'faded', 'faded']);
    expect(canStartBlock(done.state, done.now)).to.equal(false);
    expect(needsNewBaseline(done.state, done.now)).to.equal(true);
    expect(nextItem(done.state, done.now)).to.deep.include({ kind: 'test', test: 'baseline', block: 1, done: null });
    // A new baseline starts a block afresh, from where the runner is now.
    const again = runNext(done.state, onDay(nextItem(done.state, done.now)!.dayMs, 9), { test: { cadence: 163 } }).state;
    expect(canStartBlock(again, onDay(again.baseline!.atMs, 10))).to.equal(true);
    expect(withBlockStarted(again, 5, onDay(again.baseline!.atMs, 10)).blocks[1]!.targetSpm).to.equal(171);
  });
});
