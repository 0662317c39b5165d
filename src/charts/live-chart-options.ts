// uPlot options for the live cadence and stride charts, as a plain function so tests can build
// and inspect them without a DOM.

import type uPlot from 'uplot';
import type { CadenceZones } from '../session/zones.js';
import { roundTimeAxis } from './round-ticks.js';
import { themed } from './theme-colors.js';
import { timeJumpGaps } from './time-gaps.js';
import { zoneBandsPlugin } from './zone-bands-plugin.js';

export type LiveChartKind = 'cadence' | 'stride';

export interface LiveChartConfig {
  kind: LiveChartKind;
  width: number;
  height: number;
  /** Read on every redraw, so edited zones show without rebuilding the chart. */
  zones: () => CadenceZones;
  /** Longest step between two drawn points that is not a gap; more than 1 s once decimated. */
  maxStepS?: () => number;
}

const axisStyle = { stroke: themed('--chart-axis'), grid: { stroke: themed('--chart-grid'), width: 1 }, ticks: { show: false } };

export function liveChartOptions(config: LiveChartConfig): uPlot.Options {
  const cadence = config.kind === 'cadence';
  const gaps = timeJumpGaps(config.maxStepS);
  return {
    width: config.width,
    height: config.height,
    legend: { show: false },
    cursor: { show: false },
    // Live charts redraw every second; skip pixel-snapping work nobody can see at 1 Hz.
    pxAlign: false,
    scales: {
      x: { time: false },
      y: cadence
        ? { range: (_u, min, max) => [Math.min(140, Math.floor(min - 5)), Math.max(195, Math.ceil(max + 5))] }
        : { range: (_u, min, max) => [Math.min(0.6, Math.floor((min - 0.1) * 10) / 10), Math.max(1.6, Math.ceil((max + 0.1) * 10) / 10)] },
    },
    axes: [
      { ...axisStyle, ...roundTimeAxis() },
      { ...axisStyle, size: 44, values: (_u, splits) => splits.map((s) => (cadence ? String(s) : s.toFixed(1))) },
    ],
    series: [
      {},
      cadence
        ? { label: 'Cadence (steps/min)', stroke: themed('--series-cadence'), width: 2, points: { show: false }, gaps }
        : { label: 'Stride length (m)', stroke: themed('--series-stride'), width: 2, points: { show: false }, gaps },
    ],
    plugins: cadence ? [zoneBandsPlugin(config.zones)] : [],
  };
}
