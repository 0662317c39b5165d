// Dates and times as the runner reads them, in the browser's own locale ("Dec 7, 2026, 2:45 AM"
// in en-US, "7 Dec 2026, 02:45" in en-GB): the one place the app formats a date for people, so
// a run's start reads the same on every page and in its name. File names keep their own fixed
// digits (download-name.ts). Formatters are built once; a list of 520 runs formats 520 dates.

import type { SessionSport } from './recorded-session.js';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** A date Intl cannot format (NaN from a damaged record) reads as a dash rather than throwing. */
const safely =
  (format: Intl.DateTimeFormat) =>
  (epochMs: number): string =>
    Number.isFinite(epochMs) && Math.abs(epochMs) <= 8.64e15 ? format.format(epochMs) : '–';

/** "Dec 7, 2026, 2:45 AM": when a run started. */
export const formatDateTime = safely(dateTime);
/** "Dec 7, 2026": a week, a plan step. */
export const formatDate = safely(dateOnly);
/** "2:45 AM". */
export const formatTime = safely(timeOnly);
/** "Dec 7": an axis label, where the year is in the title. */
export const formatDayMonth = safely(dayMonth);

/** "Run Dec 7, 2026, 2:45 AM" (or "Walk …"): the name of a run nobody named, recorded or imported. */
export const runTitle = (epochMs: number, sport: SessionSport = 'run'): string => `${sport === 'walk' ? 'Walk' : 'Run'} ${formatDateTime(epochMs)}`;

const LEGACY_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The fixed English name runs were given before names followed the locale ("Run 7 Dec 2026,
 * 02:45", local time), so titles can recognise a stored one as no name of the runner's own.
 */
export function legacyRunTitle(epochMs: number, sport: SessionSport = 'run'): string {
  const d = new Date(epochMs);
  return `${sport === 'walk' ? 'Walk' : 'Run'} ${d.getDate()} ${LEGACY_MONTHS[d.getMonth()]} ${d.getFullYear()}, ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}
