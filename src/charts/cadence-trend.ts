// The history page's trend strip: the average cadence of each of the last runs, oldest first,
// drawn as a small line over the target zone. Plain functions for the points and the SVG
// geometry, so tests check them without a DOM; the element only draws what they give.

import type { SessionSummary } from '../session/recorded-session.js';
import type { CadenceZones } from '../session/zones.js';

export const TREND_RUNS = 20;

export interface TrendPoint {
  id: string;
  startedAt: number;
  cadence: number;
}

/**
 * The last `count` runs with a running cadence, oldest first. Walks are left out: their cadence is
 * not running technique (the weeks page leaves them out for the same reason).
 */
export function cadenceTrend(sessions: readonly SessionSummary[], count = TREND_RUNS): TrendPoint[] {
  const runs = sessions.filter((s) => s.sport !== 'walk' && s.avgCadence > 0);
  runs.sort((a, b) => a.startedAt - b.startedAt);
  return runs.slice(-count).map((s) => ({ id: s.id, startedAt: s.startedAt, cadence: s.avgCadence }));
}

export interface TrendShape {
  /** SVG polyline points, in a `width` × `height` box. */
  line: string;
  dots: Array<{ x: number; y: number }>;
  /** The target zone as a band across the box. */
  band: { y: number; height: number };
  min: number;
  max: number;
}

/** Geometry in a `width` × `height` box: y holds every run and the target zone, with a little room. */
export function trendShape(points: readonly TrendPoint[], zones: CadenceZones, width: number, height: number): TrendShape {
  const values = points.map((p) => p.cadence);
  const min = Math.floor(Math.min(zones.targetFrom, ...values) - 2);
  const max = Math.ceil(Math.max(zones.targetTo, ...values) + 2);
  const y = (v: number) => Math.round((height - ((v - min) / (max - min)) * height) * 10) / 10;
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const dots = points.map((p, i) => ({ x: Math.round((points.length > 1 ? i * step : width / 2) * 10) / 10, y: y(p.cadence) }));
  return {
    line: dots.map((d) => `${d.x},${d.y}`).join(' '),
    dots,
    band: { y: y(zones.targetTo), height: Math.round((y(zones.targetFrom) - y(zones.targetTo)) * 10) / 10 },
    min,
    max,
  };
}

/** "Average cadence over your last 20 runs: 164 → 171 steps/min (target 170–180)." */
export function trendText(points: readonly TrendPoint[], zones: CadenceZones): string {
  const target = `target ${zones.targetFrom}–${zones.targetTo}`;
  if (points.length === 0) return '';
  const first = Math.round(points[0]!.cadence);
  const last = Math.round(points[points.length - 1]!.cadence);
  if (points.length === 1) return `Average cadence of your one run: ${first} steps/min (${target}).`;
  return `Average cadence over your last ${points.length} runs: ${first} → ${last} steps/min (${target}).`;
}
