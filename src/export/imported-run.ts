// What a FIT or TCX reader hands back. The app turns it into a SessionMeta (id, summary, zones,
// origin 'import'), so readers stay free of storage and of how summaries are computed.

import type { RecordedColumns, SessionGap, SessionSport } from '../session/recorded-session.js';
import type { FileTotals } from '../session/stated-totals.js';
import type { FileRun } from './fit-run-id.js';
import type { CadenceZones } from '../session/zones.js';

export interface ImportedRun {
  /** Epoch milliseconds of the first sample; samples.t counts from here. */
  startedAt: number;
  /** The device that measured the run (footpod or watch), when the file says. */
  deviceName: string | null;
  /** A title the file carries (TCX Notes); FIT activity files have no place for one. */
  name: string | null;
  samples: RecordedColumns;
  sport: SessionSport;
  treadmill: boolean;
  /** Start times (t, seconds) of every lap after the first, ascending. */
  laps: number[];
  gaps: SessionGap[];
  /**
   * Totals the file states for the whole run (a FIT session message, a TCX file's laps summed),
   * which the summary shows in place of the records' sums; absent when it states none.
   */
  statedTotals?: FileTotals;
  /**
   * Totals our own export carried for the whole run, left out because the file no longer spans
   * what they were written for (the runner trimmed it since): the page says so.
   */
  trimmedTotals?: FileTotals;
  /**
   * The Stridewise run a FIT file says it holds (our own export's id and changedAt); absent for a
   * watch's file. Only a restore from a backup folder stores a run under it: an import gets a new id.
   */
  fileRun?: FileRun;
  /**
   * The cadence zones our own file says the run's time in zone was counted with; absent for a
   * watch's file. A restore counts with them; an import counts with this browser's, as for any file.
   */
  fileZones?: CadenceZones;
}
