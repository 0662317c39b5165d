// What a finished program run measured, read back from its saved recordings: a test's result over
// its five minutes (test-result.ts), or a session's figures over its main part, across every
// recording it was run in (a reload splits a session into two).

import { metronomeShare, sessionMinutes, TEST_S } from '../program/session-plan.js';
import type { ActiveProgramRun, DoneSession } from '../program/program-types.js';
import { SAMPLE_JITTER_S, type TestMinute, type TestOutcome, testMinutes, testOutcomeOf } from '../program/test-result.js';
import { LIVE_STEP_S } from '../session/gap-steps.js';
import { type RecordedColumns, SAMPLE_RUNNING } from '../session/recorded-session.js';
import type { OpenedSession } from './history-service.js';

export type OpenRun = (id: string) => Promise<OpenedSession>;

/** "3:30": running seconds as minutes and seconds. */
const clock = (s: number): string => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/**
 * A test's outcome over its five minutes, across every recording it was run in (a reload splits a
 * test: each recording's minutes are judged where they lie, the pauses and lost links in its gaps
 * not counted as running). `mainRunningS`: the running seconds of the test the run followed; a test
 * stopped before its five minutes ran is not valid, whatever its minutes showed.
 */
export async function testOutcome(open: OpenRun, ids: readonly string[], testSpeedMps: number, mainRunningS: number): Promise<TestOutcome> {
  if (!(mainRunningS > 0)) return { ok: false, why: 'The run was stopped before the five minutes at the test speed began. Take the test again.' };
  // A live sample's jitter from the whole second, as testResult allows its main part.
  if (mainRunningS < TEST_S - SAMPLE_JITTER_S) {
    return { ok: false, why: `The test stopped after ${clock(mainRunningS)} of its ${TEST_S / 60} minutes; take it again.` };
  }
  const minutes: TestMinute[] = [];
  let first: { atMs: number } | null = null;
  let problem: string | null = null;
  for (const id of ids) {
    const opened = await open(id);
    // A recording that cannot be read back leaves its minutes out; the others may still hold three.
    if (!opened.session) {
      problem ??= opened.problem;
      continue;
    }
    const { meta, samples } = opened.session;
    first ??= { atMs: meta.startedAt };
    const main = meta.program;
    if (!main || main.mainFromT === null || main.mainToT === null) continue;
    const judged = testMinutes(samples, { fromT: main.mainFromT, toT: main.mainToT }, testSpeedMps, meta.gaps ?? []);
    if (!judged.ok) return judged;
    minutes.push(...judged.minutes);
  }
  if (first === null) return { ok: false, why: `The test run could not be read back (${problem ?? 'no recording'}). Take the test again.` };
  return testOutcomeOf(minutes, testSpeedMps, { sessionId: ids[ids.length - 1]!, atMs: first.atMs });
}

interface Sums {
  cadenceS: number;
  cadenceSum: number;
  speedS: number;
  speedSum: number;
}

/**
 * Running seconds between `fromT` and `toT` weigh each sample by the time since the one before (a
 * lost link's gap at most one live step), as the recording's own averages do.
 */
export function addMainPart(sums: Sums, columns: Pick<RecordedColumns, 't' | 'cadence' | 'speedMps' | 'flags'>, fromT: number, toT: number): void {
  const { t, cadence, speedMps, flags } = columns;
  for (let i = 1; i < t.length; i++) {
    if (t[i - 1]! < fromT || t[i]! > toT || (flags[i]! & SAMPLE_RUNNING) === 0) continue;
    const seconds = Math.min(t[i]! - t[i - 1]!, LIVE_STEP_S);
    if (cadence[i]! > 0) {
      sums.cadenceS += seconds;
      sums.cadenceSum += cadence[i]! * seconds;
    }
    if (Number.isFinite(speedMps[i]!)) {
      sums.speedS += seconds;
      sums.speedSum += speedMps[i]! * seconds;
    }
  }
}

/** A session counts as done once at least this share of its planned minutes at target were run. */
export const SESSION_DONE_SHARE = 0.5;

/**
 * Why a session stopped after `mainRunningS` running seconds at target does not count as done (it
 * stays on the schedule), or null when it does: half its planned minutes were run.
 */
export function sessionUnfinished(n: number, mainRunningS: number): string | null {
  const planned = sessionMinutes(n);
  if (mainRunningS >= SESSION_DONE_SHARE * planned * 60) return null;
  const minutes = Math.floor(Math.max(0, mainRunningS) / 60);
  return `Session ${n} stopped after ${minutes} of ${planned} minutes at target: it stays on the schedule.`;
}

/** A session's figures; runs that cannot be read back leave their seconds out of the means. */
export async function doneSession(open: OpenRun, run: ActiveProgramRun, mainRunningS: number): Promise<Omit<DoneSession, 'answers'>> {
  const n = run.n ?? 1;
  const sums: Sums = { cadenceS: 0, cadenceSum: 0, speedS: 0, speedSum: 0 };
  let atMs = run.startedAtMs;
  for (const [i, id] of run.sessionIds.entries()) {
    const { session } = await open(id);
    if (!session) continue;
    if (i === 0) atMs = session.meta.startedAt;
    const main = session.meta.program;
    if (main?.mainFromT != null && main.mainToT != null) addMainPart(sums, session.samples, main.mainFromT, main.mainToT);
  }
  return {
    n,
    sessionIds: [...run.sessionIds],
    atMs,
    mainRunningS,
    plannedMinutes: sessionMinutes(n),
    cadenceSpm: sums.cadenceS > 0 ? sums.cadenceSum / sums.cadenceS : null,
    speedMps: sums.speedS > 0 ? sums.speedSum / sums.speedS : null,
    metronomeShare: metronomeShare(n),
  };
}
