// Sending a step's change early by the treadmill's lag makes the belt reach the new speed when
// the step starts rather than seconds into it. Off unless the runner asks for it.

/** However slow a treadmill was learned to be, a step is never cut by more than this. */
export const MAX_SEND_AHEAD_S = 10;

/** Seconds before a step's start its speed and incline are sent; 0 when off or nothing learned. */
export function sendAheadS(lagS: number | null, sendEarly: boolean): number {
  if (!sendEarly || lagS === null || !(lagS > 0)) return 0;
  return Math.min(lagS, MAX_SEND_AHEAD_S);
}
