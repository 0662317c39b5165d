// The runner's choices for treadmill workouts, kept apart from AppSettings (which the first load
// reads) because only a workout needs them. Read field by field: a damaged field falls back to its
// default and is said, the others are kept.

import { EASY_KMH } from '../workout/workout-library.js';
import { INCLINE_PERCENT, SPEED_KMH } from '../workout/workout-plan.js';

export interface WorkoutSettings {
  /** The runner's own cap on belt speed; null: the treadmill's maximum, capped at a sane speed. */
  maxSpeedKmh: number | null;
  /** The runner's own cap on incline; null: the treadmill's maximum. */
  maxInclinePercent: number | null;
  /** Treadmill ids whose first-time confirmation the runner has given. */
  confirmedTreadmills: string[];
  /** Correct the belt toward the footpod's pace within a step (off by default). */
  holdPace: boolean;
  /** Send a step's change early by the treadmill's learned lag. */
  sendEarly: boolean;
  /** Learned lag in seconds, by treadmill id. */
  lagS: Record<string, number>;
  /**
   * The easy speed the runner typed on the Workouts page (km/h), kept over the one from their
   * runs; null: none typed. Optional: settings written before it existed have none.
   */
  easyKmh?: number | null;
}

export const defaultWorkoutSettings = (): WorkoutSettings => ({
  maxSpeedKmh: null,
  maxInclinePercent: null,
  confirmedTreadmills: [],
  holdPace: false,
  sendEarly: false,
  lagS: {},
  easyKmh: null,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The settings in `stored` (undefined: none yet), with a sentence for each field that had to fall back. */
export function workoutSettingsFrom(stored: unknown): { settings: WorkoutSettings; problems: string[] } {
  const settings = defaultWorkoutSettings();
  if (stored === undefined) return { settings, problems: [] };
  if (!isRecord(stored)) {
    return { settings, problems: ['The stored workout settings are damaged, so the defaults are in use until you change them.'] };
  }
  const problems: string[] = [];
  const fallBack = (what: string, to: string) => problems.push(`The stored ${what} was damaged, so ${to} is in use.`);
  // A field not stored at all (settings saved before it existed) takes its default without a word.
  const { maxSpeedKmh, maxInclinePercent, confirmedTreadmills, holdPace, sendEarly, lagS, easyKmh } = { ...defaultWorkoutSettings(), ...stored };
  // A maximum past what any workout may set (a restored backup, another version) is not a limit a
  // runner chose here: it falls back as a damaged one would, rather than letting the belt go there.
  if (maxSpeedKmh === null || (finite(maxSpeedKmh) && maxSpeedKmh > 0 && maxSpeedKmh <= SPEED_KMH.max)) settings.maxSpeedKmh = maxSpeedKmh;
  else if (finite(maxSpeedKmh) && maxSpeedKmh > SPEED_KMH.max) {
    problems.push(`The stored maximum speed is above ${SPEED_KMH.max} km/h, faster than any workout may set, so the treadmill's own maximum is in use.`);
  } else fallBack('maximum speed', "the treadmill's own maximum");
  if (maxInclinePercent === null || (finite(maxInclinePercent) && maxInclinePercent >= INCLINE_PERCENT.min && maxInclinePercent <= INCLINE_PERCENT.max)) {
    settings.maxInclinePercent = maxInclinePercent;
  } else if (finite(maxInclinePercent)) {
    problems.push(`The stored maximum incline is outside ${INCLINE_PERCENT.min} to ${INCLINE_PERCENT.max} %, the inclines a workout may set, so the treadmill's own maximum is in use.`);
  } else fallBack('maximum incline', "the treadmill's own maximum");
  if (Array.isArray(confirmedTreadmills) && confirmedTreadmills.every((id) => typeof id === 'string')) {
    settings.confirmedTreadmills = [...confirmedTreadmills];
  } else {
    fallBack('list of confirmed treadmills', 'an empty list (each treadmill asks for confirmation again)');
  }
  if (typeof holdPace === 'boolean') settings.holdPace = holdPace;
  else fallBack('choice to hold the footpod’s pace', 'off');
  if (typeof sendEarly === 'boolean') settings.sendEarly = sendEarly;
  else fallBack('choice to send changes early', 'off');
  if (isRecord(lagS)) {
    // One bad entry costs only that treadmill's lag, which is learned again in its next workout.
    const kept = Object.entries(lagS).filter((entry): entry is [string, number] => finite(entry[1]) && entry[1] >= 0);
    settings.lagS = Object.fromEntries(kept);
    if (kept.length < Object.keys(lagS).length) fallBack('lag of a treadmill', 'nothing until it is learned again');
  } else {
    fallBack('lag of the treadmills', 'nothing until they are learned again');
  }
  // Within the easy speeds the library is built from; outside, the runs' pace (or a question) again.
  if (easyKmh === null || (finite(easyKmh) && easyKmh >= EASY_KMH.min && easyKmh <= EASY_KMH.max)) settings.easyKmh = easyKmh;
  else fallBack('easy speed you typed', 'the one from your runs');
  return { settings, problems };
}
