// What a FIT file's session messages say about the whole activity: its sport, and the totals the
// watch summed from every second its timer ran. A watch that resumes a run as a new session
// writes one per part, so both are read over all of them, never the first alone.

import type { SessionMesg } from '@garmin/fitsdk';
import { type FileTotals, usableFileTotals } from '../session/stated-totals.js';
import { stepsPerMinuteOf } from './fit-cadence.js';
import { type FileSport, fitSport } from './file-sport.js';
import { ImportError } from './import-error.js';

/** "eBiking" → "e biking": the SDK names sports in camelCase. */
const wordsOf = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * The session messages' own totals: the timer's time, the distance, the average cadence with
 * its fraction (strides per minute in FIT, so twice that in steps), the average heart rate and power.
 * The watch sums them from every second its timer ran, more often than it writes records. A file
 * with several sessions (a run resumed as a new session) states the sum of their times and
 * distances and their averages weighted by timer time; a figure only where every session states it.
 */
export function statedTotalsOf(sessions: readonly SessionMesg[]): FileTotals | undefined {
  if (sessions.length === 0) return undefined;
  const each = sessions.map((session) => {
    const strides = session.avgCadence ?? session.avgRunningCadence;
    return usableFileTotals({
      movingS: session.totalTimerTime,
      distanceM: session.totalDistance,
      avgCadence: typeof strides === 'number' ? stepsPerMinuteOf(strides, session.avgFractionalCadence) : undefined,
      avgHeartRate: session.avgHeartRate,
      avgPowerW: session.avgPower,
    });
  });
  const all = (key: keyof FileTotals): number[] | undefined => {
    const values = each.map((totals) => totals[key]);
    return values.every((v) => v !== undefined) ? (values as number[]) : undefined;
  };
  const sum = (values: number[] | undefined): number | undefined => values?.reduce((a, b) => a + b, 0);
  const times = all('movingS');
  const weighted = (values: number[] | undefined): number | undefined => {
    if (values === undefined) return undefined;
    if (values.length === 1) return values[0];
    return times === undefined ? undefined : values.reduce((total, v, k) => total + v * times[k]!, 0) / sum(times)!;
  };
  const stated = usableFileTotals({
    movingS: sum(times),
    distanceM: sum(all('distanceM')),
    avgCadence: weighted(all('avgCadence')),
    avgHeartRate: weighted(all('avgHeartRate')),
    avgPowerW: weighted(all('avgPowerW')),
  });
  return Object.keys(stated).length > 0 ? stated : undefined;
}

/** A session's timer time, for weighing its sport against the others': else its elapsed time, else none. */
function timeOf(session: SessionMesg): number {
  for (const value of [session.totalTimerTime, session.totalElapsedTime]) if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  return 0;
}

/**
 * The sport of the activity (a file without sessions: its sport message). Sessions of runs and
 * walks together read as the sport most of the timer's time went to (a 5 min walk then a 30 min
 * run is a run; the walk's records stay walking, walkSessionSpans); a file that also holds
 * another sport (a duathlon's bike leg) is refused in words, as its records cannot be told apart
 * by sport.
 */
export function sportOfSessions(sessions: readonly SessionMesg[], fallback: { sport?: unknown; subSport?: unknown } | undefined): FileSport {
  if (sessions.length <= 1) {
    const described = sessions[0] ?? fallback;
    return fitSport(described?.sport, described?.subSport);
  }
  const sports = sessions.map((session) => {
    try {
      return fitSport(session.sport, session.subSport);
    } catch {
      return null;
    }
  });
  if (sports.every((sport) => sport === null)) return fitSport(sessions[0]!.sport, sessions[0]!.subSport);
  if (sports.some((sport) => sport === null)) {
    const names = [...new Set(sessions.map((session) => wordsOf(String(session.sport ?? 'generic'))))].join(', ');
    throw new ImportError(
      'not-a-run',
      `This file holds a multisport activity (${names}). Stridewise imports runs and walks only, and cannot tell which records ` +
        'belong to the run: export the run leg as its own activity file.',
    );
  }
  const seconds = new Map<string, number>();
  sports.forEach((sport, k) => seconds.set(sport!.sport, (seconds.get(sport!.sport) ?? 0) + timeOf(sessions[k]!)));
  // Ties go to the earliest session's sport; the treadmill mark is that sport's longest session's.
  const most = [...seconds.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
  let chosen = sports.findIndex((sport) => sport!.sport === most);
  sports.forEach((sport, k) => {
    if (sport!.sport === most && timeOf(sessions[k]!) > timeOf(sessions[chosen]!)) chosen = k;
  });
  return sports[chosen]!;
}

const msOf = (value: unknown): number | null => (value instanceof Date ? value.getTime() : null);

/**
 * In a run, the time spans (epoch ms, from inclusive, to exclusive) of the file's walk sessions:
 * their records are walking, whatever they say, so a warm-up walk saved as its own session stays
 * out of the run's running figures. None in a walk, where walking is the activity.
 */
export function walkSessionSpans(sessions: readonly SessionMesg[], sport: FileSport): { fromMs: number; toMs: number }[] {
  if (sport.sport !== 'run' || sessions.length <= 1) return [];
  const spans: { fromMs: number; toMs: number }[] = [];
  for (const session of sessions) {
    let walk = false;
    try {
      walk = fitSport(session.sport, session.subSport).sport === 'walk';
    } catch {
      walk = false;
    }
    const fromMs = msOf(session.startTime);
    const elapsed = session.totalElapsedTime;
    const toMs = msOf(session.timestamp) ?? (fromMs !== null && typeof elapsed === 'number' ? fromMs + elapsed * 1000 : null);
    if (walk && fromMs !== null && toMs !== null && toMs > fromMs) spans.push({ fromMs, toMs });
  }
  return spans;
}
