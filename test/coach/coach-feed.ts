// Test helpers for the coach rules: a fake session clock that feeds one input per step, and a
// seeded random so shuffles repeat from run to run.

import type { CoachEvent, CoachInput } from '../../src/coach/coach-events.js';
import { mulberry32 } from '../../src/sources/run-profile.js';

export interface CoachRule {
  update(input: CoachInput): CoachEvent[];
}

export type InputAt = Partial<Omit<CoachInput, 'timeS'>> | ((timeS: number) => Partial<Omit<CoachInput, 'timeS'>>);

/** Inputs at fromS, fromS + stepS, … up to and including toS; running, not paused, unless told. */
export function feed(rule: CoachRule, fromS: number, toS: number, input: InputAt, stepS = 1): CoachEvent[] {
  const events: CoachEvent[] = [];
  for (let k = 0; fromS + k * stepS <= toS + 1e-9; k++) {
    const timeS = fromS + k * stepS;
    const given = typeof input === 'function' ? input(timeS) : input;
    events.push(...rule.update({ cadence: 175, running: true, paused: false, ...given, timeS }));
  }
  return events;
}

export const timesOf = (events: readonly CoachEvent[], kind: CoachEvent['kind']): number[] =>
  events.filter((e) => e.kind === kind).map((e) => e.atS);

/** The simulator's seeded generator: the same seed gives the same sequence. */
export const seededRandom = (seed: number): (() => number) => mulberry32(seed);
