// When a stored run last changed, for the backup folder's "never write an older copy over a newer
// file". Runs stored before changedAt was kept read as changed when they ended: that is when they
// were saved, and any later edit of theirs gives them a changedAt of its own.

import type { SessionSummary } from './recorded-session.js';

export function changedAtOf(run: Pick<SessionSummary, 'changedAt' | 'startedAt' | 'elapsedS'>): number {
  // Whole ms: a FIT file carries no other (a hand-edited backup may hold a fraction).
  return Math.round(run.changedAt ?? run.startedAt + run.elapsedS * 1000);
}

