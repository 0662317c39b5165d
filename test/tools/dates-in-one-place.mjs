// Fails when a module under src/ formats a date for people itself instead of through
// src/session/date-format.ts, the one place that does (so every page reads a run's start the same
// way, in the browser's locale). File names keep fixed digits of their own and may read the
// calendar fields; week arithmetic may read the day.
//
//   node test/tools/dates-in-one-place.mjs [dir]     (default: src)

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'src');
const FORMATTER = 'session/date-format.ts';
/** Modules that build file names ("stridewise-2026-11-25-0754.fit"), not text for people. */
const FILE_NAMES = new Set(['export/download-name.ts', 'services/data-files.ts', 'store/backup-folder-names.ts']);

const anywhere = [
  [/\bIntl\s*\.\s*DateTimeFormat\b/, 'builds an Intl.DateTimeFormat'],
  [/\bIntl\s*\.\s*RelativeTimeFormat\b/, 'builds an Intl.RelativeTimeFormat'],
  [/\.toLocale(?:Date|Time)String\s*\(/, 'calls toLocaleDateString/toLocaleTimeString'],
  [/\.toLocaleString\s*\([^)]*(?:dateStyle|timeStyle|month|weekday|hour|undefined)/, 'formats a date with toLocaleString'],
  [/['"`]Jan['"`]\s*,\s*['"`]Feb['"`]/, 'spells month names itself'],
];
const calendarFields = [/\.get(?:UTC)?(?:Month|Hours|Minutes|FullYear)\s*\(/, 'reads calendar fields to print a date'];

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

export function dateFormattingOutside(dir) {
  const found = [];
  for (const file of filesUnder(dir)) {
    const name = relative(dir, file).split('\\').join('/');
    if (name === FORMATTER) continue;
    const rules = FILE_NAMES.has(name) ? anywhere : [...anywhere, calendarFields];
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const [pattern, what] of rules) if (pattern.test(line)) found.push(`${name}:${i + 1} ${what}: ${line.trim()}`);
      });
  }
  return found;
}

const found = dateFormattingOutside(root);
if (found.length > 0) {
  console.error(`Dates formatted outside ${FORMATTER} (use its formatDateTime, formatDate, formatTime, formatDayMonth or runTitle):`);
  for (const line of found) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`Dates: every module under ${relative(process.cwd(), root) || '.'} formats them through ${FORMATTER}.`);
