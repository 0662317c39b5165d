// The orders History's columns sort by, apart from the page so that they read (and test) alone.
import { runnersName, runningInTarget } from '../components/session-format.js';
import type { SessionSummary } from '../session/recorded-session.js';
import { averagePaceSeconds } from '../session/units.js';

export type HistorySortKey = 'name' | 'date' | 'duration' | 'distance' | 'pace' | 'cadence' | 'target';
export interface HistorySort {
  key: HistorySortKey;
  descending: boolean;
}

/** What each column but the name sorts by. Pace sorts by seconds per km, so ascending is fastest first. */
const sortValue: Record<Exclude<HistorySortKey, 'name'>, (s: SessionSummary) => number> = {
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

/** Names as a reader orders them: 'hills 2' before 'Hills 10', case and accents aside. */
const names = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A run's place in the name sort: the runner's name, or for a run nobody named its word ('Run', 'Walk'). */
interface NameKey {
  text: string;
  unnamed: boolean;
  startedAt: number;
}
function nameKey(s: SessionSummary): NameKey {
  const own = runnersName(s);
  return { text: own ?? (s.sport === 'walk' ? 'Walk' : 'Run'), unnamed: own === null, startedAt: s.startedAt };
}

/**
 * A run nobody named sorts as its word, after a runner's name of that same text, and among such
 * runs by start: their titles differ only in the date, which read as text put 'Dec 10' before
 * 'Dec 7' and 10:15 AM before 2:45 AM. The runner's names sort by name.
 */
function byName(a: NameKey, b: NameKey): number {
  const order = names.compare(a.text, b.text);
  if (order !== 0) return order;
  if (a.unnamed !== b.unnamed) return a.unnamed ? 1 : -1;
  return a.unnamed ? a.startedAt - b.startedAt : 0;
}
const byValue = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

export function sortSessions(sessions: readonly SessionSummary[], sort: HistorySort): SessionSummary[] {
  const sign = sort.descending ? -1 : 1;
  const newestFirst = (a: SessionSummary, b: SessionSummary): number => b.startedAt - a.startedAt;
  if (sort.key === 'name') {
    const keyed = sessions.map((s) => ({ s, k: nameKey(s) }));
    return keyed.sort((a, b) => sign * byName(a.k, b.k) || newestFirst(a.s, b.s)).map(({ s }) => s);
  }
  const value = sortValue[sort.key];
  const keyed = sessions.map((s) => ({ s, v: value(s) }));
  return keyed.sort((a, b) => sign * byValue(a.v, b.v) || newestFirst(a.s, b.s)).map(({ s }) => s);
}
