// Time in zone over running only, against any zones. A run's summary keeps its running seconds by
// cadence (walking, standing and paused time left out), so the plan and the weeks judge every run
// against today's target zone by one rule, whatever zones it was recorded with: a walk before
// and after a run no longer halves its share, and an edit to the zones no longer changes the rule.

import type { RunningCadenceByBand, RunningCadenceSeconds, SessionSummary } from './recorded-session.js';
import { type ZoneTimes, emptyZoneTimes } from './time-in-zone.js';
import { type CadenceZones, zoneFor } from './zones.js';

/**
 * Where a cadence's running seconds are kept: under the cadence itself when a whole number, else
 * under the middle of the two whole numbers around it (171.3 and 171.8 under 171.5). Zone edges
 * are whole steps (checkCadenceZones refuses others, stored ones were moved to the nearest), so
 * every second sorts exactly as zoneFor would sort its cadence: only a whole cadence can sit on an edge.
 */
export const cadenceKey = (cadence: number): number => (Number.isInteger(cadence) ? cadence : Math.floor(cadence) + 0.5);

export function addRunningSeconds(spread: RunningCadenceSeconds, cadence: number, seconds: number): void {
  const key = cadenceKey(cadence);
  spread[key] = (spread[key] ?? 0) + seconds;
}

/** A stored spread to trust: every key a cadence, every value a number of seconds. */
export function isSpread(value: unknown): value is RunningCadenceSeconds {
  if (typeof value !== 'object' || value === null) return false;
  for (const [key, seconds] of Object.entries(value)) {
    const cadence = Number(key);
    if (!(Number.isFinite(cadence) && cadence > 0) || typeof seconds !== 'number' || !(Number.isFinite(seconds) && seconds >= 0)) return false;
  }
  return true;
}

/** Stored spreads by speed band to trust: every key a band, every value a spread. */
export function isSpreadByBand(value: unknown): value is RunningCadenceByBand {
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).every(([key, spread]) => Number.isInteger(Number(key)) && isSpread(spread));
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

type RunCadences = Pick<SessionSummary, 'runningCadence' | 'runningCadenceByBand' | 'cadenceBySpeedBand'>;

function spreadTimes(spread: RunningCadenceSeconds, zones: CadenceZones): ZoneTimes {
  const times = emptyZoneTimes();
  for (const [key, seconds] of Object.entries(spread)) times[zoneFor(Number(key), zones)] += seconds;
  return times;
}

/** Each band counted wholly in the zone of its average cadence: all there is for an older run. */
function estimatedTimes(run: RunCadences, zones: CadenceZones, band: number | undefined): RunningZoneTimes {
  const times = emptyZoneTimes();
  let estimated = false;
  for (const key in run.cadenceBySpeedBand) {
    if (band !== undefined && Number(key) !== band) continue;
    const value = run.cadenceBySpeedBand[Number(key)]!;
    if (!(value.seconds > 0)) continue;
    times[zoneFor(value.cadenceSeconds / value.seconds, zones)] += value.seconds;
    estimated = true;
  }
  return { times, estimated };
}

/** The speed bands a run has running seconds in. */
const bandsRun = (run: RunCadences): number[] =>
  Object.keys(run.cadenceBySpeedBand).map(Number).filter((band) => run.cadenceBySpeedBand[band]!.seconds > 0);

/**
 * A run's running seconds in each zone of `zones`: at every pace, or with `band` only at that
 * speed band's pace (running faster or slower left out). A run stored before its seconds were kept
 * by band is counted exactly when it ran at that pace alone, else estimated from its band average.
 */
export function runningZoneTimes(run: RunCadences, zones: CadenceZones, band?: number): RunningZoneTimes {
  if (band === undefined) {
    return isSpread(run.runningCadence) ? { times: spreadTimes(run.runningCadence, zones), estimated: false } : estimatedTimes(run, zones, band);
  }
  if (isSpreadByBand(run.runningCadenceByBand)) return { times: spreadTimes(run.runningCadenceByBand[band] ?? {}, zones), estimated: false };
  const bands = bandsRun(run);
  if (isSpread(run.runningCadence) && bands.length === 1 && bands[0] === band) {
    return { times: spreadTimes(run.runningCadence, zones), estimated: false };
  }
  return estimatedTimes(run, zones, band);
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

/** The share of these runs' running time in the target zone of `zones`: at every pace, or with `band` at that pace only. */
export function runningTargetShare(runs: readonly RunCadences[], zones: CadenceZones, band?: number): RunningTargetShare {
  let targetS = 0;
  let runningS = 0;
  let estimatedRuns = 0;
  for (const run of runs) {
    const { times, estimated } = runningZoneTimes(run, zones, band);
    targetS += times.target;
    runningS += times.low + times.building + times.target + times.high;
    if (estimated) estimatedRuns++;
  }
  return { targetS, runningS, share: runningS > 0 ? targetS / runningS : null, estimatedRuns };
}
