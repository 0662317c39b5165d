// How sessions read in lists and tables: one place, so history, detail, compare and weeks agree.

import { formatDate, formatDateTime } from '../session/date-format.js';
import type { SessionSummary } from '../session/recorded-session.js';
import { type DistanceUnit, formatDistanceIn, formatDuration, formatPace, averagePaceSeconds } from '../session/units.js';
import { runningTargetShare } from '../session/running-time-in-zone.js';
import { wholePercent } from '../session/zone-shares.js';

/** When a run started, as every page and its default name show it (date-format.ts). */
export const formatSessionDate = formatDateTime;
/** A day without the time: a week's start, a plan step. */
export const formatShortDate = formatDate;

export { importedFileName, runnersName, sessionTitle } from '../session/session-title.js';

export const formatDistance = (metres: number, unit: DistanceUnit): string => formatDistanceIn(metres, unit);

/** An average's pace (a split, a lap, a run), however slow: its time over its distance. */
export const formatAveragePace = (speedMps: number, unit: DistanceUnit): string => formatPace(averagePaceSeconds(speedMps, unit));

/** Whole steps per minute, or a dash when there was no running cadence. */
export const formatCadence = (cadence: number | null): string => (cadence !== null && cadence > 0 ? String(Math.round(cadence)) : '–');

/**
 * A run's running seconds in its target zone and their share of its running seconds, by the rule
 * Weeks and the plan use (running-time-in-zone.ts): walks and pauses left out, so a walk-run-walk
 * reads as Weeks reads it. Null share with no running cadence.
 */
export function runningInTarget(session: SessionSummary): { targetS: number; share: number | null } {
  const { targetS, share } = runningTargetShare([session], session.zones);
  return { targetS, share };
}

/** Running time in target and its share, as lists and summaries show it. */
export function formatRunningInTarget(session: SessionSummary): { time: string; share: string } {
  const { targetS, share } = runningInTarget(session);
  return { time: formatDuration(targetS), share: share === null ? '–' : formatShare(share) };
}

/** A single share in whole percent, by the one rule the plan judges its step on (wholePercent). */
export const formatShare = (share: number): string => `${wholePercent(share)}%`;
