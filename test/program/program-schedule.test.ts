// The schedule with a fake clock: sessions two days apart from the day the block began, never in
// the past, missed days moving what follows, pauses moving every later date, and the tests two
// days after session 8, then a week and four weeks after the end-of-block test.
import { expect } from '@open-wc/testing';
import { nextItem, programSchedule } from '../../src/program/program-schedule.js';
import { newProgram, withBlockStarted, withPaused, withRepeatChoice, withResumed, withRunStarted, withSessionDone, withTestDone, withTestSpeed } from '../../src/program/program-state.js';
import type { ProgramState, ScheduleItem } from '../../src/program/program-types.js';
import { at, dateOf, testAt } from './program-fixtures.js';

const planned = (state: ProgramState, now: number): ScheduleItem[] => programSchedule(state, now).filter((i) => i.done === null);
const label = (i: ScheduleItem): string => (i.kind === 'session' ? `s${i.n}` : i.test);
const dates = (items: ScheduleItem[]): string[] => items.map((i) => `${label(i)} ${dateOf(i.dayMs)}`);

/** A program whose baseline was taken on 1 Dec at 170 and whose block began at `startMs`. */
function begun(startMs: number): ProgramState {
  let state = withTestSpeed(newProgram(at(2026, 12, 1, 6)), 2.8);
  state = withTestDone(state, { ok: true, result: testAt(at(2026, 12, 1), 170), note: null }, 'base');
  return withBlockStarted(state, 5, startMs);
}

/** The next item run at `atMs` and saved. */
function run(state: ProgramState, atMs: number): ProgramState {
  const item = nextItem(state, atMs)!;
  const started = withRunStarted(state, item, atMs);
  if (item.kind === 'test') return withTestDone(started, { ok: true, result: testAt(atMs, 178), note: null }, `t-${atMs}`);
  return withSessionDone(started, { n: item.n, sessionIds: [`s-${atMs}`], atMs, mainRunningS: item.minutes * 60, plannedMinutes: item.minutes, cadenceSpm: 178, speedMps: 2.8, metronomeShare: item.metronomeShare });
}

