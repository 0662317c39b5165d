// The words that say what the live screens' time, distance and zone times cover: the run being
// recorded (with its lap where there is one), the run just saved, or, before Start, the time since
// the pod connected. The numbers change meaning at Start, so their names change with them.

import type { LiveFigures } from '../session/live-figures.js';
import type { RunFigures } from '../session/recording-track.js';

/** The name of the time figure: the run's moving time, or how long the pod has been connected. */
export const timeName = (figures: LiveFigures): string => (figures.of === 'connection' ? 'Connected' : 'Moving time');

/** A figure's second line: the lap's value once the run has more than one lap, else what the figure covers. */
export function figureScope(figures: LiveFigures, lapValue: (lap: RunFigures) => string, beforeStart = 'since connecting'): string {
  if (figures.of === 'connection') return beforeStart;
  if (figures.of === 'saved-run') return 'saved run';
  const lap = figures.lap;
  return lap && lap.number > 1 ? `lap ${lap.number} · ${lapValue(lap)}` : 'this run';
}

/** What the time-in-zone bar counts. */
export const zoneTimesHeading: Readonly<Record<LiveFigures['of'], string>> = {
  run: 'Time in zone, this run',
  'saved-run': 'Time in zone, saved run',
  connection: 'Time in zone since connecting (not recorded)',
};
