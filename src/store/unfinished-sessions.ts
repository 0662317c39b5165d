// Runs a closed tab left 'recording', found at start with one key read; the code that recovers
// them (the store, the recorder) loads only when there is one.

import { get } from 'idb-keyval';
import type { SessionSummary } from '../session/recorded-session.js';
import { kvStore } from './kv.js';
import { SESSIONS_KEY, indexFrom, recordingLockName } from './session-keys.js';

/** Unfinished runs no other tab is recording now. */
export async function unfinishedSessions(): Promise<SessionSummary[]> {
  const recording = indexFrom(await get(SESSIONS_KEY, kvStore())).filter((s) => s.status === 'recording');
  if (recording.length === 0 || !navigator.locks) return recording;
  const { held = [] } = await navigator.locks.query();
  const live = new Set(held.map((lock) => lock.name));
  return recording.filter((s) => !live.has(recordingLockName(s.id)));
}
