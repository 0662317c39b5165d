// The weeks the retraining program's cue-free tests were run in, for the Weeks "cadence at
// matched pace" chart: a test is the same five minutes at the same belt speed, so the weeks that
// hold one are where the cadence line means most.

import { distinctProgramRuns } from '../session/program-runs.js';
import type { SessionSummary } from '../session/recorded-session.js';
import { type WeekRow, nextWeekStart } from '../session/weekly-trends.js';
import type { MarkStyle } from './markers-plugin.js';

type TestKind = NonNullable<NonNullable<SessionSummary['program']>['test']>;

/** Words short enough to sit beside a line in a week's column. */
const shortNames: Readonly<Record<TestKind, string>> = {
  baseline: 'Baseline',
  'end-of-block': 'Retest',
  'one-week': 'Retest 1 wk',
  'four-weeks': 'Retest 4 wk',
};

export interface WeekTestMark {
  /** The week's index among the rows (the chart's x). */
  x: number;
  /** The tests of that week, oldest first, in the chart's short words. */
  label: string;
  /** Each test's kind, oldest first (for the readout's words). */
  tests: TestKind[];
}

/** One mark per week shown that holds a program test; weeks outside the rows are left out. */
export function weekTestMarks(rows: readonly WeekRow[], sessions: readonly SessionSummary[]): WeekTestMark[] {
  if (rows.length === 0) return [];
  // A test recorded in two parts (a reload) is one test: flagged once.
  const tests = distinctProgramRuns(sessions).filter((s) => s.program!.kind === 'test' && s.program!.test !== null);
  const marks: WeekTestMark[] = [];
  rows.forEach((row, x) => {
    const end = nextWeekStart(row.weekStart);
    const inWeek = tests.filter((s) => s.startedAt >= row.weekStart && s.startedAt < end).map((s) => s.program!.test!);
    if (inWeek.length > 0) marks.push({ x, label: inWeek.map((t) => shortNames[t]).join(' + '), tests: inWeek });
  });
  return marks;
}

/** Dotted, in the axis colour, a flag and the test's words at the top: unlike a plan line or a check-in. */
export const testMarkStyle = (marks: readonly WeekTestMark[]): MarkStyle => ({
  color: '--chart-axis',
  dash: [2, 3],
  flag: true,
  label: (i) => marks[i]?.label ?? '',
});

/** The key's words for the marks. */
export const testMarkKeyLabel = 'Program test (cue-free, at the test speed)';
