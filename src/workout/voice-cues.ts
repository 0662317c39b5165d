// For a treadmill the app cannot drive: the runner sets the belt by hand, so the app says each
// step's speed and incline 5 s before the step (with a sound to look up), and says when the
// measured speed has reached it. Each is said once per step; the state of what was said is the
// caller's, so this stays pure and a fake clock tests it. What to say is measured against what
// the runner was last told (and last heard reached), never against the planned step before: after
// a skip, or a tick that jumps a short step, the step before in the plan was never run.

import type { DistanceUnit } from '../session/units.js';
import { beltSpeedWords, inclineWords } from './speed-words.js';
import type { WorkoutPosition } from './workout-position.js';
import type { PlannedStep } from './workout-types.js';

/** Said this long before the step it is for. */
export const SET_AHEAD_S = 5;
/** Reached: within this share of the step's speed... */
export const REACHED_SHARE = 0.02;
/** ...or within this much, whichever is wider (a slow step's 2 % is finer than a belt reads)... */
export const REACHED_KMH = 0.2;
/** ...for this long. */
export const REACHED_FOR_S = 3;

export interface VoiceCue {
  kind: 'set' | 'reached';
  stepIndex: number;
  text: string;
  /** A sound before the words, so the runner looks at the belt. */
  sound: boolean;
}

/** What has been said; start from NOTHING_SAID and keep what voiceCueAt returns. */
export interface VoiceCueState {
  /** Highest step whose "Set" was said (or had nothing to set); -1 before any. */
  setFor: number;
  /** Highest step whose "reached" was said; -1 before any. */
  reachedFor: number;
  /** Since when the measured speed has been within reach of the current step's, and in which step. */
  within: { stepIndex: number; sinceS: number } | null;
  /** The speed and incline the runner was last told to set; null before any. */
  told: { speedKmh: number | null; inclinePercent: number | null };
  /** The speed last said reached: a step at it has nothing new to reach. Null before any. */
  reachedKmh: number | null;
}

export const NOTHING_SAID: VoiceCueState = { setFor: -1, reachedFor: -1, within: null, told: { speedKmh: null, inclinePercent: null }, reachedKmh: null };

export interface VoiceCueInput {
  /** The workout's running time, as given to positionAt. */
  nowS: number;
  /** The pod's (or the treadmill's) speed now; null without one. */
  measuredKmh: number | null;
  unit: DistanceUnit;
}

/** "Set 12.0 km/h and 4.0 % incline now", or null when the step asks nothing the runner was not last told. */
function setWords(step: PlannedStep, told: VoiceCueState['told'], unit: DistanceUnit): string | null {
  const speed = step.speedKmh !== null && step.speedKmh !== told.speedKmh ? beltSpeedWords(step.speedKmh, unit) : null;
  const incline = step.inclinePercent !== null && step.inclinePercent !== told.inclinePercent ? `${inclineWords(step.inclinePercent)} incline` : null;
  const what = [speed, incline].filter((w) => w !== null).join(' and ');
  return what === '' ? null : `Set ${what} now`;
}

/** Seconds to the next step: a distance step's at the measured speed (or its own); null when unknown. */
function secondsToNext(step: PlannedStep, position: WorkoutPosition, measuredKmh: number | null): number | null {
  if (position.leftS !== null) return position.leftS;
  const kmh = measuredKmh !== null && measuredKmh > 0 ? measuredKmh : step.speedKmh;
  return position.leftM !== null && kmh !== null && kmh > 0 ? position.leftM / (kmh / 3.6) : null;
}

const isWithin = (measured: number | null, target: number): boolean =>
  measured !== null && Math.abs(measured - target) <= Math.max(target * REACHED_SHARE, REACHED_KMH) + 1e-9;

/** The one cue due now, if any, and what has been said with it. */
export function voiceCueAt(
  steps: readonly PlannedStep[],
  position: WorkoutPosition,
  input: VoiceCueInput,
  said: VoiceCueState,
): { cue: VoiceCue | null; said: VoiceCueState } {
  const i = position.stepIndex;
  const step = steps[i];
  if (position.done || step === undefined) return { cue: null, said };
  // The current step first: the first step, or one skipped to, has had no 5 s ahead.
  const due = [i, i + 1].find((k) => k > said.setFor && (k === i || isSoon(step, position, input)));
  if (due !== undefined && steps[due] !== undefined) {
    const set = steps[due]!;
    const text = setWords(set, said.told, input.unit);
    if (text !== null) {
      const told = { speedKmh: set.speedKmh ?? said.told.speedKmh, inclinePercent: set.inclinePercent ?? said.told.inclinePercent };
      return { cue: { kind: 'set', stepIndex: due, text, sound: true }, said: { ...said, setFor: due, told } };
    }
    said = { ...said, setFor: due };
  }
  // A step at the speed last heard reached has nothing to reach.
  const target = step.speedKmh === said.reachedKmh ? null : step.speedKmh;
  if (target === null || said.reachedFor >= i || !isWithin(input.measuredKmh, target)) {
    return { cue: null, said: { ...said, within: null } };
  }
  const within = said.within?.stepIndex === i ? said.within : { stepIndex: i, sinceS: input.nowS };
  if (input.nowS - within.sinceS < REACHED_FOR_S) return { cue: null, said: { ...said, within } };
  const text = `${beltSpeedWords(target, input.unit)} reached`;
  return { cue: { kind: 'reached', stepIndex: i, text, sound: false }, said: { ...said, reachedFor: i, within: null, reachedKmh: target } };
}

function isSoon(step: PlannedStep, position: WorkoutPosition, input: VoiceCueInput): boolean {
  const left = secondsToNext(step, position, input.measuredKmh);
  return left !== null && left <= SET_AHEAD_S;
}
