// What a chart's legend reads at the cursor: for each session drawn, the time and distance of the
// row nearest the cursor and the chart's value there, in the runner's units. On the compare page
// the two runs rarely share an x, so each is read at its own nearest row, and a run that ended
// before the cursor's x reads as nothing.

import { formatDistanceIn, type DistanceUnit, formatDuration, formatPace, paceSeconds } from '../session/units.js';
import type { SessionChartData, SessionChartKind } from './chart-data.js';

export interface ReadoutItem {
  label: string;
  value: string;
  /** The value says what it is by itself (12:34, 2.31 km, 172 steps/min): a narrow screen may drop the label. */
  selfEvident?: boolean;
}

/** One session's line: "Time 12:34 · Distance 2.31 km · Cadence 172 steps/min". */
export type ReadoutLine = ReadoutItem[];

const NONE = '–';

const valueNames: Record<SessionChartKind, string> = {
  cadence: 'Cadence',
  stride: 'Stride',
  pace: 'Pace',
  'heart-rate': 'Heart rate',
  incline: 'Incline',
  power: 'Power',
};

/** A chart's value as the runner reads it: whole steps/min and beats, stride to the centimetre, pace m:ss. */
export function formatChartValue(kind: SessionChartKind, value: number | null, unit: DistanceUnit): string {
  if (value === null || !Number.isFinite(value)) return NONE;
  switch (kind) {
    case 'cadence':
      return `${Math.round(value)} steps/min`;
    case 'stride':
      return `${value.toFixed(2)} m`;
    case 'pace':
      return `${formatPace(value)} /${unit}`;
    case 'heart-rate':
      return `${Math.round(value)} bpm`;
    case 'incline':
      return `${value.toFixed(1)} %`;
    case 'power':
      return `${Math.round(value)} W`;
  }
}

const formatDistance = (metres: number, unit: DistanceUnit): string => `${formatDistanceIn(metres, unit)} ${unit}`;

/** Index of the row whose x is nearest `x`, or -1 when `x` lies outside the session's rows. */
export function nearestRow(xs: readonly number[], x: number): number {
  const n = xs.length;
  if (n === 0 || !(x >= xs[0]!) || !(x <= xs[n - 1]!)) return -1;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return x - xs[lo]! <= xs[hi]! - x ? lo : hi;
}

function rowValue(data: SessionChartData, kind: SessionChartKind, unit: DistanceUnit, i: number): number | null {
  switch (kind) {
    case 'cadence':
      return data.cadence[i] ?? null;
    case 'stride':
      return data.strideLengthM[i] ?? null;
    case 'heart-rate':
      return data.heartRate[i] ?? null;
    case 'incline':
      return data.inclinePercent[i] ?? null;
    case 'power':
      return data.powerW[i] ?? null;
    case 'pace': {
      const speed = data.speedMps[i];
      return speed == null ? null : paceSeconds(speed, unit);
    }
  }
}

/**
 * One line per session at the cursor's x; `belt` adds the treadmill belt's pace beside the pod's.
 * `who` names the sessions when there are several (Solid, Dashed).
 */
export function cursorReadout(
  series: readonly SessionChartData[],
  kind: SessionChartKind,
  unit: DistanceUnit,
  x: number,
  options: { belt?: boolean; who?: readonly string[] } = {},
): ReadoutLine[] {
  return series.map((data, s) => {
    const i = nearestRow(data.x, x);
    const t = i < 0 ? null : data.t[i] ?? null;
    const metres = i < 0 ? null : data.distanceM[i] ?? null;
    const line: ReadoutLine = [];
    const who = options.who?.[s];
    if (who) line.push({ label: who, value: '' });
    line.push({ label: 'Time', value: t === null ? NONE : formatDuration(t), selfEvident: true });
    line.push({ label: 'Distance', value: metres === null ? NONE : formatDistance(metres, unit), selfEvident: true });
    const value = i < 0 ? null : rowValue(data, kind, unit, i);
    if (options.belt && kind === 'pace') {
      const belt = i < 0 ? null : data.treadmillSpeedMps[i] ?? null;
      line.push({ label: 'Footpod', value: formatChartValue(kind, value, unit) });
      line.push({ label: 'Belt', value: formatChartValue(kind, belt === null ? null : paceSeconds(belt, unit), unit) });
    } else {
      line.push({ label: valueNames[kind], value: formatChartValue(kind, value, unit), selfEvident: true });
    }
    return line;
  });
}
