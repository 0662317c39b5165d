// Generated programs for the schedule's properties: a runner who starts on some day, runs each
// item on its day or some days late at some hour, pauses now and then, sometimes repeats a
// session, and whose tests come out around the target (held or faded). `lifeOf` plays one through
// the pure transitions and keeps every state it passed through, with the clock at that moment.
import fc from 'fast-check';
import { effortSuggestion } from '../../src/program/effort-rule.js';
import { addDays, dayStart, nextItem } from '../../src/program/program-schedule.js';
import {
  canStartBlock,
  newProgram,
  withAnswers,
  withBlockStarted,
  withPaused,
  withRepeatChoice,
  withResumed,
  withRunStarted,
  withSessionDone,
  withTestDone,
  withTestSpeed,
} from '../../src/program/program-state.js';
import type { ProgramState, TargetPercent } from '../../src/program/program-types.js';
import { testAt } from './program-fixtures.js';

export interface LifeStep {
  /** Days after the planned day the runner runs it. */
  lateDays: number;
  hour: number;
  /** The test's cadence as a share of the target (or of 165 for a baseline). */
  cadenceShare: number;
  effort: number;
  /** Taken when the effort rule suggests a repeat. */
  repeat: boolean;
  /** A pause begun after this run: days after it, and how many days it lasts. */
  pause: { afterDays: number; days: number } | null;
}

export interface Life {
  startMs: number;
  percent: TargetPercent;
  steps: LifeStep[];
  /** Takes the next block as soon as a test holds, before the block's later retention tests. */
  eager: boolean;
}

const DAY_MS = 86_400_000;

export const lifeArbitrary: fc.Arbitrary<Life> = fc.record({
  // Any hour of any day in 2026-2027, so the daylight-saving changes fall inside some programs.
  startMs: fc.integer({ min: 0, max: 700 * 24 - 1 }).map((h) => new Date(2026, 0, 1).getTime() + h * 3600_000),
  percent: fc.constantFrom<TargetPercent>(5, 7.5, 10),
  steps: fc.array(
    fc.record({
      lateDays: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 12 })),
      hour: fc.integer({ min: 0, max: 23 }),
      cadenceShare: fc.double({ min: 0.94, max: 1.12, noNaN: true }),
      effort: fc.integer({ min: 1, max: 10 }),
      repeat: fc.boolean(),
      pause: fc.option(fc.record({ afterDays: fc.integer({ min: 0, max: 4 }), days: fc.integer({ min: 1, max: 30 }) }), { freq: 5 }),
    }),
    { minLength: 1, maxLength: 30, size: 'max' },
  ),
  eager: fc.boolean(),
});

export interface Moment {
  state: ProgramState;
  nowMs: number;
}

const atHour = (dayMs: number, hour: number): number => {
  const d = new Date(dayMs);
  d.setHours(hour, 0, 0, 0);
  return d.getTime();
};

/** Every state the runner's program passes through, each with the time it was reached. */
export function lifeOf(life: Life): Moment[] {
  let state = withTestSpeed(newProgram(life.startMs), 2.8);
  let now = life.startMs;
  const moments: Moment[] = [{ state, nowMs: now }];
  for (const step of life.steps) {
    let item = nextItem(state, now);
    if ((item === null || life.eager) && canStartBlock(state, now)) {
      state = withBlockStarted(state, life.percent, now);
      moments.push({ state, nowMs: now });
      item = nextItem(state, now);
    }
    if (item === null) break;
    // On its day at the step's hour, or later; never before the moment already reached.
    now = Math.max(now + 60_000, atHour(addDays(item.dayMs, step.lateDays), step.hour));
    state = withRunStarted(state, item, now);
    if (item.kind === 'test') {
      const of = state.blocks.at(-1)?.targetSpm ?? 165;
      state = withTestDone(state, { ok: true, result: testAt(now, of * step.cadenceShare), note: null }, `t${now}`);
    } else {
      state = withSessionDone(state, { n: item.n, sessionIds: [`s${now}`], atMs: now, mainRunningS: item.minutes * 60, plannedMinutes: item.minutes, cadenceSpm: item.targetSpm, speedMps: 2.8, metronomeShare: item.metronomeShare });
      const block = state.blocks.at(-1)!;
      state = withAnswers(state, block.number, block.sessions.length - 1, { effort: step.effort, natural: 3 });
      if (effortSuggestion(state.blocks.at(-1)!.sessions) !== null) state = withRepeatChoice(state, step.repeat);
    }
    moments.push({ state, nowMs: now });
    if (step.pause !== null) {
      now = Math.max(now + 60_000, atHour(addDays(dayStart(now), step.pause.afterDays), step.hour));
      state = withPaused(state, now);
      moments.push({ state, nowMs: now });
      now = atHour(addDays(dayStart(now), step.pause.days), step.hour);
      state = withResumed(state, now);
      moments.push({ state, nowMs: now });
    }
  }
  return moments;
}

/** The same moment looked at `days` later, with nothing done meanwhile (missed days). */
export const later = (moment: Moment, days: number): Moment => ({ state: moment.state, nowMs: moment.nowMs + days * DAY_MS });
