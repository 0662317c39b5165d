// Week-by-week totals from session summaries alone, and cadence at matched pace: cadence rises
// with speed, so only cadence within the same speed band, week against week, shows whether the
// runner's technique moved toward the target zone.

import { SPEED_BAND_MPS, type SessionSummary } from './recorded-session.js';
import { runningTargetShare } from './running-time-in-zone.js';
import { type DistanceUnit, formatPace, paceSeconds } from './units.js';
import type { CadenceZones } from './zones.js';

export interface WeekRow {
  /** Epoch milliseconds of Monday 00:00, local time. */
  weekStart: number;
  sessions: number;
  distanceM: number;
  movingS: number;
  /**
   * Running seconds: walk breaks, standing and pauses left out, so it is the time the share in
   * target is of. A run whose pod sent no cadence at all has nothing to tell its running from its
   * walking; its moving time counts.
   */
  runningS: number;
  /** Over the week's running seconds with a cadence, as each run's own average is; null without. */
  avgCadence: number | null;
  /** Running seconds in today's target zone (walking and pauses left out, whatever zones a run was recorded with). */
  targetZoneS: number;
  /** Running time in the target zone over running time with a cadence; null without. */
  targetShare: number | null;
  /** Runs whose time in target is estimated from their average cadence at each pace (stored before finer data was kept). */
  estimatedRuns: number;
  /** Every band seen in the weeks asked for; null when the band has under a minute that week. */
  cadenceByBand: Record<number, number | null>;
  towardTarget: 'closer' | 'further' | 'same' | null;
}

export interface WeeklyTrendsOptions {
  weeks: number;
  now: number;
  /** The target zone the weeks are judged against (today's, not each session's). */
  zones: CadenceZones;
}

/** Less than this in a band in a week is too little to compare. */
export const MIN_BAND_SECONDS = 60;
/** A change in mean distance to the target zone smaller than this is noise. */
export const TOWARD_TARGET_SPM = 0.5;

