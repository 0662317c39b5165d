// What each calendar event of the program says, in the runner's own speed unit. The calendar app
// shows the date and time itself, so the words hold none.

import type { ScheduleItem, TestKind } from '../program/program-types.js';
import { SESSIONS_PER_BLOCK } from '../program/session-plan.js';
import { type DistanceUnit, speedPerHour, speedUnitLabel } from '../session/units.js';

const testNames: Record<TestKind, string> = {
  baseline: 'Baseline test',
  'end-of-block': 'End-of-block test',
  'one-week': 'One-week retention test',
  'four-weeks': 'Four-weeks retention test',
};

const metronomeWords = (share: number): string =>
  share >= 1 ? 'metronome throughout' : share <= 0 ? 'no metronome: keep the rhythm yourself' : `metronome for ${Math.round(share * 100)} % of it`;

/**
 * The belt speed of a test in the runner's unit; a baseline planned before the runner chose the
 * speed (0 on the schedule) says so, never "0.0 km/h".
 */
export function testSpeedWords(speedMps: number, unit: DistanceUnit): string {
  if (!(speedMps > 0)) return 'an easy belt speed you can repeat (choose it in the app before the test)';
  return `${speedPerHour(speedMps, unit).toFixed(1)} ${speedUnitLabel[unit]}`;
}

export function calendarWords(item: ScheduleItem, unit: DistanceUnit): { summary: string; description: string } {
  if (item.kind === 'session') {
    return {
      summary: `Stridewise: session ${item.n} of ${SESSIONS_PER_BLOCK}`,
      description: `A warm-up, then ${item.minutes} minutes at ${item.targetSpm} steps/min, ${metronomeWords(item.metronomeShare)}, then a cool-down.`,
    };
  }
  return {
    summary: `Stridewise: ${testNames[item.test].toLowerCase()}`,
    description: `${testNames[item.test]}: a warm-up, then 5 minutes at ${testSpeedWords(item.speedMps, unit)} with no metronome and no cues.`,
  };
}
