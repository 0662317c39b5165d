// File names for exports: the date and local start time only. Session names are the runner's
// own text and can hold anything, so they never reach a file name.

import type { SessionMeta } from '../session/recorded-session.js';

export type ExportFormat = 'fit' | 'tcx' | 'csv';

const two = (n: number): string => String(n).padStart(2, '0');

/** "stridewise-2026-11-25-0754.fit" for a run started at 07:54 local time on 25 November 2026. */
export function exportFileName(meta: Pick<SessionMeta, 'startedAt'>, ext: ExportFormat): string {
  const d = new Date(meta.startedAt);
  if (Number.isNaN(d.getTime())) return `stridewise-run.${ext}`;
  const date = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  return `stridewise-${date}-${two(d.getHours())}${two(d.getMinutes())}.${ext}`;
}

/** "stridewise-workout-2026-12-07-0930.fit" from the time of the export: the workout's name is the runner's text, kept out. */
export function workoutFileName(at: number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return 'stridewise-workout.fit';
  return `stridewise-workout-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}.fit`;
}

/** "stridewise-runs-2026-12-07-fit.zip": a zip of runs, named by the day of the export (local time). */
export function runsZipName(format: 'fit' | 'tcx', at: number): string {
  const d = new Date(at);
  return `stridewise-runs-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${format}.zip`;
}
