// uPlot options for the three charts of the weeks page, as plain functions so tests build and
// inspect them without a DOM: running time and distance as bars, cadence at matched pace as one
// line per pace band over the shaded target zone (with the cadence plan marked), and the share
// of running time in the target zone. x is the week's index; the charts share a cursor, so
// pointing at a week in one points at it in all.

import uPlot from 'uplot';
import { formatDayMonth } from '../session/date-format.js';
import type { DistanceUnit } from '../session/units.js';
import type { CadenceZones } from '../session/zones.js';
import type { WeeksChartColors } from './weeks-chart-colors.js';
import { ticksEvery } from './round-ticks.js';
import { type WeeksChartColumns, hasPlanLine } from './weeks-chart-data.js';
import { markersPlugin } from './markers-plugin.js';
import { type WeekTestMark, testMarkKeyLabel, testMarkStyle } from './weeks-chart-tests.js';

export type WeeksChartKind = 'volume' | 'cadence' | 'share';

/** A target zone the plan proposes next: drawn as a dashed, labelled line at its lower edge. */
export interface WeeksPlanProposal {
  targetFrom: number;
  targetTo: number;
}

export interface WeeksChartConfig {
  kind: WeeksChartKind;
  columns: WeeksChartColumns;
  width: number;
  height: number;
  unit: DistanceUnit;
  colors: WeeksChartColors;
  /** One name per band of `columns.bands` (speedBandLabel). */
  bandLabels: readonly string[];
  /** Read on every redraw, so edited zones show without building the chart again. */
  zones: () => CadenceZones;
  proposal: WeeksPlanProposal | null;
  /** Weeks with a retraining program test, marked on the cadence chart; none when absent. */
  tests?: readonly WeekTestMark[];
  syncKey: string;
  /** The week under the pointer (its index), or null when the pointer left. */
  onWeek: (index: number | null) => void;
}

/** Band lines differ by dash as well as by colour. */
export const weeksBandDash: ReadonlyArray<number[] | undefined> = [undefined, [8, 4], [2, 3], [10, 3, 2, 3]];
export const planDash = [6, 4];
export const planLabel = 'Plan target (lower edge)';
export const proposalLabel = (p: WeeksPlanProposal): string => `Next step ${p.targetFrom}–${p.targetTo}`;

/** Week axis: indexes a whole number of weeks apart, never fractions of one. */
const WEEK_INCRS = [1, 2, 4, 8, 13, 26, 52, 104];
/** A week's running time in minutes at round steps: 1, 2, 5, 10, 15, 30 min, then whole hours. */
export const RUNNING_TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 300, 600, 1200];
/** The time axis reaches at least this far, so a week of a few short runs gets ticks, not a lone "0". */
const LEAST_RUNNING_TIME_MIN = 5;

/** "30 min", "90 min" below hour steps, "2 h" at them; zero is "0" (it reads the same in either). */
export function runningTimeTick(minutes: number, stepMinutes: number): string {
  if (minutes === 0) return '0';
  return stepMinutes >= 60 ? `${+(minutes / 60).toFixed(2)} h` : `${+minutes.toFixed(2)} min`;
}
const PERCENT_INCRS = [10, 20, 25, 50, 100];
/** A week's distance in the runner's unit: tenths at the finest, so a label never repeats. */
const DISTANCE_INCRS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500];

export const weekAxisLabel = (weekStart: number): string => formatDayMonth(weekStart);

