// What a watch file says the runner did. Stridewise shows runs and walks (both counted in
// steps/min); anything else is refused by name, never shown as a run with, say, a bike's pedal
// rpm doubled into "steps".

import type { SessionSport } from '../session/recorded-session.js';
import { ImportError } from './import-error.js';

export interface FileSport {
  sport: SessionSport;
  treadmill: boolean;
}

const FIT_FOOT_SPORTS: Record<string, SessionSport> = { running: 'run', walking: 'walk', hiking: 'walk' };
/** Sports a runner would not call by the SDK's name. */
const SPORT_WORDS: Record<string, string> = { cycling: 'a cycling activity (a bike ride)', eBiking: 'an e-bike ride' };

const wordsOf = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function refuse(what: string): never {
  throw new ImportError(
    'not-a-run',
    `This file is ${what}, not a run or a walk. Stridewise imports runs and walks, whose cadence it counts in steps per minute.`,
  );
}

/**
 * From a FIT file's session or sport message (the SDK's names). A file that names no sport, or
 * "generic", is taken for a run: it came to a running app.
 */
export function fitSport(sport: unknown, subSport: unknown): FileSport {
  const treadmill = subSport === 'treadmill' || subSport === 'indoorRunning' || subSport === 'indoorWalking';
  if (sport === undefined || sport === null || sport === 'generic') return { sport: 'run', treadmill };
  if (typeof sport === 'string' && sport in FIT_FOOT_SPORTS) return { sport: FIT_FOOT_SPORTS[sport]!, treadmill };
  if (typeof sport === 'string') refuse(SPORT_WORDS[sport] ?? `a ${wordsOf(sport)} activity`);
  return refuse(`an activity of FIT sport number ${String(sport)}`);
}

/**
 * From a TCX Activity's Sport: Running, Biking or Other. "Other" with running cadence is on
 * foot (Garmin writes a walk so); without any, it is not something Stridewise can show.
 */
export function tcxSport(sport: string | null, hasRunCadence: boolean): FileSport {
  if (sport === null || sport === 'Running') return { sport: 'run', treadmill: false };
  if (sport === 'Biking') refuse('a bike ride (TCX sport "Biking")');
  if (sport === 'Other' && hasRunCadence) return { sport: 'walk', treadmill: false };
  return refuse(`an activity of TCX sport "${sport}" with no running cadence`);
}
