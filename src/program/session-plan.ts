// What each of a block's eight sessions holds. Running time at the target grows from 15 to 30
// minutes, and the metronome plays throughout the first four, then for less each time, so the
// runner learns to keep the rhythm without it: the faded-feedback design that the Davis et al. 2020
// review found retained best (its table lists 8 sessions over 2 weeks, 15 to 30 minutes, feedback
// continual for the first 4 then faded). See the program's "Why this works" page.

export const SESSIONS_PER_BLOCK = 8;
/** Running seconds of warm-up before a session's minutes at target, or a test's five minutes, begin. */
export const WARM_UP_S = 300;
/** The cue-free test: five minutes at the test speed. */
export const TEST_S = 300;

const minutesBySession = [15, 17, 18, 20, 22, 25, 27, 30] as const;
const shareBySession = [1, 1, 1, 1, 0.75, 0.5, 0.25, 0] as const;

function checkedSession(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > SESSIONS_PER_BLOCK) throw new RangeError(`A block has sessions 1 to ${SESSIONS_PER_BLOCK}, not ${n}`);
  return n - 1;
}

/** Minutes of running at the target in session n (warm-up and cool-down not counted). */
export const sessionMinutes = (n: number): number => minutesBySession[checkedSession(n)]!;

/** The share of session n's minutes at target with the metronome playing, 0 to 1. */
export const metronomeShare = (n: number): number => shareBySession[checkedSession(n)]!;
