// Runs a closed tab left 'recording', found at start with one key read; the code that recovers
// them (the store, the recorder) loads only when there is one.

import { get } from 'idb-keyval';
import type { SessionSummary } from '../session/recorded-session.js';
import { kvStore } from './kv.js';
import { SESSIONS_KEY, indexFrom, recordingLockName } from './session-keys.js';

/**
 * Unfinished runs no other tab is recording now, with the totals of what was saved of them (their
 * index entry is as it was when they began); a run that cannot be read keeps its index entry.
 */
export async function unfinishedSessions(): Promise<SessionSummary[]> {
  const recording = indexFrom(await get(SESSIONS_KEY, kvStore())).filter((s) => s.status === 'recording');
  if (recording.length === 0) return [];
  const live = await sessionsRecordedNow();
  const left = recording.filter((s) => !live.has(s.id));
  if (left.length === 0) return [];
  const { unfinishedSummary } = await import('./session-store.js');
  return Promise.all(left.map(async (s) => (await unfinishedSummary(s.id).catch(() => null)) ?? s));
}

/** Ids of the runs some tab of the app (this one too) is writing now: each holds its run's lock. */
export async function sessionsRecordedNow(): Promise<Set<string>> {
  if (!navigator.locks) return new Set();
  const { held = [] } = await navigator.locks.query();
  const prefix = recordingLockName('');
  const names = held.map((lock) => lock.name ?? '').filter((name) => name.startsWith(prefix));
  return new Set(names.map((name) => name.slice(prefix.length)));
}
