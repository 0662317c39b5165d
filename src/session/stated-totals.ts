// Totals a watch states in its own file (a FIT session message), beside the ones summed from its
// records. The watch counts every second its timer ran, with sensors it read more often than it
// wrote records, so where it states a total the run's summary shows that one; the records still
// draw the charts, splits and zones. Both are kept, so a maintainer sees which is which and a
// runner is told in words where they differ noticeably.

import { formatDistanceIn, formatDuration } from './units.js';

/** Figures a file states for the whole run; any may be missing. */
export interface FileTotals {
  /** The timer's time (FIT total_timer_time), seconds. */
  movingS?: number;
  distanceM?: number;
  /** Steps per minute, with the fraction the file keeps. */
  avgCadence?: number;
  avgHeartRate?: number;
  /** Running power, watts (FIT avg_power): shown as the run's average power, as the heart rate is. */
  avgPowerW?: number;
}

/** What the summary shows instead of the records' sums, and what the records sum to. */
export interface StatedTotals {
  /** As the file states them: these are the summary's figures. */
  stated: FileTotals;
  /**
   * Figures the file states that the summary does not show, because they count something else:
   * a watch's average cadence counts walking too, where the summary's counts running only.
   */
  setAside?: FileTotals;
  /**
   * Totals an earlier export carried for the whole run, left out because the file was trimmed
   * since (a lap deleted): they describe a run the file no longer holds.
   */
  leftOut?: FileTotals;
  /**
   * The same figures summed from the records (heart rate and power time-weighted; null without one;
   * power absent in totals kept before it was stated).
   */
  fromRecords: { movingS: number; distanceM: number; avgCadence: number; avgHeartRate: number | null; avgPowerW?: number | null };
}

const FILE_TOTALS_KEYS = ['movingS', 'distanceM', 'avgCadence', 'avgHeartRate', 'avgPowerW'] as const;

const usable = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value) && value > 0;

/** The figures of `stated` worth showing: finite and above 0 (FIT writes none as "invalid", read as missing). */
export function usableFileTotals(stated: FileTotals): FileTotals {
  const out: FileTotals = {};
  for (const key of FILE_TOTALS_KEYS) {
    const value = stated[key];
    if (usable(value)) out[key] = value;
  }
  return out;
}

/** Totals with the file's own figures in place of the records' sums; average speed follows them. */
export function withFileTotals<T extends { movingS: number; distanceM: number; avgSpeedMps: number; avgCadence: number }>(
  totals: T,
  stated: FileTotals,
): T {
  const movingS = stated.movingS ?? totals.movingS;
  const distanceM = stated.distanceM ?? totals.distanceM;
  return {
    ...totals,
    movingS,
    distanceM,
    avgSpeedMps: movingS > 0 ? distanceM / movingS : 0,
    avgCadence: stated.avgCadence ?? totals.avgCadence,
  };
}

/** Differences a runner would notice: more than this apart, the summary says so in words. */
const NOTICEABLE = { movingS: 0.01, distanceM: 0.005, avgCadence: 1, avgHeartRate: 1, avgPowerW: 1 } as const;

/** As the summary shows a time (units.ts), so a note and the summary above it read the same second. */
const clock = formatDuration;

/** One sentence per figure where the watch's own and the records' sum differ noticeably, or where one was set aside. */
export function statedTotalsNotes({ stated, fromRecords, setAside, leftOut }: StatedTotals): string[] {
  const notes: string[] = [];
  if (leftOut !== undefined) {
    const whole = [
      leftOut.distanceM === undefined ? null : `${formatDistanceIn(leftOut.distanceM, 'km')} km`,
      leftOut.movingS === undefined ? null : clock(leftOut.movingS),
    ].filter((part) => part !== null);
    notes.push(
      `This file was cut after it was exported: the watch's totals for the whole run${whole.length > 0 ? ` (${whole.join(', ')})` : ''} are left out, and its laps' are shown.`,
    );
  }
  const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);
  if (stated.movingS !== undefined && relative(fromRecords.movingS, stated.movingS) > NOTICEABLE.movingS) {
    notes.push(`Moving time is the watch's own timer, ${clock(stated.movingS)}; its records add up to ${clock(fromRecords.movingS)}.`);
  }
  if (stated.distanceM !== undefined && relative(fromRecords.distanceM, stated.distanceM) > NOTICEABLE.distanceM) {
    notes.push(
      `Distance is the watch's own total, ${formatDistanceIn(stated.distanceM, 'km')} km; its records reach ${formatDistanceIn(fromRecords.distanceM, 'km')} km.`,
    );
  }
  if (stated.avgCadence !== undefined && Math.abs(fromRecords.avgCadence - stated.avgCadence) > NOTICEABLE.avgCadence) {
    notes.push(
      `Average cadence is the watch's own, ${Math.round(stated.avgCadence)} steps/min; its records average ${Math.round(fromRecords.avgCadence)}.`,
    );
  }
  if (setAside?.avgCadence !== undefined) {
    notes.push(
      `Average cadence counts running only, ${Math.round(fromRecords.avgCadence)} steps/min; the watch's own, ${Math.round(setAside.avgCadence)}, counts walking too.`,
    );
  }
  const hr = fromRecords.avgHeartRate;
  if (stated.avgHeartRate !== undefined && hr !== null && Math.abs(hr - stated.avgHeartRate) > NOTICEABLE.avgHeartRate) {
    notes.push(`Average heart rate is the watch's own, ${Math.round(stated.avgHeartRate)} bpm; its records average ${Math.round(hr)}.`);
  }
  const watts = fromRecords.avgPowerW;
  if (stated.avgPowerW !== undefined && typeof watts === 'number' && Math.abs(watts - stated.avgPowerW) > NOTICEABLE.avgPowerW) {
    notes.push(`Average power is the watch's own, ${Math.round(stated.avgPowerW)} W; its records average ${Math.round(watts)} W.`);
  }
  return notes;
}

const isFigure = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const isFileTotals = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  Object.entries(value).every(([key, figure]) => (FILE_TOTALS_KEYS as readonly string[]).includes(key) && (figure === undefined || isFigure(figure)));

/** Stored watch totals to trust (a backup's, say): every figure a number where the page reads one. */
export function isStatedTotals(value: unknown): value is StatedTotals {
  if (typeof value !== 'object' || value === null) return false;
  const { stated, setAside, leftOut, fromRecords } = value as Record<string, unknown>;
  if (!isFileTotals(stated) || (setAside !== undefined && !isFileTotals(setAside))) return false;
  if (leftOut !== undefined && !isFileTotals(leftOut)) return false;
  if (typeof fromRecords !== 'object' || fromRecords === null) return false;
  const records = fromRecords as Record<string, unknown>;
  return (
    isFigure(records['movingS']) &&
    isFigure(records['distanceM']) &&
    isFigure(records['avgCadence']) &&
    (records['avgHeartRate'] === null || isFigure(records['avgHeartRate'])) &&
    (records['avgPowerW'] === undefined || records['avgPowerW'] === null || isFigure(records['avgPowerW']))
  );
}