/** The cadence axis holds the lines, the target zone, the plan and a proposal, with room around them. */
export function cadenceRange(values: ReadonlyArray<number | null>, zones: CadenceZones, proposal: WeeksPlanProposal | null): [number, number] {
  let min = zones.targetFrom;
  let max = zones.targetTo;
  for (const v of values) {
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (proposal) {
    min = Math.min(min, proposal.targetFrom);
    max = Math.max(max, proposal.targetTo);
  }
  return [Math.floor((min - 4) / 5) * 5, Math.ceil((max + 4) / 5) * 5];
}

/** From zero to a little above the tallest bar; one unit when there is none. */
const fromZero = (_u: uPlot, _min: number | null, max: number | null): uPlot.Range.MinMax => [0, max && max > 0 ? max * 1.1 : 1];

export function weeksChartData(kind: WeeksChartKind, columns: WeeksChartColumns): uPlot.AlignedData {
  if (kind === 'volume') return [columns.x, columns.minutes, columns.distance];
  if (kind === 'share') return [columns.x, columns.targetPercent];
  return [columns.x, ...columns.bandCadence, ...(hasPlanLine(columns) ? [columns.planTarget] : [])];
}

/** Shades the target zone behind the lines (a drawClear hook, as the session charts' zone bands). */
function targetBandPlugin(zones: () => CadenceZones, color: string): uPlot.Plugin {
  return {
    hooks: {
      drawClear: (u: uPlot) => {
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        const { targetFrom, targetTo } = zones();
        const y1 = u.valToPos(targetTo, 'y', true);
        const y2 = u.valToPos(targetFrom, 'y', true);
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, width, height);
        ctx.clip();
        ctx.globalAlpha = 0.2;
        ctx.fillStyle = color;
        ctx.fillRect(left, Math.min(y1, y2), width, Math.abs(y2 - y1));
        ctx.restore();
      },
    },
  };
}

/** The proposed next step as a dashed line across the chart with its words above it. */
function proposalPlugin(proposal: WeeksPlanProposal, color: string): uPlot.Plugin {
  return {
    hooks: {
      draw: (u: uPlot) => {
        const { ctx } = u;
        const { left, width } = u.bbox;
        const y = Math.round(u.valToPos(proposal.targetFrom, 'y', true));
        const px = uPlot.pxRatio;
        ctx.save();
        ctx.strokeStyle = color;
        ctx.fillStyle = color;
        ctx.lineWidth = 1.5 * px;
        ctx.setLineDash(planDash.map((d) => d * px));
        ctx.beginPath();
        ctx.moveTo(left, y);
        ctx.lineTo(left + width, y);
        ctx.stroke();
        ctx.font = `${12 * px}px system-ui, sans-serif`;
        ctx.textAlign = 'right';
        ctx.textBaseline = 'bottom';
        ctx.fillText(proposalLabel(proposal), left + width - 4 * px, y - 3 * px);
        ctx.restore();
      },
    },
  };
}

