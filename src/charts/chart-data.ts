// Recorded samples turned into chart rows. uPlot breaks a line only at a `null` value, so every
// gap of a session (a pause, a lost link) becomes one row of nulls between the samples on either
// side of it. Plain functions: tests check the rows without a chart.

import uPlot from 'uplot';
import type { RecordedColumns, SessionGap } from '../session/recorded-session.js';
import { type DistanceUnit, paceSeconds } from '../session/units.js';

/** What the horizontal axis counts: elapsed seconds, or metres run. */
export type ChartX = 'time' | 'distance';

export type SessionChartKind = 'cadence' | 'stride' | 'pace';

/** Rows for one session's charts; x only increases, and a row of nulls stands for a gap. */
export interface SessionChartData {
  /** Elapsed seconds or metres, strictly increasing. */
  x: number[];
  cadence: Array<number | null>;
  strideLengthM: Array<number | null>;
  speedMps: Array<number | null>;
}

/**
 * One row per sample, plus one row of nulls where each gap lies (x halfway between the samples
 * on either side of it), so no line is drawn across a pause or a dropped link. A sample inside a
 * gap is left out. Over distance, samples that add no distance (standing still) are left out
 * too: a chart over distance has nowhere to put them, and x must increase.
 */
export function chartDataWithGaps(samples: RecordedColumns, gaps: readonly SessionGap[], x: ChartX): SessionChartData {
  const sorted = [...gaps].sort((a, b) => a.fromT - b.fromT);
  const rows: SessionChartData = { x: [], cadence: [], strideLengthM: [], speedMps: [] };
  const xs = x === 'time' ? samples.t : samples.distanceM;
  let next = 0;
  let gapEnd = -Infinity;
  let gapPending = false;
  for (let i = 0; i < samples.t.length; i++) {
    const t = samples.t[i]!;
    while (next < sorted.length && sorted[next]!.fromT < t) {
      gapEnd = Math.max(gapEnd, sorted[next]!.toT);
      if (rows.x.length > 0) gapPending = true;
      next++;
    }
    if (t < gapEnd) continue;
    const value = xs[i]!;
    const last = rows.x.length > 0 ? rows.x[rows.x.length - 1]! : -Infinity;
    if (!(value > last)) continue;
    if (gapPending) {
      rows.x.push((last + value) / 2);
      rows.cadence.push(null);
      rows.strideLengthM.push(null);
      rows.speedMps.push(null);
      gapPending = false;
    }
    rows.x.push(value);
    rows.cadence.push(samples.cadence[i]!);
    rows.strideLengthM.push(samples.strideLengthM[i]!);
    rows.speedMps.push(samples.speedMps[i]!);
  }
  return rows;
}

/** The y values a chart of `kind` plots: pace in seconds per km or mile, null when standing. */
export function chartValues(data: SessionChartData, kind: SessionChartKind, unit: DistanceUnit): Array<number | null> {
  if (kind === 'cadence') return data.cadence;
  if (kind === 'stride') return data.strideLengthM;
  return data.speedMps.map((speed) => (speed === null ? null : paceSeconds(speed, unit)));
}

/**
 * uPlot's columns for one or more sessions on one x axis. Two sessions rarely share x values, so
 * they are outer-joined: a value missing only because the other session has a row there is
 * `undefined` (uPlot draws across it), while a gap's explicit null still breaks the line.
 */
export function alignedChartData(
  series: readonly SessionChartData[],
  kind: SessionChartKind,
  unit: DistanceUnit,
): uPlot.AlignedData {
  if (series.length === 0) return [[], []];
  const tables = series.map((data): uPlot.AlignedData => [data.x, chartValues(data, kind, unit)]);
  if (tables.length === 1) return tables[0]!;
  return uPlot.join(tables);
}
