// A workout mark closed where its workout ended (finished, stopped, or its recording stopped), so
// the session page does not draw the planned speed over the running that came after. Its own small
// file: the recorder (first load) closes a mark when a run stops.
import type { WorkoutMark } from './recorded-session.js';

/** The mark of a workout that ended at `t`: a pause going on ends there too. An ended mark keeps its end. */
export function endedWorkoutMark(mark: WorkoutMark, t: number): WorkoutMark {
  if (mark.toT !== undefined) return mark;
  const pauses = mark.pauses?.map((p) => (p.toT === null ? { ...p, toT: Math.max(p.fromT, t) } : p));
  return { ...mark, toT: t, ...(pauses ? { pauses } : {}) };
}
