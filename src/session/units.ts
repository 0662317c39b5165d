// Pace, speed, distance and durations as a runner reads them.

export type DistanceUnit = 'km' | 'mi';

const METRES_PER: Record<DistanceUnit, number> = { km: 1000, mi: 1609.344 };
/** Below this a runner is standing or walking slowly; a pace would be meaningless. */
const MIN_SPEED_FOR_PACE = 0.5;

/** Seconds per km or per mile of a live reading, or null when standing still. */
export function paceSeconds(speedMps: number, unit: DistanceUnit): number | null {
  if (!(speedMps >= MIN_SPEED_FOR_PACE)) return null;
  return METRES_PER[unit] / speedMps;
}

/**
 * Seconds per km or mile of an average (a split, a lap, a run): its time over its distance,
 * however slow, so a km of 35:00 with a stop in it reads 35:00/km; null only with no distance.
 * The standing-still blank (paceSeconds) is for live readings.
 */
export function averagePaceSeconds(speedMps: number, unit: DistanceUnit): number | null {
  return speedMps > 0 && Number.isFinite(speedMps) ? METRES_PER[unit] / speedMps : null;
}

/**
 * Allowance of every cut of a time or pace: four times the worst rounding of a float32 (2^-24),
 * relative, but never more than a quarter of a millisecond. Recorded speeds are stored as float32,
 * so a belt set to 8.00 km/h (exactly 7:30/km) is stored a hair fast and its pace is 449.99998 s,
 * which a bare cut shows as 7:29 (CSV 7.49). Well under the nearest a whole second or hundredth of
 * a minute comes to a pace of a belt step (0.01 km/h or 0.1 mph: 1.7e-6). The cap is for times:
 * they are 64-bit, and the relative allowance alone is 8.6 ms at ten hours, so 35 999.992 s would
 * read 10:00:00; a quarter of a millisecond still covers the float32 rounding of the slowest belt
 * pace (1.2 mph: 3000 s/mi, 1.8e-4 s), and times and paces keep one cut, so a 1.00 km split's
 * pace is its time.
 */
const FLOAT32_ALLOWANCE = 2 ** -22;
const MAX_ALLOWANCE_S = 0.00025;

/**
 * How many whole `step`s of seconds a time or pace shows: cut, not rounded. The one place times
 * and paces are cut (screens, chart readouts, the CSV), so they cut alike; the allowances absorb
 * float32 storage (above) and the last bit of a division (1000 / (1000 / 540) is 539.99999999999994).
 */
const cutSteps = (seconds: number, step: number): number =>
  Math.max(0, Math.floor((seconds + Math.min(seconds * FLOAT32_ALLOWANCE, MAX_ALLOWANCE_S)) / step + 1e-9));

/**
 * Whole seconds as a clock shows them: cut, not rounded, so 8:59.6 is still 8:59 (a clock reads
 * 9:00 only once nine minutes have passed). Times and paces both go through here, so a 1.00 km
 * split of 8:59 reads 8:59/km.
 */
export const wholeSeconds = (seconds: number): number => cutSteps(seconds, 1);

/**
 * Pace in decimal minutes for files (the CSV), hundredths cut as the screens cut seconds: 8:59.7
 * is 8.99, never 9.00, which would read a whole minute slower than the app shows.
 */
export const paceMinutesCut = (seconds: number): string => (cutSteps(seconds, 0.6) / 100).toFixed(2);

/** "5:20" for 320 s, "1:05:00" for an hour and five minutes; "–:––" for no pace. */
export function formatPace(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–:––';
  return formatDuration(seconds);
}

export function formatDuration(totalSeconds: number): string {
  const s = wholeSeconds(totalSeconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Speed in km/h or mph. */
export function speedPerHour(speedMps: number, unit: DistanceUnit): number {
  return (speedMps * 3600) / METRES_PER[unit];
}

export function distanceIn(metres: number, unit: DistanceUnit): number {
  return metres / METRES_PER[unit];
}

/**
 * "0.99" for 996 m in km: hundredths cut, not rounded, as times and paces are (wholeSeconds), so
 * what reads 1.00 km has been run and its pace agrees with its time, as on a Garmin. Every distance
 * a runner reads goes through here; the allowance absorbs the last bit of a division.
 */
export function formatDistanceIn(metres: number, unit: DistanceUnit): string {
  const hundredths = Math.floor(distanceIn(metres, unit) * 100 + 1e-9);
  return Number.isFinite(hundredths) ? (Math.max(0, hundredths) / 100).toFixed(2) : '–';
}

export const speedUnitLabel: Record<DistanceUnit, string> = { km: 'km/h', mi: 'mph' };
export const paceUnitLabel: Record<DistanceUnit, string> = { km: 'min/km', mi: 'min/mi' };
