// Why Start arms nothing when the next item of the program is planned for a later day, in words
// the Program page shows: the day named within the coming week, the date further off.

import { addDays, dayStart } from '../program/program-schedule.js';
import type { ScheduleItem, TestKind } from '../program/program-types.js';
import { formatDate, formatWeekday } from '../session/date-format.js';

const testNames: Record<TestKind, string> = {
  baseline: 'the baseline test',
  'end-of-block': 'the end-of-block test',
  'one-week': 'the one-week retention test',
  'four-weeks': 'the four-weeks retention test',
};

/** "Rest today: session 4 is planned for Thursday." */
export function notDueWords(item: ScheduleItem, nowMs: number): string {
  const today = dayStart(nowMs);
  const day = item.dayMs === addDays(today, 1) ? 'tomorrow' : item.dayMs < addDays(today, 7) ? formatWeekday(item.dayMs) : formatDate(item.dayMs);
  if (item.kind === 'session') return `Rest today: session ${item.n} is planned for ${day}.`;
  const name = testNames[item.test];
  return `Nothing is due today: ${name} is planned for ${day}.`;
}
