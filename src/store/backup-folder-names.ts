// File names in the backup folder: the runner's local date and start time, then the run's name,
// "2026-12-07 18.05 Easy run.fit", so the folder reads in order in any file manager. The name is
// the runner's text: characters Windows, macOS or Android refuse in a file name are replaced, and a
// name already taken by another run's file gets " (2)", " (3)"… (names never identify a run: the
// id inside the file does).

import type { SessionSummary } from '../session/recorded-session.js';
import { runnersName } from '../session/session-title.js';

const two = (n: number): string => String(n).padStart(2, '0');
/** Refused by Windows (and ":" by macOS's Finder, "/" everywhere), plus control characters. */
const REFUSED = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Long enough for any name a runner types on a phone. */
const MAX_NAME_CHARS = 80;
/**
 * Linux and Android file systems allow 255 BYTES in a file name, and 80 characters of Japanese or
 * emoji are up to 320: the name is cut by its UTF-8 bytes too, leaving room for the date
 * (17 bytes), a " (99999)" of a clash and ".fit".
 */
export const MAX_NAME_BYTES = 255 - 17 - 8 - 4;
const utf8 = new TextEncoder();

/** The run's name as a file may carry it: refused characters become "-", no dots or spaces at the ends (Windows drops them). */
export function fileSafe(text: string): string {
  const kept: string[] = [];
  let bytes = 0;
  // Whole characters (code points) only: a cut never splits one.
  for (const char of Array.from(text.replace(REFUSED, '-').replace(/\s+/g, ' ')).slice(0, MAX_NAME_CHARS)) {
    bytes += utf8.encode(char).length;
    if (bytes > MAX_NAME_BYTES) break;
    kept.push(char);
  }
  return kept.join('').replace(/^[\s.]+|[\s.]+$/g, '');
}

/** "2026-12-07 18.05" in the runner's time zone. */
export function localMinute(at: number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return 'undated';
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}.${two(d.getMinutes())}`;
}

/** Where a damaged index is kept: "stridewise-index (damaged 2026-12-07 18.05).json". */
export const damagedIndexName = (at: number): string => `stridewise-index (damaged ${localMinute(at)}).json`;

/** "2026-12-07 18.05 Easy run.fit"; an unnamed run is "… Run.fit" (or "Walk"). */
export function runFileName(run: Pick<SessionSummary, 'startedAt' | 'name' | 'sport' | 'origin'>): string {
  const when = localMinute(run.startedAt);
  const name = fileSafe(runnersName(run) ?? '') || (run.sport === 'walk' ? 'Walk' : 'Run');
  return `${when} ${name}.fit`;
}

/** The name `wanted` gets at the `n`th try: itself, then " (2)", " (3)"… before its extension. */
export function numberedName(wanted: string, n: number): string {
  if (n <= 1) return wanted;
  const dot = wanted.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
  return `${stem} (${n})${ext}`;
}

/**
 * `wanted`, or with " (2)", " (3)"… before its extension, whichever is first not in `taken`
 * (compared without case: Windows and macOS folders do not tell "Run" from "run").
 */
export function uniqueFileName(wanted: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = numberedName(wanted, n);
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
