// The orders History's columns sort by, apart from the page so that they read (and test) alone.
import { runningInTarget, sessionTitle } from '../components/session-format.js';
import type { SessionSummary } from '../session/recorded-session.js';
import { averagePaceSeconds } from '../session/units.js';

export type HistorySortKey = 'name' | 'date' | 'duration' | 'distance' | 'pace' | 'cadence' | 'target';
export interface HistorySort {
  key: HistorySortKey;
  descending: boolean;
}

/** What each column sorts by. Pace sorts by seconds per km, so ascending is fastest first. */
const sortValue: Record<HistorySortKey, (s: SessionSummary) => number | string> = {
  name: (s) => sessionTitle(s).toLocaleLowerCase(),
  date: (s) => s.startedAt,
  duration: (s) => s.movingS,
  distance: (s) => s.distanceM,
  pace: (s) => averagePaceSeconds(s.avgSpeedMps, 'km') ?? Number.POSITIVE_INFINITY,
  cadence: (s) => s.avgCadence,
  target: (s) => runningInTarget(s).targetS,
};
/** First click on a column: most first for amounts, A–Z for names, fastest first for pace. */
export const firstDescending: Record<HistorySortKey, boolean> = {
  name: false, date: true, duration: true, distance: true, pace: false, cadence: true, target: true,
};

export function sortSessions(sessions: readonly SessionSummary[], sort: HistorySort): SessionSummary[] {
  const value = sortValue[sort.key];
  const sign = sort.descending ? -1 : 1;
  const keyed = sessions.map((s) => ({ s, v: value(s) }));
  keyed.sort((a, b) => {
    const order = typeof a.v === 'string' || typeof b.v === 'string'
      ? String(a.v).localeCompare(String(b.v))
      : a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
    return order !== 0 ? sign * order : b.s.startedAt - a.s.startedAt;
  });
  return keyed.map((k) => k.s);
}
