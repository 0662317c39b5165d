// uPlot options for the charts of recorded sessions (detail and compare pages), as a plain
// function so tests can build and inspect them without a DOM. Charts that share a sync key move
// their cursors together and zoom together: drag across one to zoom all of them.

import uPlot from 'uplot';
import { distanceIn, type DistanceUnit, formatDuration, formatPace } from '../session/units.js';
import type { CadenceZones } from '../session/zones.js';
import type { ChartX, SessionChartKind } from './chart-data.js';
import { checkInMarks, lapMarks, markersPlugin } from './markers-plugin.js';
import { plannedPacePlugin } from './planned-pace-plugin.js';
import type { PlannedStretch } from './planned-pace.js';
import type { AxisLimits } from './robust-limits.js';
import { roundDistanceAxis, roundPaceAxis, roundTimeAxis } from './round-ticks.js';
import { themed } from './theme-colors.js';
import { zoneBandsPlugin } from './zone-bands-plugin.js';

export interface SessionChartConfig {
  kind: SessionChartKind;
  x: ChartX;
  unit: DistanceUnit;
  width: number;
  height: number;
  /** Read on every redraw, so edited zones show without rebuilding the chart. */
  zones: () => CadenceZones;
  /** Charts with the same key share cursor and zoom. */
  syncKey: string;
  /** One name per session drawn; one entry for the detail page, two when comparing. */
  seriesLabels: readonly string[];
  /** x values of moments to mark (technique check-ins); read on every redraw. */
  markers?: () => readonly number[];
  /** x values where laps 2, 3… began; read on every redraw. */
  laps?: () => readonly number[];
  /**
   * The y axis's limits, fitted to the running rows (chart-y-limits.ts) and kept while zooming;
   * null (or absent) falls back to a range around the data in view.
   */
  yLimits?: () => AxisLimits | null;
  /** Told the x value under the cursor (this chart's or a synced one's), null when it leaves. */
  onCursor?: (x: number | null) => void;
  /**
   * Pace only, one session: the treadmill belt's pace drawn as a second, dashed line beside the
   * pod's (the data then has a belt column after the pod's, see alignedChartData).
   */
  belt?: boolean;
  /** Pace only: a workout's planned pace, step by step, drawn under the lines; read on every redraw. */
  planned?: () => readonly PlannedStretch[];
}

/** Line colours of overlaid sessions; the second is also dashed, so the pair differs by more than colour. */
export const sessionSeriesColors = [themed('--series-cadence'), themed('--series-second')] as const;
export const sessionSeriesDash: ReadonlyArray<number[] | undefined> = [undefined, [6, 4]];
const singleColors: Record<SessionChartKind, () => string> = {
  cadence: themed('--series-cadence'),
  stride: themed('--series-stride'),
  pace: themed('--series-pace'),
  'heart-rate': themed('--series-heart-rate'),
  incline: themed('--series-incline'),
  power: themed('--series-power'),
};
/** The belt's pace: light and dashed beside the pod's blue, so the two differ by more than colour. */
export const beltSeriesColor = themed('--series-cadence');
export const beltSeriesDash = [6, 4];
export const beltSeriesLabel = 'Treadmill belt';

/** Walking paces past this (seconds per km or mile) squash a run's line flat; the axis stops here. */
const SLOWEST_PACE_SHOWN_S = 15 * 60;

const axisStyle = { stroke: themed('--chart-axis'), grid: { stroke: themed('--chart-grid'), width: 1 }, ticks: { show: false } };

export const sessionChartUnits: Record<SessionChartKind, (unit: DistanceUnit) => string> = {
  cadence: () => 'steps/min',
  stride: () => 'm',
  pace: (unit) => `min/${unit}`,
  'heart-rate': () => 'bpm',
  incline: () => '%',
  power: () => 'W',
};

export function xValueLabel(value: number, x: ChartX, unit: DistanceUnit): string {
  return x === 'time' ? formatDuration(value) : `${distanceIn(value, unit).toFixed(distanceIn(value, unit) < 10 ? 1 : 0)} ${unit}`;
}

function yRange(kind: SessionChartKind, limits?: () => AxisLimits | null): uPlot.Scale.Range {
  const around = dataRange(kind);
  if (!limits) return around;
  return (u, min, max, key) => {
    const fitted = limits();
    return fitted ? [fitted.min, fitted.max] : (around as uPlot.Range.Function)(u, min, max, key);
  };
}

