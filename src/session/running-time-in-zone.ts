// Time in zone over running only, against any zones. A run's summary keeps its running seconds by
// cadence (walking, standing and paused time left out), so the plan and the weeks judge every run
// against today's target zone by one rule, whatever zones it was recorded with: a walk before
// and after a run no longer halves its share, and an edit to the zones no longer changes the rule.

import type { RunningCadenceSeconds, SessionSummary } from './recorded-session.js';
import { type ZoneTimes, emptyZoneTimes } from './time-in-zone.js';
import { type CadenceZones, zoneFor } from './zones.js';

/**
 * Where a cadence's running seconds are kept: under the cadence itself when a whole number, else
 * under the middle of the two whole numbers around it (171.3 and 171.8 under 171.5). Zone edges in
 * whole steps (the app's own) then sort every second exactly as zoneFor would, as a cadence can
 * sit on such an edge only when it is a whole number; an edge between whole steps sorts by that middle.
 */
export const cadenceKey = (cadence: number): number => (Number.isInteger(cadence) ? cadence : Math.floor(cadence) + 0.5);

export function addRunningSeconds(spread: RunningCadenceSeconds, cadence: number, seconds: number): void {
  const key = cadenceKey(cadence);
  spread[key] = (spread[key] ?? 0) + seconds;
}

/** A stored spread to trust: every key a cadence, every value a number of seconds. */
function isSpread(value: unknown): value is RunningCadenceSeconds {
  if (typeof value !== 'object' || value === null) return false;
  for (const [key, seconds] of Object.entries(value)) {
    const cadence = Number(key);
    if (!(Number.isFinite(cadence) && cadence > 0) || typeof seconds !== 'number' || !(Number.isFinite(seconds) && seconds >= 0)) return false;
  }
  return true;
}

export interface RunningZoneTimes {
  times: ZoneTimes;
  /**
   * Estimated from the run's average cadence at each pace (each pace band counted wholly in the
   * zone of its average), as a run stored before its running seconds by cadence were kept holds
   * nothing finer. Running only too, but coarser. False for a run with no running to count.
   */
  estimated: boolean;
}

/** A run's running seconds in each zone of `zones`. */
export function runningZoneTimes(
  run: Pick<SessionSummary, 'runningCadence' | 'cadenceBySpeedBand'>,
  zones: CadenceZones,
): RunningZoneTimes {
  const times = emptyZoneTimes();
  if (isSpread(run.runningCadence)) {
    for (const [key, seconds] of Object.entries(run.runningCadence)) times[zoneFor(Number(key), zones)] += seconds;
    return { times, estimated: false };
  }
  let estimated = false;
  for (const key in run.cadenceBySpeedBand) {
    const band = run.cadenceBySpeedBand[Number(key)]!;
    if (!(band.seconds > 0)) continue;
    times[zoneFor(band.cadenceSeconds / band.seconds, zones)] += band.seconds;
    estimated = true;
  }
  return { times, estimated };
}

export interface RunningTargetShare {
  /** Running seconds in the target zone, and with a cadence at all. */
  targetS: number;
  runningS: number;
  /** targetS / runningS; null without running. */
  share: number | null;
  /** How many of the runs were estimated (see RunningZoneTimes.estimated). */
  estimatedRuns: number;
}

/** The share of these runs' running time in the target zone of `zones`. */
export function runningTargetShare(
  runs: readonly Pick<SessionSummary, 'runningCadence' | 'cadenceBySpeedBand'>[],
  zones: CadenceZones,
): RunningTargetShare {
  let targetS = 0;
  let runningS = 0;
  let estimatedRuns = 0;
  for (const run of runs) {
    const { times, estimated } = runningZoneTimes(run, zones);
    targetS += times.target;
    runningS += times.low + times.building + times.target + times.high;
    if (estimated) estimatedRuns++;
  }
  return { targetS, runningS, share: runningS > 0 ? targetS / runningS : null, estimatedRuns };
}

