// What a finished program run measured, read back from its saved recordings: a test's result over
// its five minutes (test-result.ts), or a session's figures over its main part, across every
// recording it was run in (a reload splits a session into two).

import { metronomeShare, sessionMinutes } from '../program/session-plan.js';
import type { ActiveProgramRun, DoneSession } from '../program/program-types.js';
import { type TestOutcome, testResult } from '../program/test-result.js';
import { LIVE_STEP_S } from '../session/gap-steps.js';
import { type RecordedColumns, SAMPLE_RUNNING } from '../session/recorded-session.js';
import type { OpenedSession } from './history-service.js';

export type OpenRun = (id: string) => Promise<OpenedSession>;

export async function testOutcome(open: OpenRun, id: string, testSpeedMps: number): Promise<TestOutcome> {
  const opened = await open(id);
  if (!opened.session) return { ok: false, why: `The test run could not be read back (${opened.problem}). Take the test again.` };
  const { meta, samples } = opened.session;
  const main = meta.program;
  if (!main || main.mainFromT === null || main.mainToT === null) {
    return { ok: false, why: 'The run was stopped before the five minutes at the test speed began. Take the test again.' };
  }
  return testResult(samples, { fromT: main.mainFromT, toT: main.mainToT }, testSpeedMps, { sessionId: id, atMs: meta.startedAt });
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
