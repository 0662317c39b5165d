// Pace, speed, distance and durations as a runner reads them.

export type DistanceUnit = 'km' | 'mi';

const METRES_PER: Record<DistanceUnit, number> = { km: 1000, mi: 1609.344 };
/** Below this a runner is standing or walking slowly; a pace would be meaningless. */
const MIN_SPEED_FOR_PACE = 0.5;

/** Seconds per km or per mile, or null when standing still. */
export function paceSeconds(speedMps: number, unit: DistanceUnit): number | null {
  if (!(speedMps >= MIN_SPEED_FOR_PACE)) return null;
  return METRES_PER[unit] / speedMps;
}

/**
 * Whole seconds as a clock shows them: cut, not rounded, so 8:59.6 is still 8:59 (a clock reads
 * 9:00 only once nine minutes have passed). Times and paces both go through here, so a 1.00 km
 * split of 8:59 reads 8:59/km; the allowance absorbs the last bit of a division (1000 / (1000 /
 * 540) is 539.99999999999994), which would otherwise cut a whole second off.
 */
export const wholeSeconds = (seconds: number): number => Math.max(0, Math.floor(seconds + 1e-9));

/** "5:20" for 320 s; "–:––" for no pace. */
export function formatPace(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–:––';
  const whole = wholeSeconds(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
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

export const speedUnitLabel: Record<DistanceUnit, string> = { km: 'km/h', mi: 'mph' };
export const paceUnitLabel: Record<DistanceUnit, string> = { km: 'min/km', mi: 'min/mi' };
