// One program run can span more than one recording (a reload or a stop goes on in the next
// recording), and each part carries the same ProgramMark: the run is still one test or one
// session, so the Weeks table and its chart name it once.

import { programMarkFrom } from './program-mark.js';
import type { ProgramMark, SessionSummary } from './recorded-session.js';

/** What names a run: its kind, which test or session, and its block. */
const runKey = (mark: ProgramMark): string => `${mark.kind}:${mark.test ?? mark.n}:${mark.block}`;

/** The local calendar day, as a key: a run's parts fall on one day, while a repeat of a session comes after a rest day. */
const localDay = (ms: number): string => new Date(ms).toDateString();

/**
 * The program runs among `sessions` (those with a sound mark), oldest first, each once: a later recording with the same
 * mark on the same local day is a further part of the same run and is left out. A repeat of a
 * session (always on another day) stays a run of its own.
 */
export function distinctProgramRuns(sessions: readonly SessionSummary[]): SessionSummary[] {
  const seen = new Set<string>();
  return sessions
    // A mark damaged in storage names no run: the run is shown as an ordinary one.
    .filter((s) => programMarkFrom(s.program) !== null)
    .sort((a, b) => a.startedAt - b.startedAt)
    .filter((s) => {
      const key = `${runKey(s.program!)}@${localDay(s.startedAt)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
