// Every colour the weeks charts draw with, by the names of public/base.css's palette. Canvas
// cannot read `var(--…)`, so the element reads the custom properties from its computed style
// and passes them here, again whenever the theme changes.
// The fallbacks are today's dark theme, for a page without the app's stylesheet.

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
  text: ['--chart-axis', '#9ca3af'],
  grid: ['--chart-grid', 'rgba(148,163,184,0.15)'],
  time: ['--series-pace', '#38bdf8'],
  distance: ['--series-stride', '#a78bfa'],
  target: ['--zone-target', '#34d399'],
  plan: ['--chart-marker', '#fbbf24'],
} as const;
export const weeksBandColorVars: ReadonlyArray<readonly [string, string]> = [
  ['--series-cadence', '#f8fafc'],
  ['--series-second', '#f472b6'],
  ['--series-pace', '#38bdf8'],
  ['--series-stride', '#a78bfa'],
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
