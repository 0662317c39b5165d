// The one speed below which a runner is not moving: the auto-pause speed, the line between a
// step across a break the runner ran through and one they stood through, and the least speed at
// which a pod's rows can be running. Its own module, as the live page's first load needs only it.

/** Slower than this (0.5 m/s) the runner was not running. */
export const MIN_MOVING_SPEED_MPS = 0.5;