function dataRange(kind: SessionChartKind): uPlot.Scale.Range {
  if (kind === 'cadence') return (_u, min, max) => [Math.min(140, Math.floor(min - 5)), Math.max(195, Math.ceil(max + 5))];
  if (kind === 'stride') {
    return (_u, min, max) => [Math.min(0.6, Math.floor((min - 0.1) * 10) / 10), Math.max(1.6, Math.ceil((max + 0.1) * 10) / 10)];
  }
  // Heart rate in tens of beats with room around it; an easy run is not drawn as a flat line.
  if (kind === 'heart-rate') return (_u, min, max) => [Math.floor((min - 5) / 10) * 10, Math.max(Math.ceil((max + 5) / 10) * 10, 100)];
  // Power in tens of watts with room around it, as heart rate.
  if (kind === 'power') return (_u, min, max) => [Math.max(0, Math.floor((min - 10) / 10) * 10), Math.max(Math.ceil((max + 10) / 10) * 10, 100)];
  // From 0 % (or below it for a decline), with a few percent above: a flat run reads as flat, not as a line on the edge.
  if (kind === 'incline') return (_u, min, max) => [min >= 0 ? 0 : Math.floor(min - 1), Math.max(3, Math.ceil(max + 1))];
  // Half-minute steps with some room, so a steady pace is not drawn along the chart's edge.
  return (_u, min, max) => {
    const from = Math.floor((min - 10) / 30) * 30;
    return [from, Math.max(from + 60, Math.min(SLOWEST_PACE_SHOWN_S, Math.ceil((max + 10) / 30) * 30))];
  };
}

/**
 * Zoom in one chart of a sync group, and the others follow. uPlot's cursor sync mirrors a drag to
 * the other charts; a range set from code (Reset zoom, a chart given new data) is copied here. It
 * stops once every chart already shows the same range.
 */
export function syncedZoomPlugin(syncKey: string): uPlot.Plugin {
  return {
    hooks: {
      setScale: (u: uPlot, key: string) => {
        if (key !== 'x') return;
        const { min, max } = u.scales.x!;
        if (min == null || max == null) return;
        for (const other of uPlot.sync(syncKey).plots) {
          if (other === u) continue;
          const scale = other.scales.x!;
          if (scale.min !== min || scale.max !== max) other.setScale('x', { min, max });
        }
      },
    },
  };
}

export function sessionChartOptions(config: SessionChartConfig): uPlot.Options {
  const { kind, x, unit } = config;
  const overlay = config.seriesLabels.length > 1;
  const belt = config.belt === true && kind === 'pace' && !overlay;
  const yValue = (value: number) =>
    kind === 'pace' ? formatPace(value) : kind === 'stride' ? value.toFixed(2) : kind === 'incline' ? value.toFixed(1) : String(Math.round(value));
  const valueText = (_u: uPlot, v: number | null) => (v == null ? '–' : `${yValue(v)} ${sessionChartUnits[kind](unit)}`);
  return {
    width: config.width,
    height: config.height,
    legend: { show: false },
    cursor: {
      drag: { x: true, y: false, setScale: true },
      sync: { key: config.syncKey, setSeries: false, scales: ['x', null] },
      points: { show: false },
      // No horizontal line: on the synced charts it would stand at the pointer's height, not at a value.
      y: false,
    },
    hooks: config.onCursor
      ? {
          setCursor: [
            (u: uPlot) => {
              const idx = u.cursor.idx;
              config.onCursor!(idx == null ? null : (u.data[0][idx] ?? null));
            },
          ],
        }
      : {},
    scales: {
      x: { time: false },
      // Faster pace is a smaller number; draw it higher, as runners read a pace chart.
      y: kind === 'pace' ? { range: yRange(kind, config.yLimits), dir: -1 } : { range: yRange(kind, config.yLimits) },
    },
    axes: [
      { ...axisStyle, ...(x === 'time' ? roundTimeAxis() : roundDistanceAxis(unit)) },
      kind === 'pace'
        ? { ...axisStyle, size: 48, ...roundPaceAxis() }
        : { ...axisStyle, size: 48, values: (_u, splits) => splits.map((s) => (kind === 'stride' ? s.toFixed(1) : String(s))) },
    ],
    series: [
      { label: x === 'time' ? 'Elapsed' : 'Distance', value: (_u, v) => (v == null ? '–' : xValueLabel(v, x, unit)) },
      ...config.seriesLabels.map((label, i): uPlot.Series => ({
        label,
        stroke: overlay ? sessionSeriesColors[i % 2] : singleColors[kind],
        width: overlay ? 1.5 : 2,
        ...(overlay && sessionSeriesDash[i % 2] ? { dash: sessionSeriesDash[i % 2]! } : {}),
        points: { show: false },
        value: valueText,
      })),
      ...(belt
        ? [{ label: beltSeriesLabel, stroke: beltSeriesColor, width: 1.5, dash: beltSeriesDash, points: { show: false }, value: valueText }]
        : []),
    ],
    plugins: [
      syncedZoomPlugin(config.syncKey),
      ...(kind === 'cadence' ? [zoneBandsPlugin(config.zones)] : []),
      ...(kind === 'pace' && config.planned ? [plannedPacePlugin(config.planned)] : []),
      ...(config.laps ? [markersPlugin(config.laps, lapMarks)] : []),
      ...(config.markers ? [markersPlugin(config.markers, checkInMarks)] : []),
    ],
  };
}
