// Every colour the weeks charts and the history trend strip draw with, in one place. Canvas
// cannot read `var(--…)`, so the element reads the custom properties from its computed style
// and passes them here; a theme (light, dark) then changes the charts as it changes the page.
// The fallbacks are today's dark theme, for a page without the app's stylesheet.

import { zoneColors } from './zone-colors.js';

export interface WeeksChartColors {
  /** Axis labels. */
  text: string;
  grid: string;
  time: string;
  distance: string;
  /** The target zone's shading and the share-in-target bars. */
  target: string;
  /** One per pace band line, slowest band first; lines also differ by dash (see weeksBandDash). */
  bands: readonly string[];
  /** Accepted plan target and the proposed next step. */
  plan: string;
}

/** Custom property names and their fallbacks. */
export const weeksChartColorVars = {
  text: ['--muted', '#9ca3af'],
  grid: ['--chart-grid', 'rgba(148,163,184,0.15)'],
  time: ['--chart-time', '#38bdf8'],
  distance: ['--chart-distance', '#a78bfa'],
  target: ['--zone-target', zoneColors.target],
  plan: ['--chart-plan', '#fbbf24'],
} as const;
export const weeksBandColorVars: ReadonlyArray<readonly [string, string]> = [
  ['--chart-series-1', '#f8fafc'],
  ['--chart-series-2', '#f472b6'],
  ['--chart-series-3', '#38bdf8'],
  ['--chart-series-4', '#a78bfa'],
];

/** Colours from a reader of custom properties (for an element: its computed style's getPropertyValue). */
export function weeksChartColors(read: (name: string) => string): WeeksChartColors {
  const pick = ([name, fallback]: readonly [string, string]): string => read(name).trim() || fallback;
  return {
    text: pick(weeksChartColorVars.text),
    grid: pick(weeksChartColorVars.grid),
    time: pick(weeksChartColorVars.time),
    distance: pick(weeksChartColorVars.distance),
    target: pick(weeksChartColorVars.target),
    plan: pick(weeksChartColorVars.plan),
    bands: weeksBandColorVars.map(pick),
  };
}

/** Today's colours, without a page to read them from (tests, benchmarks). */
export const fallbackWeeksChartColors: WeeksChartColors = weeksChartColors(() => '');
