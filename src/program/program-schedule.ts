// The program's dates: every block's sessions and tests, done and planned, in order. Sessions
// keep a rest day between two (3-4 a week, Crowell and Davis 2010); the end-of-block test comes
// two days after session 8, the retention tests a week and four weeks after it. Nothing is
// planned in the past: a missed day moves it and everything after it to today, and a pause moves
// every later date by the days it lasted.

import { isPaused, needsNewBaseline, sessionsComplete } from './block-start.js';
import { addDays, dayStart, daysBetween } from './local-days.js';
import type { ProgramBlock, ProgramPause, ProgramState, ScheduleItem, TestKind, TestResult } from './program-types.js';
import { SESSIONS_PER_BLOCK, metronomeShare, sessionMinutes } from './session-plan.js';
import { testSpeedFor } from './test-speed.js';

export { TEST_MAX_AGE_DAYS } from './block-start.js';
export { addDays, dayStart } from './local-days.js';

export const SESSION_GAP_DAYS = 2;
/** Days from session 8 to the end-of-block test. */
export const END_TEST_GAP_DAYS = 2;
/** Days from the end-of-block test to each later retention test. */
export const RETENTION_DAYS: Readonly<Record<'one-week' | 'four-weeks', number>> = { 'one-week': 7, 'four-weeks': 28 };
/** Two tests, or a test and a session, are never on the same day. */
const AFTER_TEST_DAYS = 1;

type Planned = { day: number; kind: ScheduleItem['kind'] };

/** Pauses as whole days from their first day; one still going counts up to today. */
const pauseDays = (pauses: readonly ProgramPause[], today: number) =>
  [...pauses]
    .sort((a, b) => a.fromMs - b.fromMs)
    .map((p) => ({ fromDay: dayStart(p.fromMs), days: Math.max(0, daysBetween(p.fromMs, p.toMs ?? today)) }));

export function programSchedule(state: ProgramState, nowMs: number): ScheduleItem[] {
  const today = dayStart(nowMs);
  const pauses = pauseDays(state.pauses, today);
  const items: ScheduleItem[] = [];
  let previous: Planned | null = null;

  const push = (item: ScheduleItem): number => {
    items.push(item);
    previous = { day: item.dayMs, kind: item.kind };
    return item.dayMs;
  };
  /** The day `offset` days after `anchorDay`, later by every pause that began between the two. */
  const shifted = (anchorDay: number, offset: number): number => {
    let day = addDays(anchorDay, offset);
    for (const pause of pauses) if (pause.fromDay >= anchorDay && pause.fromDay <= day) day = addDays(day, pause.days);
    return day;
  };
  /**
   * The day `offset` days after `anchorDay`, not before the item before it allows (both moved by
   * the pauses since), and never before today.
   */
  const plan = (anchorDay: number, offset: number): number => {
    let day = shifted(anchorDay, offset);
    const before = previous as Planned | null;
    if (before !== null) day = Math.max(day, shifted(before.day, before.kind === 'session' ? SESSION_GAP_DAYS : AFTER_TEST_DAYS));
    return Math.max(day, today);
  };
  const testItem = (block: number, test: TestKind, dayMs: number, speedMps: number, done: TestResult | null): ScheduleItem => ({
    kind: 'test',
    block,
    test,
    dayMs,
    speedMps,
    done,
  });

  state.blocks.forEach((block, i) => {
    const before = state.blocks[i - 1];
    // A block begun from a held retention test shows that test once, in the block before.
    const fromRetention = before?.tests.some((t) => t.result.sessionId === block.from.sessionId && t.result.atMs === block.from.atMs) ?? false;
    if (!fromRetention) push(testItem(block.number - 1, 'baseline', dayStart(block.from.atMs), block.from.speedMps, block.from));
    for (const done of block.sessions) {
      push({ kind: 'session', block: block.number, n: done.n, dayMs: dayStart(done.atMs), minutes: done.plannedMinutes, targetSpm: block.targetSpm, metronomeShare: done.metronomeShare, done });
    }
    const last = i === state.blocks.length - 1;
    // A later block replaces what was still planned in the one before.
    if (last) planSessions(block);
    for (const test of block.tests) push(testItem(block.number, test.kind, dayStart(test.result.atMs), test.result.speedMps, test.result));
    if (last) planTests(block);
  });

  function planSessions(block: ProgramBlock): void {
    const lastDone = block.sessions.at(-1);
    if (lastDone !== undefined && sessionsComplete(block)) return;
    let n = lastDone === undefined ? 1 : block.repeatChosen === true ? lastDone.n : lastDone.n + 1;
    let anchor = lastDone === undefined ? dayStart(block.startedAtMs) : dayStart(lastDone.atMs);
    let offset = lastDone === undefined ? 0 : SESSION_GAP_DAYS;
    for (; n <= SESSIONS_PER_BLOCK; n++) {
      anchor = push({ kind: 'session', block: block.number, n, dayMs: plan(anchor, offset), minutes: sessionMinutes(n), targetSpm: block.targetSpm, metronomeShare: metronomeShare(n), done: null });
      offset = SESSION_GAP_DAYS;
    }
  }

  function planTests(block: ProgramBlock): void {
    const speed = testSpeedFor(state, { test: 'end-of-block', block: block.number }) ?? block.from.speedMps;
    const taken = new Set(block.tests.map((t) => t.kind));
    const endTest = block.tests.find((t) => t.kind === 'end-of-block');
    let endDay = endTest === undefined ? null : dayStart(endTest.result.atMs);
    if (endDay === null) {
      const sessionDay = [...items].reverse().find((item) => item.kind === 'session' && item.block === block.number)?.dayMs ?? dayStart(block.startedAtMs);
      endDay = push(testItem(block.number, 'end-of-block', plan(sessionDay, END_TEST_GAP_DAYS), speed, null));
    }
    for (const test of ['one-week', 'four-weeks'] as const) {
      if (!taken.has(test)) push(testItem(block.number, test, plan(endDay, RETENTION_DAYS[test]), speed, null));
    }
  }

  if (state.baseline !== null) push(testItem(state.blocks.length, 'baseline', dayStart(state.baseline.atMs), state.baseline.speedMps, state.baseline));
  if (needsNewBaseline(state, nowMs)) {
    const before = previous as Planned | null;
    // Speed 0 until the runner picks the belt speed: the words that show it say it is still to be chosen.
    push(testItem(state.blocks.length, 'baseline', plan(before?.day ?? today, 0), testSpeedFor(state, { test: 'baseline', block: state.blocks.length }) ?? 0, null));
  }
  return items;
}

/** The first item not done yet; null while paused, or when nothing is planned (waiting to start a block). */
export function nextItem(state: ProgramState, nowMs: number): ScheduleItem | null {
  if (isPaused(state)) return null;
  return programSchedule(state, nowMs).find((item) => item.done === null) ?? null;
}

/**
 * The next item when it may be run today: planned for today or earlier. A session planned for
 * after a rest day, or a retention test a week away, is not due yet (null; nextItem says when).
 */
export function dueItem(state: ProgramState, nowMs: number): ScheduleItem | null {
  const item = nextItem(state, nowMs);
  return item !== null && item.dayMs <= dayStart(nowMs) ? item : null;
}
