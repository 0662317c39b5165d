// How sessions read in lists and tables: one place, so history, detail, compare and weeks agree.
// Formatters are built once; a list of 520 sessions formats 520 dates.

import type { SessionSummary } from '../session/recorded-session.js';
import { type DistanceUnit, distanceIn, formatPace, paceSeconds } from '../session/units.js';
import type { ZoneTimes } from '../session/time-in-zone.js';
import { wholePercent, zonePercentages } from '../session/zone-shares.js';

const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export const formatSessionDate = (epochMs: number): string => dateTime.format(epochMs);
export const formatShortDate = (epochMs: number): string => shortDate.format(epochMs);

/** The runner's name for a session, or one made from its date when it has none. */
export const sessionTitle = (session: Pick<SessionSummary, 'name' | 'startedAt'>): string =>
  session.name || `Run on ${formatShortDate(session.startedAt)}`;

export const formatDistance = (metres: number, unit: DistanceUnit): string => distanceIn(metres, unit).toFixed(2);

export const formatAveragePace = (speedMps: number, unit: DistanceUnit): string => formatPace(paceSeconds(speedMps, unit));

/** Whole steps per minute, or a dash when there was no running cadence. */
export const formatCadence = (cadence: number | null): string => (cadence !== null && cadence > 0 ? String(Math.round(cadence)) : '–');

/**
 * Share of zoned time spent in the target zone, 0 to 1, in the whole percent the zone bar shows
 * beside the other zones (which sum to 100), so a list, a summary and the bar never differ by one.
 */
export function targetShare(zoneTimes: ZoneTimes): number {
  return zonePercentages(zoneTimes).target / 100;
}

/** A single share in whole percent, by the one rule the plan judges its step on (wholePercent). */
export const formatShare = (share: number): string => `${wholePercent(share)}%`;
