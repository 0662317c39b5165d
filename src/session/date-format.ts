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

/** Locales whose run names an older version may have stored, besides the browser's own. */
const NAMING_LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'sv-SE', 'da-DK', 'nb-NO', 'fi-FI', 'pl-PL'];
/** One formatter per locale, in UTC: a start moved by a zone's offset reads as that zone's clock. */
const namingFormatters = new Map<string, Intl.DateTimeFormat>();
function namingFormatter(locale: string): Intl.DateTimeFormat | null {
  if (!namingFormatters.has(locale)) {
    try {
      namingFormatters.set(locale, new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }));
    } catch {
      return null;
    }
  }
  return namingFormatters.get(locale)!;
}
const namingLocales = (): string[] => [
  ...new Set([new Intl.DateTimeFormat().resolvedOptions().locale, ...(globalThis.navigator?.languages ?? []), ...NAMING_LOCALES]),
];
/** Zone offsets of the world's clocks, from UTC-12 to UTC+14, in quarter hours. */
const OFFSETS_MS = Array.from({ length: (26 * 60) / 15 + 1 }, (_, i) => (i * 15 - 12 * 60) * 60_000);
const spaced = (text: string): string => text.replace(/[\s\u202f\u00a0]+/g, ' ').trim();
/** The old fixed English date ("7 Dec 2026, 02:45") of a clock reading held in a Date's UTC fields. */
const legacyDateOf = (clock: Date): string =>
  `${clock.getUTCDate()} ${LEGACY_MONTHS[clock.getUTCMonth()]} ${clock.getUTCFullYear()}, ${pad2(clock.getUTCHours())}:${pad2(clock.getUTCMinutes())}`;

/**
 * Whether `name` is the name the app itself gave a run starting at `epochMs`, in any form an
 * older version stored it: "Run 7 Dec 2026, 02:45" (fixed English) or "Run Dec 7, 2026, 2:45 AM"
 * (the recording browser's locale), in whatever time zone it was recorded. Such a name is no name
 * of the runner's, so the run reads by today's runTitle, in today's locale and zone. Only the
 * zones whose clock holds the name's numbers are formatted, so a list of 520 runs stays quick.
 */
export function isDefaultRunName(name: string, epochMs: number, sport: SessionSport = 'run'): boolean {
  const word = `${sport === 'walk' ? 'Walk' : 'Run'} `;
  if (name === '') return true;
  if (!name.startsWith(word) || !Number.isFinite(epochMs)) return false;
  const date = spaced(name.slice(word.length));
  const numbers = new Set((date.match(/\d+/g) ?? []).map(Number));
  for (const offset of OFFSETS_MS) {
    const clock = new Date(epochMs + offset);
    const hours = clock.getUTCHours();
    const holds =
      numbers.has(clock.getUTCFullYear()) && numbers.has(clock.getUTCDate()) && numbers.has(clock.getUTCMinutes()) && (numbers.has(hours) || numbers.has(hours % 12 || 12));
    if (!holds) continue;
    if (legacyDateOf(clock) === date) return true;
    if (namingLocales().some((locale) => spaced(namingFormatter(locale)?.format(clock) ?? '') === date)) return true;
  }
  return false;
}