export function weeksChartOptions(config: WeeksChartConfig): uPlot.Options {
  const { kind, columns, colors, unit } = config;
  const axis = { stroke: colors.text, grid: { stroke: colors.grid, width: 1 }, ticks: { show: false } };
  const xAxis: uPlot.Axis = {
    ...axis,
    grid: { show: false },
    size: 30,
    space: 56,
    incrs: WEEK_INCRS,
    values: (_u, splits) => splits.map((i) => (Number.isInteger(i) && columns.weekStarts[i] !== undefined ? weekAxisLabel(columns.weekStarts[i]!) : '')),
  };
  const base: Omit<uPlot.Options, 'series'> = {
    width: config.width,
    height: config.height,
    // The key is the element's own (weeksChartKey), outside the plot box: a legend inside it
    // would change the box's height as it wraps, and a resize would then feed on itself.
    legend: { show: false },
    cursor: {
      sync: { key: config.syncKey, setSeries: false, scales: ['x', null] },
      // A week is a column: the cursor marks it with a vertical line, no horizontal one.
      y: false,
      drag: { x: false, y: false, setScale: false },
      points: { show: kind === 'cadence' },
    },
    hooks: { setCursor: [(u: uPlot) => config.onWeek(u.cursor.idx ?? null)] },
    scales: {
      // Half a week either side, so the first and last bars are whole.
      x: { time: false, range: (u) => [-0.5, Math.max(0.5, (u.data[0]?.length ?? 0) - 0.5)] },
    },
  };
  const xSeries: uPlot.Series = { label: 'Week' };

  if (kind === 'volume') {
    const bars = uPlot.paths.bars!;
    return {
      ...base,
      scales: {
        ...base.scales,
        t: { range: (u, min, max) => [0, Math.max(fromZero(u, min, max)[1]!, LEAST_RUNNING_TIME_MIN)] },
        d: { range: fromZero },
      },
      axes: [
        xAxis,
        {
          ...axis,
          scale: 't',
          size: 56,
          incrs: RUNNING_TIME_STEPS,
          splits: (_u, _axis, min, max, step) => ticksEvery(step, min, max, 0),
          values: (_u, splits, _axis, _space, step) => splits.map((v) => runningTimeTick(v, step)),
        },
        {
          ...axis,
          scale: 'd',
          side: 1,
          size: 52,
          grid: { show: false },
          incrs: DISTANCE_INCRS,
          values: (_u, splits, _axis, _space, step) => splits.map((v) => `${v.toFixed(step < 1 ? 1 : 0)} ${unit}`),
        },
      ],
      series: [
        xSeries,
        { label: 'Running time', scale: 't', fill: colors.time, stroke: colors.time, paths: bars({ size: [0.42, 24], align: -1 }), points: { show: false } },
        { label: `Distance (${unit})`, scale: 'd', fill: colors.distance, stroke: colors.distance, paths: bars({ size: [0.42, 24], align: 1 }), points: { show: false } },
      ],
    };
  }

  if (kind === 'share') {
    return {
      ...base,
      scales: { ...base.scales, y: { range: [0, 100] } },
      axes: [xAxis, { ...axis, size: 48, incrs: PERCENT_INCRS, values: (_u, splits) => splits.map((v) => `${v}%`) }],
      series: [
        xSeries,
        { label: 'In target zone', fill: colors.target, stroke: colors.target, paths: uPlot.paths.bars!({ size: [0.7, 32] }), points: { show: false } },
      ],
    };
  }

  const plan = hasPlanLine(columns);
  const proposal = config.proposal;
  const tests = config.tests ?? [];
  return {
    ...base,
    scales: {
      ...base.scales,
      y: {
        range: () =>
          cadenceRange([...columns.bandCadence.flat(), ...(plan ? columns.planTarget : [])], config.zones(), proposal),
      },
    },
    axes: [xAxis, { ...axis, size: 44, values: (_u, splits) => splits.map((v) => String(v)) }],
    series: [
      xSeries,
      ...columns.bands.map((_band, i): uPlot.Series => {
        const dash = weeksBandDash[i % weeksBandDash.length];
        return {
          label: config.bandLabels[i] ?? `Band ${i + 1}`,
          stroke: colors.bands[i % colors.bands.length]!,
          width: 2,
          ...(dash ? { dash } : {}),
          // A band run in one week only is a point with no line to its neighbours: show the points.
          points: { show: true, size: 6, fill: colors.bands[i % colors.bands.length]! },
        };
      }),
      ...(plan
        ? [{ label: planLabel, stroke: colors.plan, width: 1.5, dash: planDash, paths: uPlot.paths.stepped!({ align: 1 }), points: { show: false } }]
        : []),
    ],
    plugins: [
      targetBandPlugin(config.zones, colors.target),
      ...(proposal ? [proposalPlugin(proposal, colors.plan)] : []),
      ...(tests.length > 0 ? [markersPlugin(() => tests.map((t) => t.x), testMarkStyle(tests))] : []),
    ],
  };
}

/** One entry of a chart's key: what a line, bar or band stands for, drawn as it is on the chart. */
export interface WeeksKeyEntry {
  label: string;
  color: string;
  mark: 'bar' | 'line' | 'band';
  dash?: readonly number[];
}

/** The key of a chart built from `options` with `config`: its series, and what its plugins draw. */
export function weeksChartKey(config: WeeksChartConfig, options: uPlot.Options): WeeksKeyEntry[] {
  const entries: WeeksKeyEntry[] = options.series.slice(1).map((series) => ({
    label: String(series.label ?? ''),
    color: String(series.stroke ?? ''),
    mark: config.kind === 'cadence' ? 'line' : 'bar',
    ...(series.dash ? { dash: series.dash } : {}),
  }));
  if (config.kind !== 'cadence') return config.kind === 'share' ? [] : entries;
  const { targetFrom, targetTo } = config.zones();
  entries.push({ label: `Target zone ${targetFrom}–${targetTo}`, color: config.colors.target, mark: 'band' });
  if (config.proposal) entries.push({ label: proposalLabel(config.proposal), color: config.colors.plan, mark: 'line', dash: planDash });
  if (config.tests?.length) entries.push({ label: testMarkKeyLabel, color: config.colors.text, mark: 'line', dash: testMarkStyle(config.tests).dash });
  return entries;
}
