// Which of the retraining program's runs each week holds, as the Weeks table says them beside the
// week ("Program 3/8, Program 4/8, Baseline test"), so a week's numbers read with what was run.

import { programMarkLabel } from '../components/program-format.js';
import { distinctProgramRuns } from '../session/program-runs.js';
import type { SessionSummary } from '../session/recorded-session.js';
import { type WeekRow, nextWeekStart } from '../session/weekly-trends.js';

/** Week start → the program runs of that week in words, oldest first; weeks without any are absent. */
export function programRunsByWeek(rows: readonly WeekRow[], sessions: readonly SessionSummary[]): Map<number, string[]> {
  // A run recorded in two parts (a reload) is one run: named once.
  const runs = distinctProgramRuns(sessions);
  const byWeek = new Map<number, string[]>();
  if (runs.length === 0) return byWeek;
  for (const row of rows) {
    const end = nextWeekStart(row.weekStart);
    const labels = runs.filter((s) => s.startedAt >= row.weekStart && s.startedAt < end).map((s) => programMarkLabel(s.program!));
    if (labels.length > 0) byWeek.set(row.weekStart, labels);
  }
  return byWeek;
}
