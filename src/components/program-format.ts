// How the cadence retraining program reads, in one place: the Program page, its schedule, its
// results, the calendar, History and Weeks say a session, a test and a verdict in the same words.

import type { ProgramMark } from '../session/recorded-session.js';
import { type DistanceUnit, speedPerHour, speedUnitLabel } from '../session/units.js';
import type { ScheduleItem, TestKind, TestResult } from '../program/program-types.js';
import { SESSIONS_PER_BLOCK, TEST_S, WARM_UP_S } from '../program/session-plan.js';

const testNames: Readonly<Record<TestKind, string>> = {
  baseline: 'Baseline test',
  'end-of-block': 'Retention test, end of block',
  'one-week': 'Retention test, 1 week',
  'four-weeks': 'Retention test, 4 weeks',
};

export const testName = (kind: TestKind): string => testNames[kind];

/** "Program 5/8", "Baseline test": what History and Weeks say beside a program run. */
export function programMarkLabel(mark: ProgramMark): string {
  if (mark.kind === 'test') return mark.test ? testNames[mark.test] : 'Program test';
  return `Program ${mark.n ?? '?'}/${SESSIONS_PER_BLOCK}`;
}

/**
 * A belt speed as the runner sets it: "10.0 km/h", "6.2 mph" (to the nearest tenth, as a treadmill
 * shows it: 10 km/h stored as m/s must read 10.0, not 9.9). A baseline planned before the runner
 * chose a speed has 0: it reads as the choice still to make, never "0.0 km/h".
 */
export const formatBeltSpeed = (speedMps: number, unit: DistanceUnit): string =>
  speedMps > 0 ? `${speedPerHour(speedMps, unit).toFixed(1)} ${speedUnitLabel[unit]}` : 'an easy speed you choose';

/** A share of the minutes at target in whole percent with the space the words use: "75 %". */
export const formatProgramShare = (share: number): string => `${Math.round(share * 100)} %`;

/** How much of a session the metronome plays, in a clause: "metronome for 75 % of it". */
export function metronomeWords(share: number): string {
  if (share >= 1) return 'metronome throughout';
  if (share <= 0) return 'no metronome, a cue only when you drift more than 3 % off';
  return `metronome for ${formatProgramShare(share)} of it`;
}

const minutesOf = (seconds: number): number => Math.round(seconds / 60);

/**
 * Today's item in one sentence: "Session 5 of 8: 22 minutes at 172, metronome for 75 % of it", or
 * "Baseline test: 5 minutes at 10.0 km/h after a 5-minute warm-up, no metronome and no cadence on screen".
 */
export function itemSentence(item: ScheduleItem, unit: DistanceUnit): string {
  if (item.kind === 'session') {
    return `Session ${item.n} of ${SESSIONS_PER_BLOCK}: ${item.minutes} minutes at ${item.targetSpm}, ${metronomeWords(item.metronomeShare)}`;
  }
  return `${testNames[item.test]}: ${minutesOf(TEST_S)} minutes at ${formatBeltSpeed(item.speedMps, unit)} after a ${minutesOf(WARM_UP_S)}-minute warm-up, no metronome and no cadence on screen`;
}

/** The short name of a schedule row: "Session 5", "Baseline test". */
export const itemName = (item: ScheduleItem): string => (item.kind === 'session' ? `Session ${item.n}` : testNames[item.test]);

/** What a schedule row holds: "22 min at 172, metronome 75 %"; a test: "5 min at 10.0 km/h, cue-free". */
export function itemHolds(item: ScheduleItem, unit: DistanceUnit): string {
  if (item.kind === 'test') return `${minutesOf(TEST_S)} min at ${formatBeltSpeed(item.speedMps, unit)}, cue-free`;
  const metronome = item.metronomeShare >= 1 ? 'metronome throughout' : item.metronomeShare <= 0 ? 'no metronome' : `metronome ${formatProgramShare(item.metronomeShare)}`;
  return `${item.minutes} min at ${item.targetSpm}, ${metronome}`;
}

/** Whole steps/min of a test's unrounded mean. */
export const wholeCadence = (spm: number): number => Math.round(spm);

/** "1.12 m". */
export const formatStride = (metres: number): string => `${metres.toFixed(2)} m`;

/** The verdict of a retention test in words, with both numbers. */
export function verdictWords(verdict: 'held' | 'faded', result: TestResult, targetSpm: number): string {
  const cadence = wholeCadence(result.cadenceSpm);
  return verdict === 'held'
    ? `Held: ${cadence} steps/min against the target of ${targetSpm}, within 2 % of it or above.`
    : `Faded: ${cadence} steps/min against the target of ${targetSpm}, more than 2 % below it.`;
}

/** "2 of 5 minutes were left out" when a test kept fewer than all. */
export function keptWords(result: TestResult): string | null {
  if (result.discardedMinutes === 0) return null;
  const all = result.keptMinutes + result.discardedMinutes;
  return `${result.discardedMinutes} of ${all} minutes were left out: the speed was off by more than 3 % or the pod sent no running cadence.`;
}
