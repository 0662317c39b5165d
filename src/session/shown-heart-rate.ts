// The heart rate the live page and the treadmill screen show, one rule for both: the sensors'
// value as it stands (LiveSession.latestChannels, what the Sensors panel shows), never the last
// pod row's. A row keeps the value it was made with; the strap that made it may since have gone
// (disconnected, off the skin), and when no pod row follows (the pod lost, or one that stops
// notifying while the runner stands) that row would go on showing it. latestChannels drops a
// strap's value the moment it goes and ages it out as sensor-channels.ts does (FRESH_POD_ROWS pod
// rows and FRESH_S seconds), so a number shown is one a connected sensor sent lately.

import type { LatestChannels } from './live-reading.js';

/** Whole beats a minute; null while no connected sensor has a fresh heart rate. */
export function shownHeartRate(session: { readonly latestChannels: LatestChannels } | null): number | null {
  const bpm = session?.latestChannels.heartRate ?? null;
  return bpm === null ? null : Math.round(bpm);
}
