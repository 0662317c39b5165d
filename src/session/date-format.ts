// Dates and times as the runner reads them, in the browser's own locale ("Dec 7, 2026, 2:45 AM"
// in en-US, "7 Dec 2026, 02:45" in en-GB): the one place the app formats a date for people, so
// a run's start reads the same on every page and in its name. File names keep their own fixed
// digits (download-name.ts). Formatters are built once; a list of 520 runs formats 520 dates.

import type { SessionSport } from './recorded-session.js';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'long' });

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
/** "Thursday": a day in the coming week. */
export const formatWeekday = safely(weekday);

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

const LEGACY_NAME = new RegExp(`^(Run|Walk) (\\d{1,2}) (${LEGACY_MONTHS.join('|')}) ([1-9]\\d{3}), (\\d{2}):(\\d{2})$`);
/**
 * The UTC offsets clocks keep or have kept (standard and summer time), in minutes: whole hours from
 * UTC-12 to UTC+14 and the half and three-quarter hours some zones keep (Newfoundland -3:30/-2:30,
 * Marquesas -9:30, Iran, Afghanistan, India, Nepal, Myanmar, Eucla +8:45, central Australia and
 * Lord Howe, Chatham +12:45/+13:45). Every quarter hour would take a runner's 'Run … 09:00' on a
 * run started 02:45 for the app's own name (+6:15, which no clock keeps).
 */
const REAL_OFFSETS_MIN = new Set([
  ...Array.from({ length: 27 }, (_, i) => (i - 12) * 60),
  -570, -210, -150, 210, 270, 330, 345, 390, 525, 570, 630, 765, 825,
]);

/**
 * Whether `name` is the name the app itself gave a run starting at `epochMs`: '' (what it stores
 * now) or the fixed English 'Run 7 Dec 2026, 02:45' (or 'Walk …') that released versions stored
 * (recorder.ts defaultSessionName up to 7c669a6), no other form: those versions wrote no other, so
 * any other text is the runner's. It was written in the recording browser's local time, so it is
 * the start's when it reads so in this browser's zone (the same device; its summer time as on that
 * day) or in a real UTC offset (a backup restored elsewhere, a runner who has moved); the zone it
 * was written in was never stored. One regex and date arithmetic, no Intl: History titles 520 runs
 * and sorts them in its 150 ms.
 */
export function isDefaultRunName(name: string, epochMs: number, sport: SessionSport = 'run'): boolean {
  if (name === '') return true;
  const parts = LEGACY_NAME.exec(name);
  if (parts === null || parts[1] !== (sport === 'walk' ? 'Walk' : 'Run') || !Number.isFinite(epochMs)) return false;
  if (legacyRunTitle(epochMs, sport) === name) return true;
  const [day, month, year, hours, minutes] = [Number(parts[2]), LEGACY_MONTHS.indexOf(parts[3]!), Number(parts[4]), Number(parts[5]), Number(parts[6])];
  if (hours > 23 || minutes > 59) return false;
  const clockMs = Date.UTC(year, month, day, hours, minutes);
  // 31 Nov would roll over into 1 Dec: a date no calendar has was never the app's.
  if (new Date(clockMs).getUTCDate() !== day) return false;
  return REAL_OFFSETS_MIN.has((clockMs - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
}
