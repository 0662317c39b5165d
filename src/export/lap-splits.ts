// Per-lap totals for the writers. FIT and TCX both want a summary per lap; computing it once
// here keeps the two files in agreement, and the laps add up to the session: each sample owns
// the step since the one before it, as in the recorder's summary.

import { type RecordedSession, SAMPLE_RUNNING, type SessionGap } from '../session/recorded-session.js';
import { MAX_STEP_S } from './run-points.js';

export interface LapSplit {
  /** Seconds since the session started. */
  startT: number;
  endT: number;
  /** Rows [firstIndex, endIndex) belong to the lap. */
  firstIndex: number;
  endIndex: number;
  elapsedS: number;
  /** Time with the clock running: steps over a gap, and past the longest step, do not count. */
  timerS: number;
  distanceM: number;
  /** distanceM / timerS, or 0. */
  avgSpeedMps: number;
  /** Steps per minute, time-weighted over running samples with a cadence, or 0. */
  avgCadence: number;
}

/** The first row at or after time `t` (times only increase). */
function indexAtTime(t: Float64Array, time: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Lap start times, the first at 0: the session's lap presses inside the run, ascending, once each. */
export function lapStarts(session: RecordedSession): number[] {
  const n = session.samples.t.length;
  const lastT = n > 0 ? session.samples.t[n - 1]! : 0;
  const presses = session.meta.laps.filter((t) => Number.isFinite(t) && t > 0 && t <= lastT).sort((a, b) => a - b);
  return [0, ...presses.filter((t, i) => i === 0 || t > presses[i - 1]!)];
}

/** The step from row i-1 to row i, as moving seconds. */
export function movingStepAt(t: Float64Array, i: number, gaps: readonly SessionGap[]): number {
  const from = t[i - 1]!;
  const to = t[i]!;
  if (gaps.some((gap) => gap.fromT < to && gap.toT > from)) return 0;
  return Math.min(MAX_STEP_S, Math.max(0, to - from));
}

export function lapSplits(session: RecordedSession): LapSplit[] {
  const { samples, meta } = session;
  const { t } = samples;
  const n = t.length;
  const lastT = n > 0 ? t[n - 1]! : 0;
  const starts = lapStarts(session);
  return starts.map((startT, k) => {
    const isLast = k === starts.length - 1;
    const endT = isLast ? lastT : starts[k + 1]!;
    const firstIndex = indexAtTime(t, startT);
    const endIndex = isLast ? n : indexAtTime(t, endT);
    // A lap's distance and time run up to the next lap's first row, so laps add up to the whole.
    const lastOwned = Math.min(isLast ? n - 1 : endIndex, n - 1);
    // The first lap starts at 0 m, so the laps add up to the session's distance.
    const startDistance = k === 0 ? 0 : samples.distanceM[firstIndex]!;
    const distanceM = lastOwned < 0 ? 0 : Math.max(0, samples.distanceM[lastOwned]! - startDistance);
    let timerS = 0;
    let cadenceS = 0;
    let cadenceSum = 0;
    for (let i = Math.max(1, firstIndex + (k === 0 ? 0 : 1)); i <= lastOwned; i++) {
      const step = movingStepAt(t, i, meta.gaps);
      timerS += step;
      const cadence = samples.cadence[i]!;
      if (step > 0 && cadence > 0 && (samples.flags[i]! & SAMPLE_RUNNING) !== 0) {
        cadenceS += step;
        cadenceSum += cadence * step;
      }
    }
    return {
      startT,
      endT,
      firstIndex,
      endIndex,
      elapsedS: Math.max(0, endT - startT),
      timerS,
      distanceM,
      avgSpeedMps: timerS > 0 ? distanceM / timerS : 0,
      avgCadence: cadenceS > 0 ? cadenceSum / cadenceS : 0,
    };
  });
}
