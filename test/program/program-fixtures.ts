// Plain program values for the rules' tests: test results, done sessions and local days, so each
// test says only what it is about.
import type { DoneSession, ProgramState, TestResult } from '../../src/program/program-types.js';

/** Local time on a calendar day (month 1-12), as the runner's clock shows it. */
export const at = (year: number, month: number, day: number, hour = 7, minute = 0): number => new Date(year, month - 1, day, hour, minute).getTime();

export function testAt(atMs: number, cadenceSpm: number, more: Partial<TestResult> = {}): TestResult {
  return { sessionId: `test-${atMs}`, atMs, speedMps: 2.8, cadenceSpm, strideLengthM: 1.0, keptMinutes: 5, discardedMinutes: 0, ...more };
}

export function sessionAt(n: number, atMs: number, more: Partial<DoneSession> = {}): DoneSession {
  return { n, sessionIds: [`run-${atMs}`], atMs, mainRunningS: 900, plannedMinutes: 15, cadenceSpm: 170, speedMps: 2.8, metronomeShare: 1, answers: null, ...more };
}

/**
 * A program as the store would hold it, every field filled: a baseline, one block with two sessions
 * (the first answered) and its end-of-block test, one pause, session 3 going on. For the tests of
 * reading a stored program back, which damage one field of it at a time.
 */
export const storedOneBlock = (): ProgramState => ({
  version: 1,
  createdAtMs: 1000,
  testSpeedMps: 2.8,
  baseline: testAt(5000, 171),
  blocks: [
    {
      number: 1,
      startedAtMs: 2000,
      from: testAt(1500, 160),
      targetPercent: 5,
      targetSpm: 168,
      sessions: [sessionAt(1, 2100, { answers: { effort: 5, natural: 3 } }), sessionAt(2, 2200)],
      tests: [{ kind: 'end-of-block', result: testAt(3000, 167) }],
      repeatChosen: null,
    },
  ],
  pauses: [{ fromMs: 2300, toMs: 2400 }],
  active: { kind: 'session', test: null, n: 3, block: 1, startedAtMs: 2500, sessionIds: ['a'], warmUpRunningS: 100, mainRunningS: 20 },
});

/** The local calendar date of a day, "2026-12-07", to compare dates without hours. */
export const dateOf = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
