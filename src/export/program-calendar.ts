// The program's planned sessions and tests as an iCalendar file (RFC 5545), so the runner's own
// calendar reminds them, with no server. Each item keeps one UID across exports of its program
// (and only its program: a program begun again is new events), and a later export has a higher
// SEQUENCE, so importing a newer file moves an event rather than adding a second one or being
// ignored as no newer than the one the calendar has (RFC 5545 3.8.7.4).

import { addDays } from '../program/local-days.js';
import type { ScheduleItem } from '../program/program-types.js';

const CRLF = '\r\n';
/** RFC 5545 3.1: lines longer than this many octets are folded. */
const LINE_OCTETS = 75;

// Machine values, not words for people: ISO text cut to iCalendar's basic form, through UTC so
// no date is formatted outside session/date-format.ts for a reader.
const basic = (iso: string): string => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The local calendar day as YYYYMMDD, for an all-day DATE value. */
const dateValue = (dayMs: number): string => {
  // The local day's midnight moved to the same wall-clock midnight in UTC reads the same date.
  const sameDateInUtc = dayMs - new Date(dayMs).getTimezoneOffset() * 60_000;
  return basic(new Date(sameDateInUtc).toISOString()).slice(0, 8);
};

/** UTC date-time as YYYYMMDDTHHMMSSZ, as DTSTAMP requires. */
const stampValue = (ms: number): string => basic(new Date(ms).toISOString());

/** A TEXT value with its backslashes, semicolons, commas and line breaks escaped (RFC 5545 3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** One content line folded so no physical line exceeds 75 octets, never inside a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // A continuation line's leading space counts toward its 75 octets.
    if (octets + size > LINE_OCTETS) {
      parts.push(part);
      part = ' ';
      octets = 1;
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join(CRLF);
}

/** A UID that names the program and the item, not the export, so the same session keeps the same event. */
const uidOf = (item: ScheduleItem, programCreatedAtMs: number): string =>
  `stridewise-program-${programCreatedAtMs}-block${item.block}-${item.kind === 'session' ? `session${item.n}` : item.test}@stridewise`;

/** RFC 5545 INTEGER is 32-bit signed. */
const SEQUENCE_MAX = 2 ** 31 - 1;

/**
 * Whole seconds from the program's start to the export: every later export of the program counts
 * higher (seconds fit the INTEGER for 68 years), and a clock set back never gives less than 0.
 */
const sequenceOf = (programCreatedAtMs: number, nowMs: number): number =>
  Math.min(SEQUENCE_MAX, Math.max(0, Math.floor((nowMs - programCreatedAtMs) / 1000)));

/** One all-day event per planned (not yet done) item of the program begun at `programCreatedAtMs`. */
export function programCalendar(
  items: readonly ScheduleItem[],
  words: (item: ScheduleItem) => { summary: string; description: string },
  nowMs: number,
  programCreatedAtMs: number,
): string {
  const stamp = stampValue(nowMs);
  const sequence = sequenceOf(programCreatedAtMs, nowMs);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Stridewise//Cadence program//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const item of items) {
    if (item.done !== null) continue;
    const { summary, description } = words(item);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidOf(item, programCreatedAtMs)}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${sequence}`,
      `DTSTART;VALUE=DATE:${dateValue(item.dayMs)}`,
      `DTEND;VALUE=DATE:${dateValue(addDays(item.dayMs, 1))}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
