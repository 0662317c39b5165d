// What a restore from the backup folder says it did, in one paragraph: runs added and skipped, then
// every file it did not bring in and why, so "Added 0 runs." never stands alone beside a folder
// the runner can see is full.

import { TRY_AGAIN_FROM_SOURCE } from '../export/import-error.js';
import type { FolderFailure } from '../store/backup-folder-files.js';

/** What became of the folder's files. */
export interface RestoreCounts {
  added: number;
  /** Runs stored here before that the folder's newer copy replaced. */
  updated?: number;
  /** Runs (ids) stored here before the restore: left as they are. */
  skipped: number;
  /** FIT files without a Stridewise run id (a watch's own). */
  withoutId: number;
  /** Files that could not be read (each said on its own line). */
  refused: number;
  /** Of the runs added, those the folder holds more than one file of, and how many files those are. */
  copies?: { runs: number; files: number };
  /** TCX files: a restore reads the FIT files Stridewise writes. */
  tcx?: number;
  /** Other files that are no run file (not FIT or TCX), left as they are. */
  others?: number;
  /** Files gone from the folder between listing it and reading them. */
  vanished?: number;
  /** The folder itself went (or its permission) part-way: this many files were never read. */
  stopped?: { failure: FolderFailure; unread: number };
}

const runs = (n: number): string => `${n} run${n === 1 ? '' : 's'}`;
const files = (n: number, what = 'file'): string => `${n} ${what}${n === 1 ? '' : 's'}`;
const isAre = (n: number): string => (n === 1 ? 'is' : 'are');
const wasWere = (n: number): string => (n === 1 ? 'was' : 'were');

/** Where a runner brings in a file a restore does not read. */
const IMPORT_THERE = 'Settings → Your data → Import runs from a watch';

export function restoreSummary(counts: RestoreCounts): string {
  const { added, updated = 0, skipped, withoutId, refused, copies, tcx = 0, others = 0, vanished = 0, stopped } = counts;
  const parts = [`Added ${runs(added)}`];
  if (updated > 0) parts.push(`updated ${runs(updated)} to the folder's newer copy`);
  if (skipped > 0) parts.push(`${skipped} already here ${wasWere(skipped)} skipped`);
  const said = [`${parts.join('; ')}.`];
  if (stopped !== undefined && stopped.unread > 0) {
    said.push(
      stopped.failure === 'permission'
        ? `Stridewise lost permission to read the folder part-way: the other ${files(stopped.unread)} ${wasWere(stopped.unread)} not read. Allow the folder again and restore again.`
        : `The folder could no longer be read part-way (moved, removed, or its drive went offline): the other ${files(stopped.unread)} ${wasWere(stopped.unread)} not read. Restore again once the folder is back.`,
    );
  }
  if (copies !== undefined && copies.runs > 0) {
    const of = copies.runs === 1 ? 'one run' : runs(copies.runs);
    said.push(`The folder holds ${copies.files} copies of ${of} (a cloud drive's conflicted copy, say): the one changed last ${copies.runs === 1 ? '' : 'of each '}was used.`);
  }
  if (withoutId > 0) {
    said.push(
      `${withoutId} FIT file${withoutId === 1 ? ' carries' : 's carry'} no Stridewise run id (a watch's or another app's own), ` +
        `so a restore cannot tell whether it is here already: import them from ${IMPORT_THERE}.`,
    );
  }
  if (tcx > 0) {
    said.push(
      `${files(tcx, 'TCX file')} ${wasWere(tcx)} not restored: a restore reads the FIT files Stridewise writes there. ` +
        `Import a TCX file from ${IMPORT_THERE} (it becomes a new run, so check it is not here already).`,
    );
  }
  if (others > 0) said.push(`${files(others, 'other file')} ${isAre(others)} no run file (not FIT or TCX) and ${wasWere(others)} left as ${others === 1 ? 'it is' : 'they are'}.`);
  if (vanished > 0) said.push(`${files(vanished)} went from the folder before ${vanished === 1 ? 'it' : 'they'} could be read.`);
  if (refused > 0) said.push(`${files(refused)} could not be read (see below).`);
  return said.join(' ');
}

/**
 * The advice for a damaged or cut-short file, as a restore gives it: the file is our own copy, so
 * "export it again from the watch" is no help; a cloud drive still copying it, or the browser that
 * wrote it, is.
 */
export const RESTORE_AGAIN =
  'If a cloud drive is still copying the folder, restore again once it has finished; ' +
  'otherwise the run is still in the browser that wrote this file, which can export it again.';

export const withRestoreAdvice = (message: string): string =>
  message.includes(TRY_AGAIN_FROM_SOURCE) ? message.replace(TRY_AGAIN_FROM_SOURCE, RESTORE_AGAIN) : message;
