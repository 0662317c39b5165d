// Effort that climbs at the same speed means the new rhythm is costing more, not settling in: the
// program then suggests running the same session again before moving on (the runner chooses).

import type { DoneSession } from './program-types.js';
import { SPEED_TOLERANCE, withinShare } from './test-result.js';

/**
 * Sessions whose mean speeds differ by no more than this share of the faster one's are at the same
 * speed: the ±3 % a test keeps a minute within (0.3 m/s would call 10 and 11 km/h the same).
 */
export const SAME_SPEED_SHARE = SPEED_TOLERANCE;

/**
 * Whether two sessions ran at the same speed: one is within ±3 % of the other, as a test at either
 * speed would keep a minute at the other. The same whichever comes first; float32 speeds allowed for.
 */
export const sameSpeed = (a: number, b: number): boolean => withinShare(Math.min(a, b), Math.max(a, b), SAME_SPEED_SHARE);

/** A rise in effort by more than this over the sessions before suggests a repeat. */
export const EFFORT_RISE = 2;
/** How many answered sessions before the latest one the rise is measured from. */
export const SESSIONS_LOOKED_BACK = 3;

const answered = (s: DoneSession): s is DoneSession & { answers: NonNullable<DoneSession['answers']>; speedMps: number } =>
  s.answers !== null && s.speedMps !== null && Number.isFinite(s.speedMps);

/**
 * Whether to repeat the latest session: its effort exceeds the lowest effort of the up-to-three
 * answered sessions before it at the same speed (sameSpeed) by more than 2. Null when it does not, when the
 * latest session has no answers or speed, or when no earlier session was at its speed.
 */
export function effortSuggestion(sessions: readonly DoneSession[]): { repeat: number; why: string } | null {
  const latest = sessions.at(-1);
  if (latest === undefined || !answered(latest)) return null;
  // Faster running is harder whatever the cadence, so only sessions at the latest one's speed (±3 %) compare.
  const before = sessions
    .slice(0, -1)
    .filter(answered)
    .filter((s) => sameSpeed(s.speedMps, latest.speedMps))
    .slice(-SESSIONS_LOOKED_BACK);
  if (before.length === 0) return null;
  const lowest = Math.min(...before.map((s) => s.answers.effort));
  const effort = latest.answers.effort;
  if (effort - lowest <= EFFORT_RISE) return null;
  return {
    repeat: latest.n,
    why: `Effort rose from ${lowest} to ${effort} at the same speed over the last sessions: repeat session ${latest.n} before moving on.`,
  };
}
