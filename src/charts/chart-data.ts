// Recorded samples turned into chart rows. uPlot breaks a line only at a `null` value, so every
// gap of a session (a pause, a lost link) becomes one row of nulls between the samples on either
// side of it. Plain functions: tests check the rows without a chart.

import uPlot from 'uplot';
import { type RecordedColumns, SAMPLE_RUNNING, type SessionGap } from '../session/recorded-session.js';
import { rowAtOrAfter } from '../session/recorded-columns.js';
import { type DistanceUnit, paceSeconds } from '../session/units.js';

/** What the horizontal axis counts: elapsed seconds, or metres run. */
export type ChartX = 'time' | 'distance';

/** What a chart draws: the pod's channels (power from pods that send it), and heart rate and incline from the other sensors. */
export type SessionChartKind = 'cadence' | 'stride' | 'pace' | 'heart-rate' | 'incline' | 'power';

/** Rows for one session's charts; x only increases, and a row of nulls stands for a gap. */
export interface SessionChartData {
  /** Elapsed seconds or metres, strictly increasing. */
  x: number[];
  /** Elapsed seconds and metres of each row, whichever x is, for the cursor's readout; null in a gap's row. */
  t: Array<number | null>;
  distanceM: Array<number | null>;
  /** The row was running (SAMPLE_RUNNING): axis limits are fitted to these rows. */
  running: boolean[];
  cadence: Array<number | null>;
  strideLengthM: Array<number | null>;
  speedMps: Array<number | null>;
  /** Channels from other sensors: null where no sensor gave them, as in a gap. */
  heartRate: Array<number | null>;
  treadmillSpeedMps: Array<number | null>;
  inclinePercent: Array<number | null>;
  powerW: Array<number | null>;
}

/** A channel's value for a chart: NaN (no sensor gave it) becomes null, so the line breaks there. */
const channelValue = (value: number): number | null => (Number.isFinite(value) ? value : null);
/** A strap sends 0 while it finds no pulse: no reading, drawn as none. */
const heartRateValue = (bpm: number): number | null => (bpm > 0 && Number.isFinite(bpm) ? bpm : null);

/**
 * One row per sample, plus one row of nulls where each gap lies (x halfway between the samples
 * on either side of it), so no line is drawn across a pause or a dropped link. A sample inside a
 * gap is left out. Over distance, samples that add no distance (standing still) are left out
 * too: a chart over distance has nowhere to put them, and x must increase.
 */
export function chartDataWithGaps(samples: RecordedColumns, gaps: readonly SessionGap[], x: ChartX): SessionChartData {
  const sorted = [...gaps].sort((a, b) => a.fromT - b.fromT);
  const rows: SessionChartData = {
    x: [],
    t: [],
    distanceM: [],
    running: [],
    cadence: [],
    strideLengthM: [],
    speedMps: [],
    heartRate: [],
    treadmillSpeedMps: [],
    inclinePercent: [],
    powerW: [],
  };
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
      rows.t.push(null);
      rows.distanceM.push(null);
      rows.running.push(false);
      rows.cadence.push(null);
      rows.strideLengthM.push(null);
      rows.speedMps.push(null);
      rows.heartRate.push(null);
      rows.treadmillSpeedMps.push(null);
      rows.inclinePercent.push(null);
      rows.powerW.push(null);
      gapPending = false;
    }
    rows.x.push(value);
    rows.t.push(t);
    rows.distanceM.push(samples.distanceM[i]!);
    rows.running.push((samples.flags[i]! & SAMPLE_RUNNING) !== 0);
    rows.cadence.push(samples.cadence[i]!);
    rows.strideLengthM.push(samples.strideLengthM[i]!);
    rows.speedMps.push(samples.speedMps[i]!);
    rows.heartRate.push(heartRateValue(samples.heartRate[i]!));
    rows.treadmillSpeedMps.push(channelValue(samples.treadmillSpeedMps[i]!));
    rows.inclinePercent.push(channelValue(samples.inclinePercent[i]!));
    rows.powerW.push(channelValue(samples.powerW[i]!));
  }
  return rows;
}

/** Moments of a run (lap starts) at a chart's x: their elapsed second, or the distance run by then. */
export function momentsAt(times: readonly number[], samples: RecordedColumns, x: ChartX): number[] {
  if (x === 'time') return [...times];
  const last = samples.t.length - 1;
  return times.map((t) => samples.distanceM[Math.min(rowAtOrAfter(samples.t, t), last)] ?? 0);
}

/** The y values a chart of `kind` plots: pace in seconds per km or mile, null when standing. */
export function chartValues(data: SessionChartData, kind: SessionChartKind, unit: DistanceUnit): Array<number | null> {
  if (kind === 'cadence') return data.cadence;
  if (kind === 'stride') return data.strideLengthM;
  if (kind === 'heart-rate') return data.heartRate;
  if (kind === 'incline') return data.inclinePercent;
  if (kind === 'power') return data.powerW;
  return paceValues(data.speedMps, unit);
}

/** The treadmill belt's pace, to draw beside the pod's: null where the treadmill gave none. */
export const beltPaceValues = (data: SessionChartData, unit: DistanceUnit): Array<number | null> => paceValues(data.treadmillSpeedMps, unit);

const paceValues = (speeds: ReadonlyArray<number | null>, unit: DistanceUnit): Array<number | null> =>
  speeds.map((speed) => (speed === null ? null : paceSeconds(speed, unit)));

/**
 * uPlot's columns for one or more sessions on one x axis. Two sessions rarely share x values, so
 * they are outer-joined: a value missing only because the other session has a row there is
 * `undefined` (uPlot draws across it), while a gap's explicit null still breaks the line.
 */
export function alignedChartData(
  series: readonly SessionChartData[],
  kind: SessionChartKind,
  unit: DistanceUnit,
  /** On a pace chart, each session's belt pace follows its own pace as a second column. */
  belt = false,
): uPlot.AlignedData {
  if (series.length === 0) return [[], []];
  const withBelt = belt && kind === 'pace';
  const tables = series.map((data): uPlot.AlignedData =>
    withBelt ? [data.x, chartValues(data, kind, unit), beltPaceValues(data, unit)] : [data.x, chartValues(data, kind, unit)],
  );
  if (tables.length === 1) return tables[0]!;
  return uPlot.join(tables);
}