describe('programSchedule', () => {
  it('plans a baseline test today for a new program, and nothing else', () => {
    const now = at(2026, 12, 7, 9);
    expect(dates(programSchedule(newProgram(now), now))).to.deep.equal(['baseline 2026-12-07']);
  });

  it('plans the eight sessions two days apart from the day the block began, then the three tests', () => {
    const start = at(2026, 12, 2, 18);
    expect(dates(planned(begun(start), start))).to.deep.equal([
      's1 2026-12-02',
      's2 2026-12-04',
      's3 2026-12-06',
      's4 2026-12-08',
      's5 2026-12-10',
      's6 2026-12-12',
      's7 2026-12-14',
      's8 2026-12-16',
      'end-of-block 2026-12-18',
      'one-week 2026-12-25',
      'four-weeks 2027-01-15',
    ]);
  });

  it('moves a missed session and everything after it to today, never into the past', () => {
    let state = begun(at(2026, 12, 2, 18));
    state = run(state, at(2026, 12, 2, 19));
    // Session 2 was due on the 4th; on the 9th it is due today, session 3 two days later.
    expect(dates(planned(state, at(2026, 12, 9, 8))).slice(0, 3)).to.deep.equal(['s2 2026-12-09', 's3 2026-12-11', 's4 2026-12-13']);
  });

  it('counts the one-week and four-weeks tests from the day the end-of-block test was run', () => {
    let state = begun(at(2026, 12, 2, 18));
    let now = at(2026, 12, 2, 19);
    for (let i = 0; i < 8; i++) {
      state = run(state, now);
      now = nextItem(state, now)!.dayMs + 8 * 3600_000;
    }
    expect(dates(planned(state, now))).to.deep.equal(['end-of-block 2026-12-18', 'one-week 2026-12-25', 'four-weeks 2027-01-15']);
    // Run three days late: the retention tests follow the day it was run.
    state = run(state, at(2026, 12, 21, 7));
    expect(dates(planned(state, at(2026, 12, 21, 8)))).to.deep.equal(['one-week 2026-12-28', 'four-weeks 2027-01-18']);
  });

  it('shifts every later date by the days a pause lasted, and plans nothing due while paused', () => {
    let state = begun(at(2026, 12, 2, 18));
    state = run(state, at(2026, 12, 2, 19));
    state = withPaused(state, at(2026, 12, 3, 12));
    expect(nextItem(state, at(2026, 12, 5, 12))).to.equal(null);
    state = withResumed(state, at(2026, 12, 8, 12));
    // Five days away: session 2 moves from the 4th to the 9th, and the rest with it.
    expect(dates(planned(state, at(2026, 12, 8, 12))).slice(0, 3)).to.deep.equal(['s2 2026-12-09', 's3 2026-12-11', 's4 2026-12-13']);
    expect(nextItem(state, at(2026, 12, 8, 12))?.kind).to.equal('session');
  });

  it('plans the end-of-block test two days after the day session 8 was run, however late', () => {
    let state = begun(at(2026, 12, 2, 18));
    let now = at(2026, 12, 2, 19);
    for (let i = 0; i < 7; i++) {
      state = run(state, now);
      now = nextItem(state, now)!.dayMs + 8 * 3600_000;
    }
    // Session 8 was due on the 16th; run on the 19th.
    state = run(state, at(2026, 12, 19, 20));
    expect(dates(planned(state, at(2026, 12, 19, 21)))[0]).to.equal('end-of-block 2026-12-21');
  });

  it('plans the repeat the runner chose, then the sessions after it', () => {
    let state = begun(at(2026, 12, 2, 18));
    for (const day of [2, 4, 6]) state = run(state, at(2026, 12, day, 19));
    expect(dates(planned(withRepeatChoice(state, true), at(2026, 12, 6, 20))).slice(0, 2)).to.deep.equal(['s3 2026-12-08', 's4 2026-12-10']);
    expect(dates(planned(withRepeatChoice(state, false), at(2026, 12, 6, 20))).slice(0, 2)).to.deep.equal(['s4 2026-12-08', 's5 2026-12-10']);
  });

  it('plans a new baseline when the one waiting is older than 56 days, and none while it is not', () => {
    let state = withTestSpeed(newProgram(at(2026, 10, 1)), 2.8);
    state = withTestDone(state, { ok: true, result: testAt(at(2026, 10, 1, 9), 170), note: null }, 'base');
    expect(dates(planned(state, at(2026, 11, 26, 12)))).to.deep.equal([]);
    expect(nextItem(state, at(2026, 11, 26, 12))).to.equal(null);
    expect(dates(planned(state, at(2026, 11, 27, 12)))).to.deep.equal(['baseline 2026-11-27']);
  });

  it('drops what was still planned in a block once the next block begins, and shows the test it began from once', () => {
    let state = begun(at(2026, 12, 2, 18));
    let now = at(2026, 12, 2, 19);
    for (let i = 0; i < 9; i++) {
      state = run(state, now);
      now = nextItem(state, now)!.dayMs + 8 * 3600_000;
    }
    // The end-of-block test held (178 against 179): the next block begins before the one-week test.
    const next = withBlockStarted(state, 5, at(2026, 12, 19, 9));
    const items = programSchedule(next, at(2026, 12, 19, 9));
    expect(items.filter((i) => i.kind === 'test').map((i) => `${i.block} ${label(i)} ${i.done === null ? 'planned' : 'done'}`)).to.deep.equal([
      '0 baseline done',
      '1 end-of-block done',
      '2 end-of-block planned',
      '2 one-week planned',
      '2 four-weeks planned',
    ]);
    expect(items.filter((i) => i.done === null)[0]).to.deep.include({ kind: 'session', block: 2, n: 1, dayMs: at(2026, 12, 19, 0) });
  });
});

