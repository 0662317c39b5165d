// Where a run's distance counts from. A watch's first record holds what it counted since its
// start button (3 m, 1 s in at 3 m/s): that is the run's, so the total and the splits count from
// 0 m. A trimmed or cropped file keeps the watch's cumulative distance (2000 m in its first
// record): no time of this run went into those metres, so the total and the splits count from
// the first record, and no split claims distance covered before its time started.

/** Above speed × time, what a first record may hold for rounding (a pod's or watch's last metre). */
const ROUNDING_M = 1;

/**
 * The distance a run counts from: 0 when the first record's distance could have been covered in
 * the seconds since the file's start at its speed (a second at least), else the first record's.
 */
export function distanceOrigin(firstT: number, firstSpeedMps: number, firstDistanceM: number): number {
  if (!(firstDistanceM > 0)) return 0;
  const since = Math.max(1, Number.isFinite(firstT) ? firstT : 0);
  const speed = Number.isFinite(firstSpeedMps) ? Math.max(0, firstSpeedMps) : 0;
  return firstDistanceM <= speed * since + ROUNDING_M ? 0 : firstDistanceM;
}
