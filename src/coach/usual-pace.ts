// The runner's usual pace, where the cadence plan judges cadence: the speed band with the most
// running seconds in the runner's runs of the last 8 weeks. Imported watch runs from years ago
// must not set it while the runner has runs of their own from these weeks; only with none does
// the plan look further back, and it says so.

import type { SessionSummary } from '../session/recorded-session.js';

/** The usual pace is the runner's pace of the last 8 weeks... */
export const RECENT_WEEKS = 8;
/** ...or, with no run at any pace in them, of their last 10 older runs (and the plan says so). */
export const OLDER_RUNS = 10;

const DAY_MS = 24 * 3600 * 1000;

const atSomePace = (run: SessionSummary): boolean => Object.keys(run.cadenceBySpeedBand).length > 0;

/** The runs the plan looks at, and whether they are recent ones or a fall-back to older ones. */
export interface RunsLookedAt {
  runs: SessionSummary[];
  from: 'recent' | 'older' | 'none';
}

/**
 * Runs of the last 8 weeks with running at some pace. Only without any does the plan look
 * further back: imported watch runs from years ago must not set today's usual pace while the
 * runner has runs of their own from these weeks. `runs` oldest first.
 */
export function runsLookedAt(runs: readonly SessionSummary[], now: number): RunsLookedAt {
  const since = now - RECENT_WEEKS * 7 * DAY_MS;
  const recent = runs.filter((r) => r.startedAt >= since && atSomePace(r));
  if (recent.length > 0) return { runs: recent, from: 'recent' };
  const older = runs.filter(atSomePace).slice(-OLDER_RUNS);
  return older.length > 0 ? { runs: older, from: 'older' } : { runs: [], from: 'none' };
}

/** Said before the reason when the usual pace rests on older runs. */
export const OLDER_RUNS_NOTE = `No runs at any pace in the last ${RECENT_WEEKS} weeks, so the plan looks at your older runs. `;

/** The band with the most running seconds; a tie goes to the slower band. */
export function usualBand(runs: readonly SessionSummary[]): number | null {
  const seconds = new Map<number, number>();
  for (const run of runs) {
    for (const key in run.cadenceBySpeedBand) {
      const band = Number(key);
      seconds.set(band, (seconds.get(band) ?? 0) + run.cadenceBySpeedBand[band]!.seconds);
    }
  }
  let best: number | null = null;
  for (const [band, s] of seconds) {
    const most = best === null ? 0 : seconds.get(best)!;
    if (s > most || (s === most && best !== null && band < best)) best = band;
  }
  return best;
}