/** Monday 00:00 local time of the week holding `epochMs`, on calendar days so DST cannot shift it. */
export function weekStart(epochMs: number): number {
  const d = new Date(epochMs);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  // Where midnight does not exist on that Monday (DST at 00:00), setDate kept the hour; reset it.
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * Monday 00:00 of the week after the one starting at `start`: where that week ends. Found on the
 * calendar (a day into the next week, back to its Monday), as a week holding a clock change is
 * 167 or 169 hours long, not 7 × 24.
 */
export const nextWeekStart = (start: number): number => weekStart(start + 8 * 24 * 3600 * 1000);

/** Index of the last start at or before `t`, or -1. */
function weekIndex(starts: readonly number[], t: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Any second with a cadence, running or walking: a pod that counts steps. */
const hasCadence = (s: SessionSummary): boolean => Object.values(s.zoneTimes).some((seconds) => seconds > 0);

const distanceToTarget = (cadence: number, zones: CadenceZones): number =>
  cadence < zones.targetFrom ? zones.targetFrom - cadence : cadence > zones.targetTo ? cadence - zones.targetTo : 0;

interface WeekTally {
  sessions: number;
  distanceM: number;
  movingS: number;
  cadenceWeight: number;
  cadenceSum: number;
  targetZoneS: number;
  runningS: number;
  /** runningS, plus the moving time of runs without cadence. */
  runningTimeS: number;
  estimatedRuns: number;
  bands: Map<number, { seconds: number; cadenceSeconds: number }>;
}

/**
 * The last `weeks` weeks up to the one holding `now`, oldest first, empty weeks included.
 * Sessions outside those weeks are left out of the rows' totals, but each week's "toward target"
 * is judged against every earlier week, shown or not: the same week reads the same with 4 weeks
 * chosen as with 12.
 */
export function weeklyTrends(summaries: readonly SessionSummary[], options: WeeklyTrendsOptions): WeekRow[] {
  const count = Math.max(0, Math.floor(options.weeks));
  if (count === 0) return [];
  const firstWeek = weekStart(firstRunAt(summaries, options.now));
  // Newest first while counting back, on calendar weeks: the window, then any weeks before it with runs.
  const starts: number[] = [weekStart(options.now)];
  while (starts.length < count || starts[starts.length - 1]! > firstWeek) starts.push(weekStart(starts[starts.length - 1]! - 1));
  starts.reverse();
  const shownFrom = starts.length - count;
  const rows = weekRows(summaries, starts, options.zones);
  for (let i = 0; i < rows.length; i++) rows[i]!.towardTarget = towardTarget(rows, i, options.zones);
  const shown = rows.slice(shownFrom);
  // Every band seen in the weeks shown, in each of them: bands seen only before the window are left out.
  const bands = [...new Set(shown.flatMap((row) => Object.keys(row.cadenceByBand).map(Number)))].sort((a, b) => a - b);
  return shown.map((row) => ({ ...row, cadenceByBand: Object.fromEntries(bands.map((band) => [band, row.cadenceByBand[band] ?? null])) }));
}

/** The first run's start before `now` (walks left out), or `now` without one. */
function firstRunAt(summaries: readonly SessionSummary[], now: number): number {
  let first = now;
  for (const s of summaries) if (s.sport !== 'walk' && s.startedAt < first) first = s.startedAt;
  return first;
}

/** One row per week starting at `starts`, with the bands seen that week only, towardTarget not yet judged. */
function weekRows(summaries: readonly SessionSummary[], starts: readonly number[], zones: CadenceZones): WeekRow[] {
  const count = starts.length;
  const end = nextWeekStart(starts[count - 1]!);
  const tallies: WeekTally[] = starts.map(() => ({
    sessions: 0,
    distanceM: 0,
    movingS: 0,
    cadenceWeight: 0,
    cadenceSum: 0,
    targetZoneS: 0,
    runningS: 0,
    runningTimeS: 0,
    estimatedRuns: 0,
    bands: new Map(),
  }));
  for (const s of summaries) {
    // Weeks measure running: a walk's cadence is not running technique, so walks stay in History only.
    if (s.startedAt >= end || s.sport === 'walk') continue;
    const w = weekIndex(starts, s.startedAt);
    if (w < 0) continue;
    const tally = tallies[w]!;
    tally.sessions++;
    tally.distanceM += s.distanceM;
    tally.movingS += s.movingS;
    // Running only, against today's target: the share says how the running went, not how long the walk was.
    const inTarget = runningTargetShare([s], zones);
    tally.targetZoneS += inTarget.targetS;
    tally.runningS += inTarget.runningS;
    tally.runningTimeS += inTarget.runningS > 0 || hasCadence(s) ? inTarget.runningS : s.movingS;
    tally.estimatedRuns += inTarget.estimatedRuns;
    for (const key in s.cadenceBySpeedBand) {
      const band = Number(key);
      const value = s.cadenceBySpeedBand[band]!;
      // A run's average cadence covers its running seconds only; so does the week's, or a walk
      // break would weigh a run/walk session's running cadence by its walking minutes.
      tally.cadenceWeight += value.seconds;
      tally.cadenceSum += value.cadenceSeconds;
      const sum = tally.bands.get(band);
      if (sum) {
        sum.seconds += value.seconds;
        sum.cadenceSeconds += value.cadenceSeconds;
      } else {
        tally.bands.set(band, { seconds: value.seconds, cadenceSeconds: value.cadenceSeconds });
      }
    }
  }
  return tallies.map((tally, i): WeekRow => {
    const cadenceByBand: Record<number, number | null> = {};
    for (const [band, sum] of tally.bands) cadenceByBand[band] = sum.seconds >= MIN_BAND_SECONDS ? sum.cadenceSeconds / sum.seconds : null;
    return {
      weekStart: starts[i]!,
      sessions: tally.sessions,
      distanceM: tally.distanceM,
      movingS: tally.movingS,
      runningS: tally.runningTimeS,
      avgCadence: tally.cadenceWeight > 0 ? tally.cadenceSum / tally.cadenceWeight : null,
      targetZoneS: tally.targetZoneS,
      targetShare: tally.runningS > 0 ? tally.targetZoneS / tally.runningS : null,
      estimatedRuns: tally.estimatedRuns,
      cadenceByBand,
      towardTarget: null,
    };
  });
}

/**
 * Against the nearest earlier week that shares a band with this one: did the mean distance of
 * matched-pace cadence to the target zone shrink or grow?
 */
function towardTarget(rows: readonly WeekRow[], i: number, zones: CadenceZones): WeekRow['towardTarget'] {
  const row = rows[i]!;
  const bands = Object.keys(row.cadenceByBand).map(Number);
  for (let p = i - 1; p >= 0; p--) {
    const previous = rows[p]!;
    let shared = 0;
    let before = 0;
    let now = 0;
    for (const band of bands) {
      const a = previous.cadenceByBand[band];
      const b = row.cadenceByBand[band];
      if (a === null || a === undefined || b === null || b === undefined) continue;
      shared++;
      before += distanceToTarget(a, zones);
      now += distanceToTarget(b, zones);
    }
    if (shared === 0) continue;
    // A hair of tolerance so a change of exactly 0.5 spm is not lost to rounding.
    const change = (now - before) / shared;
    if (change <= -TOWARD_TARGET_SPM + 1e-9) return 'closer';
    if (change >= TOWARD_TARGET_SPM - 1e-9) return 'further';
    return 'same';
  }
  return null;
}

/** Bands with a cadence in at least two of the weeks, ascending: the ones worth comparing. */
export function matchedBands(rows: readonly WeekRow[]): number[] {
  const weeksWith = new Map<number, number>();
  for (const row of rows) {
    for (const key in row.cadenceByBand) {
      if (row.cadenceByBand[Number(key)] !== null) weeksWith.set(Number(key), (weeksWith.get(Number(key)) ?? 0) + 1);
    }
  }
  return [...weeksWith].filter(([, weeks]) => weeks >= 2).map(([band]) => band).sort((a, b) => a - b);
}

/** "3.0–3.5 m/s · 5:33–4:46 /km": the speeds of a band and the paces they mean. */
export function speedBandLabel(band: number, unit: DistanceUnit): string {
  const from = band * SPEED_BAND_MPS;
  const to = from + SPEED_BAND_MPS;
  const pace = (speed: number): string => formatPace(paceSeconds(speed, unit));
  return `${from.toFixed(1)}–${to.toFixed(1)} m/s · ${pace(from)}–${pace(to)} /${unit}`;
}

/**
 * How many of the last `weeks` weeks to show: none before the week of the runner's first run
 * (walks left out, as the rows leave them out), so a new runner does not read ten weeks of zeros.
 */
export function weeksSinceFirstRun(summaries: readonly SessionSummary[], weeks: number, now: number): number {
  let first = Infinity;
  for (const s of summaries) if (s.sport !== 'walk' && s.startedAt < first) first = s.startedAt;
  const most = Math.max(0, Math.floor(weeks));
  if (!Number.isFinite(first)) return most;
  const firstWeek = weekStart(first);
  // Counted on calendar weeks, as the rows are, so DST cannot add or lose one.
  let count = 1;
  for (let start = weekStart(now); count < most && start > firstWeek; count++) start = weekStart(start - 1);
  return Math.min(count, most);
}

/** A week with runs, or a stretch of weeks without any (from and to are their Mondays). */
export type WeekGroup = { kind: 'week'; row: WeekRow } | { kind: 'no-runs'; from: number; to: number; weeks: number };

/** The rows in order with each stretch of weeks without runs as one group: a table reads "no runs" once, not eleven times. */
export function groupEmptyWeeks(rows: readonly WeekRow[]): WeekGroup[] {
  const groups: WeekGroup[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (row.sessions > 0) groups.push({ kind: 'week', row });
    else if (last?.kind === 'no-runs') groups[groups.length - 1] = { ...last, to: row.weekStart, weeks: last.weeks + 1 };
    else groups.push({ kind: 'no-runs', from: row.weekStart, to: row.weekStart, weeks: 1 });
  }
  return groups;
}
