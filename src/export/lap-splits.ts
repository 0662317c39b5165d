// Per-lap totals for the writers. FIT and TCX both want a summary per lap; they take the session
// page's own lap splits (src/session/splits.ts), so a file never holds a lap the page does not
// show, and the laps add up to the session by the same gap rules. Their power too: the page's split
// gives the second before a lap press to the lap it ends, so a slice of rows would lose it.

import type { RecordedSession } from '../session/recorded-session.js';
import { rowAtOrAfter } from '../session/recorded-columns.js';
import { lapSplits as sessionLapSplits } from '../session/splits.js';

export interface LapSplit {
  /** Seconds since the session started. */
  startT: number;
  endT: number;
  /** Rows [firstIndex, endIndex) belong to the lap. */
  firstIndex: number;
  endIndex: number;
  elapsedS: number;
  /** Time with the clock running: what the session counts as moving time. */
  timerS: number;
  distanceM: number;
  /** distanceM / timerS, or 0. */
  avgSpeedMps: number;
  /** Steps per minute, time-weighted over running samples with a cadence, or 0. */
  avgCadence: number;
  /** Running power, time-weighted over the lap's samples that have it (breaks left out); null when none has. */
  avgPowerW: number | null;
}

const emptyLap: LapSplit = {
  startT: 0,
  endT: 0,
  firstIndex: 0,
  endIndex: 0,
  elapsedS: 0,
  timerS: 0,
  distanceM: 0,
  avgSpeedMps: 0,
  avgCadence: 0,
  avgPowerW: null,
};

/** At least one lap: a session with no samples still has the one empty lap files require. */
export function lapSplits(session: RecordedSession): LapSplit[] {
  const { samples, meta } = session;
  const { t } = samples;
  const splits = sessionLapSplits(samples, meta.laps, meta.gaps);
  if (splits.length === 0) return [{ ...emptyLap }];
  return splits.map((split, k) => {
    const isLast = k === splits.length - 1;
    const firstIndex = rowAtOrAfter(t, split.startT);
    const endIndex = isLast ? t.length : rowAtOrAfter(t, split.endT);
    return {
      startT: split.startT,
      endT: split.endT,
      firstIndex,
      endIndex,
      elapsedS: Math.max(0, split.endT - split.startT),
      timerS: split.durationS,
      distanceM: split.distanceM,
      avgSpeedMps: split.avgSpeedMps,
      avgCadence: split.avgCadence,
      avgPowerW: split.avgPowerW,
    };
  });
}
