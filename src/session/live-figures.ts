// The time, distance and zone times the live screens show. While a run is recorded (or paused, or
// just saved) they are the recorder's, the run's source of truth: moving time, the run's
// distance, its time in each zone, and the lap's. Before Start there is no run, so they are the
// live session's, counted since the pod connected, and the screens name them so.

import type { LiveSession } from './live-session.js';
import type { Recorder } from './recorder.js';
import type { RunFigures } from './recording-track.js';
import type { ZoneTimes } from './time-in-zone.js';

/** 'connection': since the pod connected, nothing recorded; 'run': the run being recorded; 'saved-run': the run just stopped. */
export type FiguresOf = 'connection' | 'run' | 'saved-run';

export interface LiveFigures {
  of: FiguresOf;
  /** The run's moving time, or the time since the connection's first reading. */
  timeS: number;
  /** Null before the connection's first reading. */
  distanceM: number | null;
  zoneTimes: Readonly<ZoneTimes>;
  /** The run's current lap; null for the connection. */
  lap: (RunFigures & { number: number }) | null;
}

const noZoneTimes: Readonly<ZoneTimes> = Object.freeze({ low: 0, building: 0, target: 0, high: 0 });

export function liveFigures(
  session: Pick<LiveSession, 'latest' | 'elapsedS' | 'zoneTimes'> | null,
  recorder: Pick<Recorder, 'state' | 'figures'> | null,
): LiveFigures {
  if (recorder && recorder.state !== 'idle') {
    const { movingS, distanceM, zoneTimes, lap } = recorder.figures();
    return { of: recorder.state === 'stopped' ? 'saved-run' : 'run', timeS: movingS, distanceM, zoneTimes, lap };
  }
  return {
    of: 'connection',
    timeS: session?.elapsedS ?? 0,
    distanceM: session?.latest?.distanceM ?? null,
    zoneTimes: session?.zoneTimes ?? noZoneTimes,
    lap: null,
  };
}
